package dev.chainrule.nn.train;

import dev.chainrule.engine.Autograd;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Metrics;
import dev.chainrule.nn.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Runs training epochs: shuffled mini-batches, zero grads, loss, backward, optimizer step. It
 * records the loss (and accuracy, given a {@link Classifier}) after every epoch, and stops early
 * when the loss stops changing, the gradient vanishes, or the held-out loss stops improving.
 *
 * <pre>{@code
 * TrainingHistory h = Trainer.builder(model::loss, new Sgd(model.parameters(), 0.1))
 *         .epochs(200).batchSize(32).seed(7)
 *         .classifier(model::predict)
 *         .validation(heldOut).patience(10)
 *         .build()
 *         .fit(train);
 * }</pre>
 *
 * <p>A progress bar is drawn on standard error when a terminal is attached
 * ({@code System.console() != null}) and the {@code CI} environment variable is not set; tests
 * and CI stay quiet.
 */
public final class Trainer {
    private final Objective objective;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final Dataset validation;
    private final Classifier classifier;
    private final double lossTolerance;
    private final double gradTolerance;
    private final int patience;
    private final List<TrainingCallback> callbacks;
    private final boolean progress;

    private Trainer(Builder b) {
        this.objective = b.objective;
        this.optimizer = b.optimizer;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.validation = b.validation;
        this.classifier = b.classifier;
        this.lossTolerance = b.lossTolerance;
        this.gradTolerance = b.gradTolerance;
        this.patience = b.patience;
        this.callbacks = List.copyOf(b.callbacks);
        this.progress = b.progress == null ? ProgressBar.terminalAttached() : b.progress;
    }

    /**
     * Starts configuring a trainer.
     *
     * @param objective the loss of a batch
     * @param optimizer updates the parameters the loss depends on
     * @return this builder
     */
    public static Builder builder(Objective objective, Optimizer optimizer) {
        return new Builder(objective, optimizer);
    }

    /** Configures a {@link Trainer}; every setting has a default except the objective and optimizer. */
    public static final class Builder {
        private final Objective objective;
        private final Optimizer optimizer;
        private int epochs = 100;
        private int batchSize;
        private long seed;
        private Dataset validation;
        private Classifier classifier;
        private double lossTolerance = -1;
        private double gradTolerance = -1;
        private int patience;
        private final List<TrainingCallback> callbacks = new ArrayList<>();
        private Boolean progress;

        private Builder(Objective objective, Optimizer optimizer) {
            this.objective = Objects.requireNonNull(objective, "objective");
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        }

