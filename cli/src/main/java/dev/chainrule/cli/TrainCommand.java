package dev.chainrule.cli;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Tensor;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.data.ConfusionMatrix;
import dev.chainrule.nn.data.Csv;
import dev.chainrule.nn.data.DataTable;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Standardizer;
import dev.chainrule.nn.io.ParameterFile;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.nn.train.EpochRecord;
import dev.chainrule.nn.train.Objective;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.tensor.Init;
import dev.chainrule.nn.tensor.Sequential;
import dev.chainrule.nn.train.TrainingHistory;
import dev.chainrule.viz.Charts;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chainrule train}: trains a small MLP on a CSV file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a multilayer perceptron on a CSV file.",
            "Reads DATA.csv, splits off a seeded test set, standardises the features (with the "
                + "training set's means and deviations), and trains an MLP of tensor layers (Linear, with "
                + "PyTorch's default initialisation) with the chosen hidden layers. Whole-number labels "
                + "with at most 20 values mean classification (softmax cross-entropy), anything else "
                + "regression (mean squared error). Prints the loss as it goes, then the test accuracy and "
                + "confusion matrix (or test loss)."},
        footer = {"", "Examples:",
            "  chainrule train examples/src/main/resources/dev/chainrule/examples/data/iris.csv --header skip --label c5 --hidden 8 --plot loss.png",
            "  chainrule train examples/src/main/resources/dev/chainrule/examples/data/binary.csv --label admit --one-hot rank --optimizer sgd",
            "  chainrule train examples/src/main/resources/dev/chainrule/examples/data/binary.csv --label gpa --task regress --save model.json"})
final class TrainCommand implements Callable<Integer> {
    private static final int MAX_CLASSES = 20;

