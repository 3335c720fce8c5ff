package dev.chainrule.examples;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.Bias;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.Module;
import dev.chainrule.nn.data.Csv;
import dev.chainrule.nn.data.DataTable;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Metrics;
import dev.chainrule.nn.data.Standardizer;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Gradient descent on the UCLA graduate admissions data (binary.csv), as in the material's two
 * exercises: (a) one sigmoid output unit and (b) one hidden layer of two sigmoid units.
 *
 * <p>Data preparation follows the material: gre and gpa standardised over all 400 rows, before
 * the split, with the sample standard deviation (n − 1) as the material's pandas computes it, and
 * rank dummy-encoded into rank_1..rank_4. The example first prints the ten rows the material
 * shows (data rows 15, 115, 55, ... of binary.csv, counted from 0 as pandas does), which agree
 * with it to every printed digit. Then a seeded 90/10 split. Neither network has a bias (the four
 * rank columns play that part), and the weights are drawn from a normal distribution with mean 0
 * and standard deviation 1/√n, n = 6 features (the material's
 * {@code np.random.normal(scale=1 / n_features**.5)}).
 *
 * <p>Each epoch makes one update from all training records: the material's
 * {@code w += η·Σ δ·x / n} with δ = (y − ŷ)·ŷ(1 − ŷ). That is exactly one gradient step on
 * ½·MSE, which is what is differentiated here; the printed loss is the MSE, as in the material.
 * The material's split and starting weights come from NumPy's generator seeded 42, ours from
 * {@code java.util.Random} seeded 42, so losses and accuracies are this program's own: the
 * material prints none to compare with.
 */
public final class AdmissionsExample implements Example {

    static final long SPLIT_SEED = 42;
    static final long WEIGHT_SEED = 42;

    /**
     * One network's run: the MSE at every 10 % of training (epoch 0 = before any update, the
     * last entry after the final one), and the test accuracy.
     */
    record Run(String title, int[] epochs, double[] trainLosses, double testAccuracy) {
    }

    /** Both runs, and the sizes of the split. */
    record Result(int trainSize, int testSize, Run singleUnit, Run hiddenLayer) {
    }

    @Override
    public String name() {
        return "admissions";
    }

    @Override
    public String summary() {
        return "gradient descent on UCLA admissions: one sigmoid unit, then a 2-unit hidden layer";
    }

    /**
     * The rows the material prints after its transformations (the first ten of its shuffled
     * training set), as indices of binary.csv's data rows counted from 0.
     */
    static final int[] MATERIAL_ROWS = {15, 115, 55, 175, 63, 67, 216, 145, 286, 339};

    /** The features, in the material's column order. */
    static final List<String> FEATURES = List.of("gre", "gpa", "rank_1", "rank_2", "rank_3",
            "rank_4");

    /**
     * All 400 rows of binary.csv prepared as the material does: gre and gpa standardised with
     * the sample standard deviation, rank one-hot encoded; the label is admit.
     */
    static Dataset prepared() {
        DataTable table = Csv.read(Resources.reader("binary.csv"), "binary.csv",
                Csv.Header.FIRST_LINE).oneHot("rank");
        double[][] scaled = Standardizer.fit(table.matrix(List.of("gre", "gpa")),
                Standardizer.Deviation.SAMPLE).transform(table.matrix(List.of("gre", "gpa")));
        double[][] x = table.matrix(FEATURES);
        for (int i = 0; i < x.length; i++) {
            x[i][0] = scaled[i][0];
            x[i][1] = scaled[i][1];
        }
        return new Dataset(FEATURES, x, table.column("admit"));
    }

    /** binary.csv prepared as the material does, split 90/10 with {@link #SPLIT_SEED}. */
    static Dataset.Split data() {
        return prepared().split(0.1, SPLIT_SEED);
    }

