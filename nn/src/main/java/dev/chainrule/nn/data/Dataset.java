package dev.chainrule.nn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Examples for training: a feature matrix (one row per example) and one label per example.
 * Immutable: the arrays are copied in and out.
 *
 * <pre>{@code
 * Dataset.Split s = data.split(0.2, 42);                  // seeded 80/20 split
 * Standardizer z = Standardizer.fit(s.train());
 * Dataset train = z.transform(s.train()), test = z.transform(s.test());
 * for (Dataset batch : train.batches(32, new Random(1))) { ... }
 * }</pre>
 */
public final class Dataset {
    private final List<String> featureNames;
    private final double[][] x;
    private final double[] y;

    /**
     * A data set with features named {@code x1, x2, …}.
     *
     * @param features one row per example, all of the same length (not modified)
     * @param labels one label per example (not modified)
     * @throws IllegalArgumentException if the counts differ or the rows are ragged
     */
    public Dataset(double[][] features, double[] labels) {
        this(defaultNames(features.length == 0 ? 0 : features[0].length), features, labels);
    }

    /**
     * A data set with named features.
     *
     * @param featureNames the feature names
     * @param features the features
     * @param labels the labels
     * @throws IllegalArgumentException if the counts differ or the rows are ragged
     */
    public Dataset(List<String> featureNames, double[][] features, double[] labels) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.length != labels.length) {
            throw new IllegalArgumentException("Dataset: " + features.length + " feature rows but "
                    + labels.length + " labels");
        }
        this.featureNames = List.copyOf(featureNames);
        this.x = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != this.featureNames.size()) {
                throw new IllegalArgumentException("Dataset: row " + i + " has " + features[i].length
                        + " features, expected " + this.featureNames.size());
            }
            this.x[i] = features[i].clone();
        }
        this.y = labels.clone();
    }

    private Dataset(List<String> featureNames, double[][] x, double[] y, boolean trusted) {
        this.featureNames = featureNames;
        this.x = x;
        this.y = y;
    }

    private static List<String> defaultNames(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add("x" + i);
        }
        return out;
    }

    /** {@return the number of examples} */
    public int size() {
        return y.length;
    }

    /** {@return the number of features per example} */
    public int featureCount() {
        return featureNames.size();
    }

    /** {@return the feature names} */
    public List<String> featureNames() {
        return featureNames;
    }

    /** {@return a copy of the feature matrix} */
    public double[][] features() {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }

    /**
     * {@return a copy of example {@code i}'s features}
     *
     * @param i the index
     */
    public double[] features(int i) {
        return x[i].clone();
    }

    /**
     * {@return feature {@code j} of example {@code i}}
     *
     * @param i the index
     * @param j the index
     */
    public double feature(int i, int j) {
        return x[i][j];
    }

    /** {@return a copy of the labels} */
    public double[] labels() {
        return y.clone();
    }

    /**
     * {@return the label of example {@code i}}
     *
     * @param i the index
     */
    public double label(int i) {
        return y[i];
    }

    /**
     * The labels as class numbers.
     *
     * @return the labels as class numbers
     * @throws IllegalArgumentException if a label is not a whole number
     */
    public int[] classLabels() {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i]) || Math.abs(y[i]) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Dataset: label " + i + " is " + y[i] + ", not a class number");
            }
            out[i] = (int) y[i];
        }
        return out;
    }

    /**
     * The examples at {@code indices}, in that order.
     *
     * @param indices the indices
     * @return the examples at {@code indices}, in that order
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Dataset subset(int[] indices) {
        double[][] sx = new double[indices.length][];
        double[] sy = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            sx[k] = x[indices[k]];
            sy[k] = y[indices[k]];
        }
        return new Dataset(featureNames, sx, sy, true);
    }

    /** The same examples with features replaced (used by {@link Standardizer}). */
    Dataset withFeatures(double[][] features) {
        return new Dataset(featureNames, features, y, true);
    }

    /**
     * {@return the examples in an order drawn from {@code rng} (Fisher–Yates)}
     *
     * @param rng the random source; seed it for repeatable results
     */
    public Dataset shuffled(Random rng) {
        return subset(permutation(y.length, rng));
    }

    static int[] permutation(int n, Random rng) {
        Objects.requireNonNull(rng, "rng");
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The two parts of a {@link #split(double, long)}. */
    public record Split(Dataset train, Dataset test) {
    }

    /**
     * A seeded random split: {@code round(size·testFraction)} examples go to test, the rest to
     * train, both in shuffled order.
     *
     * @param testFraction the test fraction
     * @param seed the seed
     * @return A seeded random split: {@code round(size·testFraction)} examples go to test, the rest to
     *     train, both in shuffled order
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or leaves a part empty
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: test fraction must be in (0, 1), got " + testFraction);
        }
        int nTest = (int) Math.round(size() * testFraction);
        if (nTest == 0 || nTest == size()) {
            throw new IllegalArgumentException("split: " + size() + " examples with test fraction "
                    + testFraction + " leave a part empty");
        }
        int[] p = permutation(size(), new Random(seed));
        int[] test = java.util.Arrays.copyOfRange(p, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(p, nTest, p.length);
        return new Split(subset(train), subset(test));
    }

    /**
     * Mini-batches of {@code batchSize} examples (the last may be smaller), in an order drawn
     * from {@code rng}; every example is in exactly one batch.
     *
     * @param batchSize the mini-batch size
     * @param rng the random source; seed it for repeatable results
     * @return mini-batches of {@code batchSize} examples (the last may be smaller), in an order drawn from
     *     {@code rng}; every example is in exactly one batch
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public List<Dataset> batches(int batchSize, Random rng) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batches: batch size must be at least 1, got " + batchSize);
        }
        int[] p = permutation(size(), rng);
        List<Dataset> out = new ArrayList<>();
        for (int start = 0; start < p.length; start += batchSize) {
            out.add(subset(java.util.Arrays.copyOfRange(p, start, Math.min(p.length, start + batchSize))));
        }
        return out;
    }

    /** For example {@code Dataset(455 examples, 30 features)}. */
    @Override
    public String toString() {
        return "Dataset(" + size() + " examples, " + featureCount() + " features)";
    }
}