    private final Io io;

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "the data, one example per line")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "the column to predict")
    String label;

    @Option(names = "--header", paramLabel = "KIND", defaultValue = "first",
            description = "first (the first line names the columns; default), none (columns c1, c2, ...), "
                    + "or skip (skip the first line, as in scikit-learn's files; columns c1, c2, ...)")
    String header;

    @Option(names = "--features", split = ",", paramLabel = "COLUMNS", description = "the feature columns (default: all others)")
    List<String> features;

    @Option(names = "--drop", split = ",", paramLabel = "COLUMNS", description = "columns to leave out")
    List<String> drop = new ArrayList<>();

    @Option(names = "--one-hot", split = ",", paramLabel = "COLUMNS", description = "categorical columns to one-hot encode")
    List<String> oneHot = new ArrayList<>();

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "auto", description = "auto (default), classify or regress")
    String task;

    @Option(names = "--hidden", split = ",", paramLabel = "SIZES", defaultValue = "8",
            description = "hidden layer sizes, such as 16,16 (default: 8; 0 for none)")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "tanh",
            description = "hidden activation: tanh (default), relu, sigmoid, leaky_relu, elu, gelu, silu, softplus, linear")
    String activation;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "adam (default) or sgd")
    String optimizer;

    @Option(names = "--lr", paramLabel = "ETA", defaultValue = "0.01", description = "the learning rate (default: 0.01)")
    double lr;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "epochs (default: 100)")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "0", description = "mini-batch size (default: 0, the full set)")
    int batchSize;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2", description = "held-out share (default: 0.2)")
    double testFraction;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed for the split, weights and batches (default: 1)")
    long seed;

    @Option(names = "--every", paramLabel = "N", description = "print every N epochs (default: about 10 lines)")
    Integer every;

    @Option(names = "--save", paramLabel = "FILE.json", description = "save the trained parameters")
    Path save;

    @Option(names = "--plot", paramLabel = "FILE", description = "draw the loss (and accuracy) curve into FILE.svg, .png or .pdf")
    Path plot;

    TrainCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        checkOptions();
        Dataset all = load();
        boolean classify = isClassification(all);
        int[] classes = classify ? classValues(all) : null;
        Dataset.Split split = testFraction > 0 ? all.split(testFraction, seed) : new Dataset.Split(all, null);
        Standardizer scale = Standardizer.fit(split.train());
        Dataset train = scale.transform(split.train());
        Dataset test = split.test() == null ? null : scale.transform(split.test());

        Activation act = Choice.choose("--activation", activation, Activation.values());
        List<Integer> sizes = new ArrayList<>();
        for (int h : hidden) {
            if (h > 0) {
                sizes.add(h);
            }
        }
        sizes.add(classify ? classes.length : 1);
        Sequential net = Sequential.mlp(train.featureCount(), sizes, act, Init.uniform(), new Random(seed));
        Optimizer opt = Choice.choose("--optimizer", optimizer, OptimizerName.values()).make(net.parameters(), lr);

        Objective objective = classify
                ? batch -> Losses.softmaxCrossEntropy(net.forward(features(batch)), indices(batch, classes))
                : batch -> Losses.mse(net.forward(features(batch)), targets(batch));
        int printEvery = every != null ? every : Math.max(1, epochs / 10);
        Trainer.Builder b = Trainer.builder(objective, opt).epochs(epochs).batchSize(batchSize).seed(seed)
                .progressBar(false)
                .callback(r -> {
                    Limits.checkTime();
                    if (r.epoch() % printEvery == 0 || r.epoch() == 1 || r.epoch() == epochs) {
                        io.out().println(line(r));
                    }
                });
        if (classify) {
            b.classifier(d -> net.predictClasses(features(d)));
        }
        if (test != null) {
            b.validation(test);
        }
        io.out().println("data: " + data + ", " + all.size() + " examples, " + all.featureCount() + " features; "
                + (classify ? "classification into " + classes.length + " classes " + Arrays.toString(classes)
                        : "regression")
                + "; " + train.size() + " to train, " + (test == null ? 0 : test.size()) + " to test (seed " + seed + ")");
        io.out().println("model: MLP " + all.featureCount() + "-" + joined(sizes) + ", " + act.name().toLowerCase(Locale.ROOT)
                + " hidden, " + net.parameterCount() + " parameters; " + optimizer.toLowerCase(Locale.ROOT) + ", η = "
                + Numbers.human(lr, 6) + ", " + (batchSize == 0 ? "full batch" : "batches of " + batchSize));
        TrainingHistory history = b.build().fit(train);
        io.out().println(history.stopMessage());
        if (test != null && classify) {
            int[] actual = indices(test, classes);
            int[] predicted = net.predictClasses(features(test));
            ConfusionMatrix cm = ConfusionMatrix.of(actual, predicted, classes.length);
            io.out().println("test accuracy: " + Numbers.human(cm.accuracy(), 4) + " (" + correct(actual, predicted)
                    + " of " + actual.length + ")");
            io.out().print(cm);
            if (!cm.toString().endsWith("\n")) {
                io.out().println();
            }
        } else if (test != null) {
            double mse;
            try (Autograd.Scope s = Autograd.noGrad()) {
                mse = Losses.mse(net.forward(features(test)), targets(test)).item();
            }
            io.out().println("test loss (MSE): " + Numbers.human(mse, 6));
        }
        if (plot != null) {
            double[] accuracy = classify ? history.trainAccuracies() : null;
            io.out().println("wrote " + Charts.history(history.trainLosses(), accuracy).write(plot));
        }
        if (save != null) {
            ParameterFile.save(net, save);
            io.out().println("saved " + net.parameterCount() + " parameters to " + save);
        }
        return 0;
    }

    private void checkOptions() {
        if (Files.isDirectory(data) || !Files.exists(data)) {
            throw new UserError("cannot read data file '" + data + "': "
                    + (Files.isDirectory(data) ? "it is a directory" : "no such file"));
        }
        if (epochs < 1) {
            throw new UserError("--epochs must be at least 1, not " + epochs);
        }
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new UserError("--lr must be a positive number, not " + lr);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new UserError("--test-fraction must be at least 0 and below 1, not " + testFraction);
        }
        Choice.choose("--optimizer", optimizer, OptimizerName.values());
        if (!List.of("auto", "classify", "regress").contains(task.toLowerCase(Locale.ROOT))) {
            throw new UserError("--task " + task + ": use auto, classify or regress");
        }
        for (int h : hidden) {
            if (h < 0) {
                throw new UserError("--hidden: a layer size must be at least 1 (or 0 for no hidden layer), not " + h);
            }
        }
        if (every != null && every < 1) {
            throw new UserError("--every must be at least 1, not " + every);
        }
    }

    private Dataset load() {
        Csv.Header h = switch (header.toLowerCase(Locale.ROOT)) {
            case "first" -> Csv.Header.FIRST_LINE;
            case "none" -> Csv.Header.NONE;
            case "skip" -> Csv.Header.SKIP_FIRST_LINE;
            default -> throw new UserError("--header " + header + ": use first, none or skip");
        };
        // Read within the input cap and as strict UTF-8 (line and byte offset of a bad byte).
        String text = ProgramSource.read(data, "data");
        DataTable table = Csv.read(new StringReader(text), String.valueOf(data.getFileName()), h);
        if (!table.columns().contains(label)) {
            throw new UserError("--label " + label + ": " + data + " has no column '" + label + "'; its columns are "
                    + String.join(", ", table.columns()));
        }
        if (!drop.isEmpty()) {
            table = table.drop(drop.toArray(new String[0]));
        }
        for (String column : oneHot) {
            table = table.oneHot(column);
        }
        return features == null ? table.toDataset(label) : table.toDataset(label, features);
    }

    private boolean isClassification(Dataset d) {
        String t = task.toLowerCase(Locale.ROOT);
        if (t.equals("regress")) {
            return false;
        }
        boolean whole = Arrays.stream(d.labels()).allMatch(y -> y == Math.rint(y));
        long distinct = Arrays.stream(d.labels()).distinct().count();
        if (t.equals("classify")) {
            if (!whole) {
                throw new UserError("--task classify: the labels in '" + label + "' are not all whole numbers");
            }
            return true;
        }
        return whole && distinct <= MAX_CLASSES;
    }

    /** The distinct label values, sorted; class k is the k-th of them. */
    private static int[] classValues(Dataset d) {
        TreeSet<Integer> values = new TreeSet<>();
        for (double y : d.labels()) {
            values.add((int) y);
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] indices(Dataset d, int[] classes) {
        int[] out = new int[d.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.binarySearch(classes, (int) d.label(i));
        }
        return out;
    }

    /** A batch's features as a [n, features] tensor that needs no gradient. */
    private static Tensor features(Dataset d) {
        return Tensor.of(d.features()).requiresGrad(false);
    }

    /** A batch's labels as a [n, 1] tensor, the shape of the network's output. */
    private static Tensor targets(Dataset d) {
        return Tensor.of(d.labels(), d.size(), 1).requiresGrad(false);
    }

    private static int correct(int[] a, int[] p) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] == p[i] ? 1 : 0;
        }
        return n;
    }

    private static String line(EpochRecord r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %4d  loss %.6f", r.epoch(), r.trainLoss()));
        r.trainAccuracy().ifPresent(a -> s.append(String.format(Locale.ROOT, "  accuracy %.4f", a)));
        r.validationLoss().ifPresent(l -> s.append(String.format(Locale.ROOT, "  test loss %.6f", l)));
        r.validationAccuracy().ifPresent(a -> s.append(String.format(Locale.ROOT, "  test accuracy %.4f", a)));
        return s.toString();
    }

    private static String joined(List<Integer> sizes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sizes.size(); i++) {
            s.append(i == 0 ? "" : "-").append(sizes.get(i));
        }
        return s.toString();
    }

    /** The optimizers {@code --optimizer} names. */
    enum OptimizerName {
        /** Adam with its default betas. */
        ADAM,
        /** Plain stochastic gradient descent. */
        SGD;

        Optimizer make(List<Tensor> parameters, double lr) {
            return this == SGD ? new Sgd(parameters, lr) : new Adam(parameters, lr);
        }
    }
}
