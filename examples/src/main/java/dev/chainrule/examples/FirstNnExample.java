package dev.chainrule.examples;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.data.Csv;
import dev.chainrule.nn.data.DataTable;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Metrics;
import dev.chainrule.nn.data.Standardizer;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingHistory;
import dev.chainrule.viz.Charts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Lab 21's {@code firstNN(data, epochs)}, built as the lab designs it, then a bigger network
 * beyond the lab.
 *
 * <p><b>The lab's network</b> ({@link FirstNnNetwork}): the number of inputs n comes from the
 * data, then {@code in_weights} (n of them) and one {@code hid_weight}, sigmoid at the hidden
 * and the output unit, no biases, a threshold at the output, and per-record stochastic gradient
 * descent with the records shuffled every epoch. Its boundary is a straight line through the
 * origin, so it is trained where that can work: iris setosa (class 0) against versicolor
 * (class 1) on petal length and width, standardised with the sample standard deviation. It
 * prints all the weights and the predictions, as the lab asks.
 *
 * <p><b>Beyond the lab</b>: a 2-{@value #HIDDEN}-1 sigmoid network with biases on a disc of
 * class 1 inside a ring of class 0 ({@link #disc}), which no line separates: {@value #PER_CLASS}
 * points of each, radius and angle drawn uniformly from
 * {@code new Random(}{@value #DATA_SEED}{@code )}, trained on ½(y − ŷ)² by per-example SGD and
 * classified by ŷ ≥ 0.5. Pictures: both decision boundaries, and the bigger network's loss and
 * accuracy per epoch.
 */
public final class FirstNnExample implements Example {

    /** The seed of the lab network's starting weights and of its shuffling. */
    static final long LAB_SEED = 1;
    static final double LAB_RATE = 0.5;
    static final int LAB_EPOCHS = 50;

    static final long DATA_SEED = 2024;
    static final int PER_CLASS = 30;
    static final int HIDDEN = 4;
    static final long WEIGHT_SEED = 5;
    static final double RATE = 0.5;
    static final int EPOCHS = 300;

    /**
     * The lab's firstNN after training: the data, the network, the mean squared error of the
     * first and the last epoch, each record's output Red and predicted class, the accuracy, and
     * the accuracy a threshold at 0.5 would have given.
     */
    record LabResult(Dataset data, FirstNnNetwork network, double firstEpochError,
            double lastEpochError, double[] outputs, int[] predictions, double accuracy,
            double accuracyAtHalf) {
    }

    /** The bigger network after training, its history and its predictions on the data. */
    record BiggerResult(Dataset data, MLP model, TrainingHistory history, double[] outputs,
            int[] predictions, double accuracy) {
    }

    @Override
    public String name() {
        return "first-nn";
    }

    @Override
    public String summary() {
        return "firstNN(data, epochs): n inputs → 1 hidden unit → 1 output, no biases, per-record"
                + " SGD; then a bigger network";
    }

    /**
     * Iris setosa (class 0) and versicolor (class 1), 100 records in file order, with petal
     * length and width standardised (sample standard deviation, n − 1).
     */
    static Dataset irisSetosaVersicolor() {
        DataTable table = Csv.read(Resources.reader("iris.csv"), "iris.csv",
                Csv.Header.SKIP_FIRST_LINE);
        Dataset all = table.toDataset("c5", List.of("c3", "c4"));
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.label(i) < 2) {
                keep.add(i);
            }
        }
        Dataset two = all.subset(keep.stream().mapToInt(Integer::intValue).toArray());
        double[][] x = Standardizer.fit(two.features()).transform(two.features());
        return new Dataset(List.of("petal length", "petal width"), x, two.labels());
    }

    /**
     * The lab's {@code firstNN(data, epochs)}: sizes the input layer from the data, sets the
     * starting weights, then for each epoch shuffles the records and updates every weight on
     * each record; finally predicts every record with the threshold at the output.
     */
    static LabResult firstNn(Dataset data, int epochs) {
        // Determine the number of input nodes given the data, and initialise the weights.
        Random rng = new Random(LAB_SEED);
        FirstNnNetwork net = new FirstNnNetwork(data.featureCount(), rng);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            order.add(i);
        }
        double first = Double.NaN;
        double last = Double.NaN;
        for (int e = 0; e < epochs; e++) {
            Collections.shuffle(order, rng);
            double sum = 0;
            for (int i : order) {
                sum += net.step(data.features(i), data.label(i), LAB_RATE);
            }
            last = sum / data.size();
            if (e == 0) {
                first = last;
            }
        }
        double[] outputs = new double[data.size()];
        int[] predictions = new int[data.size()];
        int[] atHalf = new int[data.size()];
        try (Autograd.Scope s = Autograd.noGrad()) {
            for (int i = 0; i < outputs.length; i++) {
                outputs[i] = net.output(data.features(i));
                predictions[i] = net.predict(data.features(i));
                atHalf[i] = outputs[i] >= 0.5 ? 1 : 0;
            }
        }
        int[] actual = data.classLabels();
        return new LabResult(data, net, first, last, outputs, predictions,
                Metrics.accuracy(actual, predictions), Metrics.accuracy(actual, atHalf));
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
     * Beyond the lab: trains a fresh 2-{@value #HIDDEN}-1 sigmoid network with biases by
     * per-example SGD, the examples reshuffled every epoch.
     */
    static BiggerResult biggerNetwork(Dataset data, int epochs) {
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
        return new BiggerResult(data, model, history, out, predicted,
                Metrics.accuracy(data.classLabels(), predicted));
    }

    /** The bigger network's threshold at the output: class 1 when ŷ ≥ 0.5. */
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
        LabResult lab = firstNn(irisSetosaVersicolor(), LAB_EPOCHS);
        print(lab, out);
        labPicture(lab, out, outDir);
        out.println();
        BiggerResult big = biggerNetwork(disc(), EPOCHS);
        print(big, out);
        pictures(big, out, outDir);
    }

    /** Writes the lab network's decision boundary over its data into {@code outDir}. */
    static void labPicture(LabResult r, PrintStream out, Path outDir) {
        FirstNnNetwork net = r.network();
        Pictures.chart(out, Charts.decisionBoundary((a, b) -> labOutput(net, a, b),
                net.threshold(), r.data().features(), r.data().classLabels()), outDir,
                "first-nn-lab-decision-boundary");
    }

    private static double labOutput(FirstNnNetwork net, double a, double b) {
        try (Autograd.Scope s = Autograd.noGrad()) {
            return net.output(new double[] {a, b});
        }
    }

    /** Writes the bigger network's decision boundary and training curves into {@code outDir}. */
    static void pictures(BiggerResult r, PrintStream out, Path outDir) {
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

    /** Prints the lab network's result as {@link #run} does. */
    static void print(LabResult r, PrintStream out) {
        Dataset d = r.data();
        FirstNnNetwork net = r.network();
        out.println("Lab 21's firstNN, as the lab designs it: n inputs → 1 hidden unit → 1 output,"
                + " sigmoid at both, no biases");
        out.println("Data: iris setosa (class 0) and versicolor (class 1), " + d.size()
                + " records; petal length and width standardised (sample std) → n = "
                + d.featureCount() + " inputs");
        out.println("firstNN(data, " + LAB_EPOCHS + "): per-record SGD on (y − Red)², η = "
                + LAB_RATE + ", records shuffled every epoch (seed " + LAB_SEED + ")");
        out.println("  mean (y − Red)² over an epoch: " + Format.fixed(r.firstEpochError(), 4)
                + " (first) → " + Format.fixed(r.lastEpochError(), 4) + " (last)");
        out.println("Final weights");
        Value[] in = net.inWeights();
        for (int i = 0; i < in.length; i++) {
            out.printf("  %-14s %8s   (%s)%n", in[i].label(), Format.fixed(in[i].data(), 4),
                    d.featureNames().get(i));
        }
        out.printf("  %-14s %8s%n", "hid_weight", Format.fixed(net.hidWeight().data(), 4));
        out.println("Threshold at the output: class 1 when Red ≥ σ(hid_weight/2) = "
                + Format.fixed(net.threshold(), 4) + ", Red at the hidden unit's midpoint H = 0.5.");
        out.println("  (At 0.5 every record gets the same class, accuracy "
                + Format.fixed(100 * r.accuracyAtHalf(), 1) + " %: with no bias, Red ="
                + " σ(hid_weight·H) and H > 0, so Red ≥ 0.5 exactly when hid_weight ≥ 0.)");
        out.println("Predictions, records in file order, 25 a line (labels beneath)");
        printClasses(r.predictions(), d.classLabels(), out);
        out.println("Accuracy " + Format.fixed(100 * r.accuracy(), 1) + " % ("
                + Math.round(r.accuracy() * d.size()) + " of " + d.size() + ")");
        out.println("The lab writes d/dw MSE = (2/N)·Σ(truth − Red)·dRed/dw; the chain rule gives"
                + " −(2/N)·Σ(truth − Red)·dRed/dw,");
        out.println("  since d(truth − Red)²/dRed = −2(truth − Red): stepping against the lab's"
                + " expression would climb the error. The engine differentiates (y − Red)² itself.");
    }

    /** Predicted classes over actual ones, {@code perLine} a line, a mismatch marked by ^. */
    private static void printClasses(int[] predicted, int[] actual, PrintStream out) {
        int perLine = 25;
        for (int start = 0; start < predicted.length; start += perLine) {
            StringBuilder p = new StringBuilder("  preds  ");
            StringBuilder a = new StringBuilder("  labels ");
            StringBuilder marks = new StringBuilder();
            for (int i = start; i < Math.min(predicted.length, start + perLine); i++) {
                p.append(predicted[i]);
                a.append(actual[i]);
                marks.append(predicted[i] == actual[i] ? ' ' : '^');
            }
            out.println(p);
            out.println(a);
            if (!marks.toString().isBlank()) {
                out.println("         " + marks.toString().stripTrailing() + "  wrong");
            }
        }
    }

    /** Prints the bigger network's result as {@link #run} does. */
    static void print(BiggerResult r, PrintStream out) {
        out.println("Beyond the lab: a 2-" + HIDDEN + "-1 sigmoid network WITH biases, on "
                + PER_CLASS + " points in a disc (class 1) inside a ring of " + PER_CLASS
                + " (class 0), seed " + DATA_SEED);
        out.println("  (no straight line separates them, so the lab's network cannot; per-example"
                + " SGD η = " + RATE + ", " + EPOCHS + " epochs, shuffled every epoch)");
        out.println("  loss per epoch (mean ½(y − ŷ)²): "
                + Format.fixed(r.history().epochs().get(0).trainLoss(), 4) + " → "
                + Format.fixed(r.history().last().trainLoss(), 4));
        out.println("Final weights");
        for (Map.Entry<String, Value> e : r.model().namedParameters().entrySet()) {
            out.printf("  %-9s %s%n", e.getKey(), Format.fixed(e.getValue().data(), 4));
        }
        out.println("Predictions (ŷ ≥ 0.5 → 1), points in order, 25 a line (labels beneath)");
        printClasses(r.predictions(), r.data().classLabels(), out);
        out.println("Accuracy " + Format.fixed(100 * r.accuracy(), 1) + " %");
    }

    /** Runs this example alone. */
    public static void main(String... args) throws IOException {
        Examples.main("first-nn");
    }
}