        /**
         * The most epochs to run (default 100).
         *
         * @param epochs how many passes over the training data
         * @return this builder
         */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("Trainer: epochs must be at least 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * Examples per batch; 0 (the default) means the whole training set, unshuffled.
         *
         * @param batchSize the mini-batch size
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 0) {
                throw new IllegalArgumentException("Trainer: batch size must be >= 0, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The seed of the batch shuffling (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * A held-out set whose loss (and accuracy) is measured after every epoch.
         *
         * @param heldOut the held out
         * @return this builder
         */
        public Builder validation(Dataset heldOut) {
            this.validation = Objects.requireNonNull(heldOut, "heldOut");
            return this;
        }

        /**
         * Predicts classes, so that accuracy is recorded.
         *
         * @param classifier the classifier
         * @return this builder
         */
        public Builder classifier(Classifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * Stop when the epoch loss changes by less than {@code tol} (off by default).
         *
         * @param tol the tolerance
         * @return this builder
         */
        public Builder lossTolerance(double tol) {
            this.lossTolerance = nonNegative(tol, "loss tolerance");
            return this;
        }

        /**
         * Stop when the gradient norm falls below {@code tol} (off by default).
         *
         * @param tol the tolerance
         * @return this builder
         */
        public Builder gradNormTolerance(double tol) {
            this.gradTolerance = nonNegative(tol, "gradient tolerance");
            return this;
        }

        /**
         * Stop when the held-out loss has not improved on its best for {@code epochs} epochs in a
         * row (needs {@link #validation(Dataset)}; 0, the default, turns it off).
         *
         * @param epochs how many passes over the training data
         * @return this builder
         */
        public Builder patience(int epochs) {
            if (epochs < 0) {
                throw new IllegalArgumentException("Trainer: patience must be >= 0, got " + epochs);
            }
            this.patience = epochs;
            return this;
        }

        /**
         * Adds a callback run after every epoch.
         *
         * @param callback the callback
         * @return this builder
         */
        public Builder callback(TrainingCallback callback) {
            callbacks.add(Objects.requireNonNull(callback, "callback"));
            return this;
        }

        /**
         * Forces the progress bar on or off (default: on only in a terminal outside CI).
         *
         * @param show whether to show it
         * @return this builder
         */
        public Builder progressBar(boolean show) {
            this.progress = show;
            return this;
        }

        private static double nonNegative(double tol, String what) {
            if (!(tol >= 0)) {
                throw new IllegalArgumentException("Trainer: " + what + " must be >= 0, got " + tol);
            }
            return tol;
        }

        /**
         * The trainer.
         *
         * @return the trainer
         * @throws IllegalStateException if patience is set without a held-out set
         */
        public Trainer build() {
            if (patience > 0 && validation == null) {
                throw new IllegalStateException("Trainer: patience needs a held-out set; call validation(...)");
            }
            return new Trainer(this);
        }
    }

    /**
     * Trains on {@code train} until an epoch limit or a stopping rule.
     *
     * @param train the training examples (not modified)
     * @return every epoch's record and the reason for stopping
     * @throws IllegalArgumentException if {@code train} is empty
     */
    public TrainingHistory fit(Dataset train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("Trainer: the training set is empty");
        }
        Random rng = new Random(seed);
        List<EpochRecord> records = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        ProgressBar bar = progress ? new ProgressBar(System.err, epochs) : null;
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                List<Dataset> batches = batchSize == 0 ? List.of(train) : train.batches(batchSize, rng);
                double lossSum = 0;
                double gradNorm = 0;
                double lr = 0;
                for (Dataset batch : batches) {
                    optimizer.zeroGrad();
                    var loss = objective.loss(batch);
                    double value = LossNodes.value(loss);
                    if (!Double.isFinite(value)) {
                        throw new IllegalStateException("Trainer: the loss became " + value + " in epoch " + epoch
                                + "; lower the learning rate or check the data");
                    }
                    LossNodes.backward(loss);
                    gradNorm = optimizer.gradNorm();
                    lr = optimizer.learningRate();
                    optimizer.step();
                    lossSum += value * batch.size();
                }
                EpochRecord r = measure(epoch, lossSum / train.size(), train, gradNorm, lr);
                records.add(r);
                for (TrainingCallback c : callbacks) {
                    c.afterEpoch(r);
                }
                if (bar != null) {
                    bar.update(epoch, String.format(Locale.ROOT, "loss %.5g", r.trainLoss()));
                }
                if (gradTolerance >= 0 && gradNorm < gradTolerance) {
                    return new TrainingHistory(records, StopReason.GRADIENT_SMALL, "gradient norm " + gradNorm
                            + " fell below " + gradTolerance + " in epoch " + epoch);
                }
                if (lossTolerance >= 0 && records.size() > 1) {
                    double change = Math.abs(r.trainLoss() - records.get(records.size() - 2).trainLoss());
                    if (change < lossTolerance) {
                        return new TrainingHistory(records, StopReason.LOSS_CONVERGED, "loss changed by " + change
                                + " (< " + lossTolerance + ") in epoch " + epoch);
                    }
                }
                if (patience > 0) {
                    double v = r.validationLoss().getAsDouble();
                    if (v < best) {
                        best = v;
                        sinceBest = 0;
                    } else if (++sinceBest >= patience) {
                        return new TrainingHistory(records, StopReason.VALIDATION_NOT_IMPROVING, "held-out loss "
                                + "has not improved on " + best + " for " + patience + " epochs (epoch " + epoch + ")");
                    }
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return new TrainingHistory(records, StopReason.EPOCHS_DONE, "ran all " + epochs + " epochs");
    }

    private EpochRecord measure(int epoch, double trainLoss, Dataset train, double gradNorm, double lr) {
        OptionalDouble trainAcc = OptionalDouble.empty();
        OptionalDouble valLoss = OptionalDouble.empty();
        OptionalDouble valAcc = OptionalDouble.empty();
        try (Autograd.Scope s = Autograd.noGrad()) {
            if (classifier != null) {
                trainAcc = OptionalDouble.of(Metrics.accuracy(train.classLabels(), classifier.predict(train)));
            }
            if (validation != null) {
                valLoss = OptionalDouble.of(LossNodes.value(objective.loss(validation)));
                if (classifier != null) {
                    valAcc = OptionalDouble.of(Metrics.accuracy(validation.classLabels(),
                            classifier.predict(validation)));
                }
            }
        }
        return new EpochRecord(epoch, trainLoss, trainAcc, valLoss, valAcc, gradNorm, lr);
    }
}
