package dev.chainrule.examples;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Metrics;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingHistory;
import dev.chainrule.viz.Charts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The lab's {@code firstNN(data, epochs)}: a small network trained by per-example stochastic
 * gradient descent, the examples shuffled every epoch, with a sigmoid hidden layer and a
 * threshold at the output, on a 2-D set that no straight line separates.
 *
 * <p>The data ({@link #disc}): {@value #PER_CLASS} points of class 1 in a disc of radius 0.5
 * around the origin and {@value #PER_CLASS} of class 0 in the ring 0.9 ≤ r ≤ 1.3, radius and
 * angle drawn uniformly from {@code new Random(}{@value #DATA_SEED}{@code )}. The network is
 * 2-{@value #HIDDEN}-1 with sigmoid units; it is trained on ½(y − ŷ)² of the sigmoid output, and
 * classifies by the threshold ŷ ≥ 0.5 (the step itself has derivative 0, so it cannot be
 * trained through). Pictures: the decision boundary over the data, and loss and accuracy per
 * epoch.
 */
public final class FirstNnExample implements Example {

    static final long DATA_SEED = 2024;
    static final int PER_CLASS = 30;
    static final int HIDDEN = 4;
    static final long WEIGHT_SEED = 5;
    static final double RATE = 0.5;
    static final int EPOCHS = 300;

    /** The trained network, its history and its predictions on the data. */
    record Result(Dataset data, MLP model, TrainingHistory history, double[] outputs,
            int[] predictions, double accuracy) {
    }

    @Override
    public String name() {
        return "first-nn";
    }

    @Override
    public String summary() {
        return "firstNN(data, epochs): per-example SGD, sigmoid hidden layer, thresholded output";
    }

    /** A disc of class 1 inside a ring of class 0: not linearly separable. */
    static Dataset disc() {
        Random rng = new Random(DATA_SEED);
        double[][] x = new double[2 * PER_CLASS][];
        double[] y = new double[2 * PER_CLASS];
        for (int i = 0; i < x.length; i++) {
            boolean inner = i % 2 == 0;
            double r = inner ? 0.5 * rng.nextDouble() : 0.9 + 0.4 * rng.nextDouble();
            double angle = 2 * Math.PI * rng.nextDouble();
            x[i] = new double[] {r * Math.cos(angle), r * Math.sin(angle)};
            y[i] = inner ? 1 : 0;
        }
        return new Dataset(List.of("x1", "x2"), x, y);
    }

    /**
     * firstNN(data, epochs): trains a fresh 2-{@value #HIDDEN}-1 network by per-example SGD
     * with the examples reshuffled every epoch.
     */
    static Result firstNn(Dataset data, int epochs) {
        MLP model = new MLP(2, List.of(HIDDEN, 1),
                List.of(Activation.SIGMOID, Activation.SIGMOID), new Random(WEIGHT_SEED));
        TrainingHistory history = Trainer.builder(
                batch -> Losses.halfSse(SingleOutput.of(model, batch), batch.labels()),
                new Sgd(model.parameters(), RATE))
                .epochs(epochs).batchSize(1).seed(WEIGHT_SEED)
                .classifier(d -> predict(model, d))
                .progressBar(false)
                .build()
                .fit(data);
        double[] out = new double[data.size()];
        List<Value> o = SingleOutput.of(model, data);
        for (int i = 0; i < out.length; i++) {
            out[i] = o.get(i).data();
        }
        int[] predicted = predict(model, data);
        return new Result(data, model, history, out, predicted,
                Metrics.accuracy(data.classLabels(), predicted));
    }


    /** The threshold at the output: class 1 when ŷ ≥ 0.5. */
    static int[] predict(MLP model, Dataset data) {
        int[] p = new int[data.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.forward(data.features(i)).get(0).data() >= 0.5 ? 1 : 0;
        }
        return p;
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Result r = firstNn(disc(), EPOCHS);
        print(r, out);
        pictures(r, out, outDir);
    }

    /** Writes the decision boundary and the training curves into {@code outDir}. */
    static void pictures(Result r, PrintStream out, Path outDir) {
        Pictures.chart(out, Charts.decisionBoundary((a, b) -> output(r.model(), a, b), 0.5,
                r.data().features(), r.data().classLabels()), outDir, "first-nn-decision-boundary");
        Pictures.chart(out, Charts.history(r.history().trainLosses(),
                r.history().trainAccuracies()), outDir,
                "first-nn-training");
    }

    /** The trained network's ŷ at (a, b), without recording a graph. */
    static double output(MLP model, double a, double b) {
        try (Autograd.Scope s = Autograd.noGrad()) {
            return model.forward(a, b).get(0).data();
        }
    }

    /** Prints a result as {@link #run} does. */
    static void print(Result r, PrintStream out) {
        out.println("Data: " + PER_CLASS + " points in a disc (class 1) inside a ring of "
                + PER_CLASS + " (class 0), seed " + DATA_SEED);
        out.println("firstNN(data, " + EPOCHS + "): 2-" + HIDDEN + "-1 sigmoid network,"
                + " per-example SGD η = " + RATE + ", shuffled every epoch");
        out.println("  loss per epoch (mean ½(y − ŷ)²): "
                + Format.fixed(r.history().epochs().get(0).trainLoss(), 4) + " → "
                + Format.fixed(r.history().last().trainLoss(), 4));
        out.println("Final weights");
        for (Map.Entry<String, Value> e : r.model().namedParameters().entrySet()) {
            out.printf("  %-9s %s%n", e.getKey(), Format.fixed(e.getValue().data(), 4));
        }
        out.println("Predictions (ŷ ≥ 0.5 → 1)");
        out.printf("  %8s %8s %6s %7s %5s%n", "x1", "x2", "label", "ŷ", "class");
        Dataset d = r.data();
        for (int i = 0; i < d.size(); i++) {
            out.printf("  %8s %8s %6d %7s %5d%s%n", Format.fixed(d.feature(i, 0), 3),
                    Format.fixed(d.feature(i, 1), 3), (int) d.label(i),
                    Format.fixed(r.outputs()[i], 3), r.predictions()[i],
                    r.predictions()[i] == (int) d.label(i) ? "" : "  wrong");
        }
        out.println("Accuracy " + Format.fixed(100 * r.accuracy(), 1) + " %");
    }

    /** Runs this example alone. */
    public static void main(String... args) throws IOException {
        Examples.main("first-nn");
    }
}