    /** Prints the material's ten rows of the prepared data, laid out as pandas prints them. */
    static void printMaterialRows(Dataset all, PrintStream out) {
        out.println("The material's ten rows after standardising (sample std, n − 1, as pandas)"
                + " and dummy ranks:");
        out.printf("%5s %5s %9s %9s %6s %6s %6s %6s%n", "", "admit", "gre", "gpa", "rank_1",
                "rank_2", "rank_3", "rank_4");
        for (int i : MATERIAL_ROWS) {
            out.printf("%5d %5d %9s %9s %6d %6d %6d %6d%n", i, (int) all.label(i),
                    Format.fixed(all.feature(i, 0), 6), Format.fixed(all.feature(i, 1), 6),
                    (int) all.feature(i, 2), (int) all.feature(i, 3), (int) all.feature(i, 4),
                    (int) all.feature(i, 5));
        }
    }

    /** Draws every parameter from N(0, σ = 1/√n), in the model's parameter order. */
    static void initNormal(Module model, int n, Random rng) {
        double[] w = new double[model.parameterCount()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian() / Math.sqrt(n);
        }
        model.setParameters(w);
    }

    /**
     * Trains {@code model} by full-batch gradient descent on ½·MSE, recording the MSE before
     * epochs 0, 10 %, ..., 90 % of {@code epochs} and after the last one (11 reports).
     */
    static Run train(String title, MLP model, Dataset train, Dataset test, double eta,
            int epochs) {
        Sgd sgd = new Sgd(model.parameters(), eta);
        int[] reported = new int[11];
        double[] losses = new double[11];
        int next = 0;
        for (int e = 0; e < epochs; e++) {
            List<Value> predictions = SingleOutput.of(model, train);
            Value mse = Losses.mse(predictions, train.labels());
            if (e % (epochs / 10) == 0 && next < 10) {
                reported[next] = e;
                losses[next++] = mse.data();
            }
            sgd.zeroGrad();
            mse.mul(0.5).backward();
            sgd.step();
        }
        int[] predicted = new int[test.size()];
        try (Autograd.Scope s = Autograd.noGrad()) {
            reported[10] = epochs;
            losses[10] = Losses.mse(SingleOutput.of(model, train), train.labels()).data();
            List<Value> p = SingleOutput.of(model, test);
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = p.get(i).data() > 0.5 ? 1 : 0;
            }
        }
        return new Run(title, reported, losses, Metrics.accuracy(test.classLabels(), predicted));
    }

    /** Both exercises: (a) η = 0.5 for 1000 epochs, (b) η = 0.005 for 900 epochs. */
    static Result compute() {
        return compute(data());
    }

    /** Both exercises on a given split. */
    static Result compute(Dataset.Split split) {
        int n = split.train().featureCount();
        Random rng = new Random(WEIGHT_SEED);

        MLP single = new MLP(n, List.of(1), List.of(Activation.SIGMOID), Bias.NONE, rng);
        initNormal(single, n, rng);
        Run a = train("(a) one sigmoid unit, η = 0.5, 1000 epochs", single, split.train(),
                split.test(), 0.5, 1000);

        MLP hidden = new MLP(n, List.of(2, 1), List.of(Activation.SIGMOID, Activation.SIGMOID),
                Bias.NONE, rng);
        initNormal(hidden, n, rng);
        Run b = train("(b) hidden layer of 2 sigmoid units, η = 0.005, 900 epochs", hidden,
                split.train(), split.test(), 0.005, 900);
        return new Result(split.train().size(), split.test().size(), a, b);
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Dataset all = prepared();
        printMaterialRows(all, out);
        print(compute(all.split(0.1, SPLIT_SEED)), out);
    }

    /** Prints a result as {@link #run} does. */
    static void print(Result r, PrintStream out) {
        out.println("UCLA admissions: " + r.trainSize() + " training and " + r.testSize()
                + " test records; features gre, gpa (standardised), rank_1..rank_4");
        for (Run run : new Run[] {r.singleUnit(), r.hiddenLayer()}) {
            out.println(run.title());
            for (int k = 0; k < run.epochs().length; k++) {
                out.printf("  epoch %4d  train loss (MSE) %s%n", run.epochs()[k],
                        Format.fixed(run.trainLosses()[k], 6));
            }
            out.println("  test accuracy " + Format.fixed(run.testAccuracy(), 3));
        }
        out.println("(the material prints no losses or accuracies for these exercises; its split"
                + " and starting weights come from NumPy's seed 42, ours from java.util.Random's)");
    }

    /** Runs this example alone. */
    public static void main(String... args) throws IOException {
        Examples.main("admissions");
    }
}
