package dev.chainrule.examples;

import dev.chainrule.engine.Tensor;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.data.ConfusionMatrix;
import dev.chainrule.nn.data.Csv;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Standardizer;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.tensor.Init;
import dev.chainrule.nn.tensor.Sequential;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The course's Keras assignment, done with Chainrule's tensors: a softmax MLP (one ReLU hidden
 * layer, softmax cross-entropy, Adam, mini-batches) on iris and on the 8×8 digits. Prints the
 * test accuracy and the confusion matrix of each.
 *
 * <p>Iris features are standardised (fitted on the training part); digit pixels 0..16 are
 * divided by 16. Both splits are seeded 80/20.
 */
public final class MulticlassExample implements Example {

    /** One data set's setting: where the data is, and the network and training to use. */
    record Task(String title, String file, Csv.Header header, String label, List<String> classes,
            int hidden, int epochs, long seed) {
    }

    static final Task IRIS = new Task("iris", "iris.csv", Csv.Header.SKIP_FIRST_LINE, "c5",
            List.of("setosa", "versicolor", "virginica"), 16, 60, 1);
    static final Task DIGITS = new Task("digits", "digits.csv", Csv.Header.NONE, "c65",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), 64, 15, 1);

    /** One task's outcome. */
    record Result(Task task, int trainSize, int testSize, int inputs, int parameters,
            TrainingHistory history, ConfusionMatrix confusion) {
    }

    @Override
    public String name() {
        return "multiclass";
    }

    @Override
    public String summary() {
        return "softmax MLPs on iris and on digits (the Keras assignment): accuracy, confusion";
    }

    /** The task's data, split 80/20 (seed 7) and scaled. */
    static Dataset.Split data(Task task) {
        Dataset all = Csv.read(Resources.reader(task.file()), task.file(), task.header())
                .toDataset(task.label());
        Dataset.Split split = all.split(0.2, 7);
        if (task == DIGITS) {
            return new Dataset.Split(scaled(split.train(), 1.0 / 16), scaled(split.test(), 1.0 / 16));
        }
        Standardizer s = Standardizer.fit(split.train());
        return new Dataset.Split(s.transform(split.train()), s.transform(split.test()));
    }

    private static Dataset scaled(Dataset d, double factor) {
        double[][] x = d.features();
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
        return new Dataset(d.featureNames(), x, d.labels());
    }

    private static Tensor inputs(Dataset d) {
        return Tensor.of(d.features()).requiresGrad(false);
    }

    /** Trains a softmax MLP on one task and measures it on the test part. */
    static Result train(Task task) {
        Dataset.Split split = data(task);
        Dataset train = split.train();
        Sequential net = Sequential.mlp(train.featureCount(),
                List.of(task.hidden(), task.classes().size()), Activation.RELU, Init.heNormal(),
                new Random(task.seed()));
        TrainingHistory history = Trainer.builder(
                batch -> Losses.softmaxCrossEntropy(net.forward(inputs(batch)),
                        batch.classLabels()),
                new Adam(net.parameters(), 0.01))
                .epochs(task.epochs()).batchSize(32).seed(task.seed())
                .progressBar(false)
                .build()
                .fit(train);
        ConfusionMatrix cm = ConfusionMatrix.of(split.test().classLabels(),
                net.predictClasses(inputs(split.test())), task.classes().size());
        return new Result(task, train.size(), split.test().size(), train.featureCount(),
                net.parameterCount(), history, cm);
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        print(train(IRIS), out);
        print(train(DIGITS), out);
    }

    /** Prints one task's result as {@link #run} does. */
    static void print(Result r, PrintStream out) {
        Task t = r.task();
        out.printf("%s: %d training and %d test examples; MLP %d-%d-%d (%d parameters), ReLU,"
                + " softmax cross-entropy, Adam 0.01, batches of 32, %d epochs%n", t.title(),
                r.trainSize(), r.testSize(), r.inputs(), t.hidden(),
                t.classes().size(), r.parameters(), t.epochs());
        out.println("  train loss " + Format.fixed(r.history().epochs().get(0).trainLoss(), 4)
                + " → " + Format.fixed(r.history().last().trainLoss(), 4));
        out.println("  test accuracy " + Format.fixed(100 * r.confusion().accuracy(), 1) + " %");
        out.println("  confusion matrix (rows: actual, columns: predicted)");
        int width = t.classes().stream().mapToInt(String::length).max().orElse(1) + 1;
        StringBuilder head = new StringBuilder("  " + " ".repeat(width));
        for (String c : t.classes()) {
            head.append(String.format("%" + Math.max(4, c.length() + 1) + "s", c));
        }
        out.println(head);
        int[][] counts = r.confusion().counts();
        for (int a = 0; a < counts.length; a++) {
            StringBuilder row = new StringBuilder(String.format("  %-" + width + "s",
                    t.classes().get(a)));
            for (int p = 0; p < counts.length; p++) {
                row.append(String.format("%" + Math.max(4, t.classes().get(p).length() + 1)
                        + "d", counts[a][p]));
            }
            out.println(row);
        }
    }

    /** Runs this example alone. */
    public static void main(String... args) throws IOException {
        Examples.main("multiclass");
    }
}
