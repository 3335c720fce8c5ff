package dev.chainrule.examples;

import dev.chainrule.nn.data.ConfusionMatrix;
import dev.chainrule.nn.data.Csv;
import dev.chainrule.nn.data.DataTable;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Standardizer;
import dev.chainrule.nn.models.LogisticRegression;
import dev.chainrule.nn.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Logistic regression on the Wisconsin breast cancer data: standardised features, one sigmoid
 * neuron, binary cross-entropy, full-batch gradient descent. Accuracy, precision and recall are
 * printed at the usual threshold 0.5 and at a lower and a higher one, to show the trade-off:
 * raising the threshold buys precision with recall.
 *
 * <p>The positive class is <em>malignant</em> (the file codes it 0; it is flipped to 1 here), so
 * recall is the share of cancers found. The split is a seeded 80/20; the standardiser is fitted
 * on the training part only.
 */
public final class LogisticRegressionExample implements Example {

    static final long SPLIT_SEED = 7;
    static final int EPOCHS = 100;
    static final double RATE = 0.5;
    static final double[] THRESHOLDS = {0.1, 0.5, 0.9};

    /** The metrics at one threshold, on the test set. */
    record AtThreshold(double threshold, ConfusionMatrix matrix) {
        double accuracy() {
            return matrix.accuracy();
        }

        double precision() {
            return matrix.precision(1);
        }

        double recall() {
            return matrix.recall(1);
        }
    }

    /** The training history and the test metrics at each of {@link #THRESHOLDS}. */
    record Result(int trainSize, int testSize, TrainingHistory history, List<AtThreshold> rows) {
    }

    @Override
    public String name() {
        return "logistic-regression";
    }

    @Override
    public String summary() {
        return "logistic regression on breast cancer: precision against recall across thresholds";
    }

    /** breast_cancer.csv with malignant as class 1, split 80/20 and standardised on train. */
    static Dataset.Split data() {
        DataTable table = Csv.read(Resources.reader("breast_cancer.csv"), "breast_cancer.csv",
                Csv.Header.SKIP_FIRST_LINE);
        Dataset raw = table.toDataset("c31");
        double[] malignant = new double[raw.size()];
        for (int i = 0; i < malignant.length; i++) {
            malignant[i] = 1 - raw.label(i);
        }
        Dataset.Split split = new Dataset(raw.featureNames(), raw.features(), malignant)
                .split(0.2, SPLIT_SEED);
        Standardizer scale = Standardizer.fit(split.train());
        return new Dataset.Split(scale.transform(split.train()), scale.transform(split.test()));
    }

    /** Trains the model and measures it on the test set at each threshold. */
    static Result compute() {
        Dataset.Split split = data();
        LogisticRegression model = new LogisticRegression(split.train().featureCount());
        TrainingHistory history = model.fit(split.train(), EPOCHS, RATE);
        List<AtThreshold> rows = new ArrayList<>();
        int[] actual = split.test().classLabels();
        for (double t : THRESHOLDS) {
            int[] predicted = model.threshold(t).predict(split.test());
            rows.add(new AtThreshold(t, ConfusionMatrix.of(actual, predicted, 2)));
        }
        return new Result(split.train().size(), split.test().size(), history, rows);
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        print(compute(), out);
    }

    /** Prints a result as {@link #run} does. */
    static void print(Result r, PrintStream out) {
        out.println("Breast cancer: " + r.trainSize() + " training and " + r.testSize()
                + " test records, 30 standardised features; positive class = malignant");
        out.println("One sigmoid neuron, BCE, gradient descent η = " + RATE + ", " + EPOCHS
                + " epochs: train loss " + Format.fixed(r.history().epochs().get(0).trainLoss(), 4)
                + " → " + Format.fixed(r.history().last().trainLoss(), 4));
        out.printf("%-10s %9s %10s %7s   %s%n", "threshold", "accuracy", "precision", "recall",
                "TP FP FN TN");
        for (AtThreshold row : r.rows()) {
            ConfusionMatrix m = row.matrix();
            out.printf("%-10s %9s %10s %7s   %d %d %d %d%n", Format.plain(row.threshold()),
                    Format.fixed(row.accuracy(), 3), Format.fixed(row.precision(), 3),
                    Format.fixed(row.recall(), 3), m.count(1, 1), m.count(0, 1), m.count(1, 0),
                    m.count(0, 0));
        }
        out.println("A higher threshold flags fewer tumours: precision rises, recall falls.");
    }

    /** Runs this example alone. */
    public static void main(String... args) throws IOException {
        Examples.main("logistic-regression");
    }
}
