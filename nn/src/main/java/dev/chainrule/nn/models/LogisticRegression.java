package dev.chainrule.nn.models;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.Module;
import dev.chainrule.nn.Neuron;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * Logistic regression: one sigmoid neuron, {@code p = σ(b + Σ w_i·x_i)}, trained with binary
 * cross-entropy; it predicts class 1 when {@code p ≥ threshold} (default 0.5).
 *
 * <pre>{@code
 * LogisticRegression model = new LogisticRegression(train.featureCount());
 * model.fit(train, 200, 0.5);
 * int[] predicted = model.predict(test);
 * }</pre>
 *
 * <p>The loss is computed from the logit z with {@link Losses#bceWithLogits}, which equals BCE
 * of σ(z) but stays finite when σ(z) rounds to 0 or 1. Parameters are {@code w1 … wn, b}, all
 * starting at 0.
 */
public final class LogisticRegression implements Module {
    private final Neuron neuron;
    private double threshold = 0.5;

    /**
     * A model with all weights and the bias at 0.
     *
     * @param nin the number of features, at least 1
     * @throws IllegalArgumentException if {@code nin < 1}
     */
    public LogisticRegression(int nin) {
        this.neuron = Neuron.zeros(nin, Activation.LINEAR);
    }

    /**
     * Sets the decision threshold: class 1 when p ≥ threshold. Returns this model.
     *
     * @param threshold the threshold
     * @return this logistic regression
     * @throws IllegalArgumentException if it is outside [0, 1]
     */
    public LogisticRegression threshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("LogisticRegression: threshold must be in [0, 1], got " + threshold);
        }
        this.threshold = threshold;
        return this;
    }

    /** {@return the decision threshold} */
    public double threshold() {
        return threshold;
    }

    /**
     * {@return the logit z = b + Σ w_i·x_i, as a graph}
     *
     * @param x the input
     */
    public Value logit(double... x) {
        return neuron.forward(x);
    }

    /**
     * {@return the probability of class 1, σ(z), as a graph}
     *
     * @param x the input
     */
    public Value probability(double... x) {
        return logit(x).sigmoid();
    }

    /**
     * {@return the probability of class 1 for each example}
     *
     * @param data the data
     */
    public double[] probabilities(Dataset data) {
        double[] out = new double[data.size()];
        try (Autograd.Scope s = Autograd.noGrad()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = probability(data.features(i)).data();
            }
        }
        return out;
    }

    /**
     * {@return the predicted class of each example: 1 when p ≥ threshold, else 0}
     *
     * @param data the data
     */
    public int[] predict(Dataset data) {
        double[] p = probabilities(data);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] >= threshold ? 1 : 0;
        }
        return out;
    }

    /**
     * The mean binary cross-entropy over {@code batch} (labels 0 or 1), as a graph.
     *
     * @param batch the batch
     * @return the mean binary cross-entropy over {@code batch} (labels 0 or 1), as a graph
     * @throws IllegalArgumentException if a label is outside [0, 1] or the feature count is wrong
     */
    public Value loss(Dataset batch) {
        List<Value> z = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            z.add(logit(batch.features(i)));
        }
        return Losses.bceWithLogits(z, batch.labels());
    }

    /**
     * Full-batch gradient descent on the BCE loss for {@code epochs} epochs.
     *
     * @param train the training set, labels 0 or 1 (standardised features train best)
     * @param epochs the number of full-batch steps
     * @param learningRate the SGD learning rate
     * @return the loss and accuracy history
     */
    public TrainingHistory fit(Dataset train, int epochs, double learningRate) {
        return Trainer.builder(this::loss, new Sgd(parameters(), learningRate))
                .epochs(epochs)
                .classifier(this::predict)
                .build()
                .fit(train);
    }

    /** The weights, then the bias. */
    @Override
    public List<Value> parameters() {
        return neuron.parameters();
    }
}
