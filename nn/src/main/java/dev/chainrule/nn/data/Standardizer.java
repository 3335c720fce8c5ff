package dev.chainrule.nn.data;

import java.util.Objects;

/**
 * z-score standardisation: {@code (x − mean)/std} per feature, with mean and std fitted on the
 * training data and then applied unchanged to test data (so nothing leaks from test to train).
 *
 * <pre>{@code
 * Standardizer z = Standardizer.fit(split.train());
 * Dataset train = z.transform(split.train()), test = z.transform(split.test());
 * }</pre>
 *
 * <p>std is the sample standard deviation by default (divide by n − 1), as pandas'
 * {@code DataFrame.std()} and R's {@code scale()} compute it, so tables made with either are
 * reproduced digit for digit. {@link Deviation#POPULATION} divides by n instead, as NumPy's
 * {@code std()} and scikit-learn's {@code StandardScaler} do. A constant feature (std 0) is only
 * centred, not divided.
 */
public final class Standardizer {

    /** Which standard deviation divides: the sample one (n − 1) or the population one (n). */
    public enum Deviation {
        /** √(Σ(x − mean)²/(n − 1)): pandas and R. Needs at least two rows. */
        SAMPLE,
        /** √(Σ(x − mean)²/n): NumPy's {@code std()} and scikit-learn's StandardScaler. */
        POPULATION
    }

    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /**
     * Fits the means and sample standard deviations (n − 1) of {@code x}'s columns.
     *
     * @param x one row per example (not modified)
     * @return the resulting standardizer
     * @throws IllegalArgumentException if there are fewer than two rows, rows differ in length,
     *     or a value is NaN or infinite
     */
    public static Standardizer fit(double[][] x) {
        return fit(x, Deviation.SAMPLE);
    }

    /**
     * Fits the means and standard deviations of {@code x}'s columns.
     *
     * <pre>{@code
     * Standardizer.fit(new double[][] {{1}, {3}}).stds();                       // [1.414...]
     * Standardizer.fit(new double[][] {{1}, {3}}, Deviation.POPULATION).stds(); // [1.0]
     * }</pre>
     *
     * @param x one row per example (not modified)
     * @param deviation which standard deviation to divide by
     * @return the resulting standardizer
     * @throws IllegalArgumentException if there are no rows (fewer than two for
     *     {@link Deviation#SAMPLE}), rows differ in length, or a value is NaN or infinite
     */
    public static Standardizer fit(double[][] x, Deviation deviation) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(deviation, "deviation");
        if (x.length == 0) {
            throw new IllegalArgumentException("Standardizer.fit: no rows");
        }
        if (deviation == Deviation.SAMPLE && x.length < 2) {
            throw new IllegalArgumentException("Standardizer.fit: the sample standard deviation"
                    + " (n − 1) needs at least 2 rows, got 1; use Deviation.POPULATION for one row");
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("Standardizer.fit: row " + i + " has "
                        + x[i].length + " features, row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("Standardizer.fit: row " + i + ", feature "
                            + j + " is " + x[i][j] + "; every value must be a finite number");
                }
            }
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= x.length;
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double e = row[j] - mean[j];
                std[j] += e * e;
            }
        }
        int divisor = deviation == Deviation.SAMPLE ? x.length - 1 : x.length;
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j] / divisor);
        }
        return new Standardizer(mean, std);
    }

    /**
     * Fits the features of {@code data} with the sample standard deviation (n − 1).
     *
     * @param data the data
     * @return the resulting standardizer
     */
    public static Standardizer fit(Dataset data) {
        return fit(data.features());
    }

    /**
     * Fits the features of {@code data} with the chosen standard deviation.
     *
     * @param data the data
     * @param deviation the deviation
     * @return the resulting standardizer
     */
    public static Standardizer fit(Dataset data, Deviation deviation) {
        return fit(data.features(), deviation);
    }

    /**
     * Standardises {@code x} with the fitted means and stds.
     *
     * @param x rows with as many columns as the fitted data (not modified)
     * @return a new matrix
     * @throws IllegalArgumentException if a row has the wrong length
     */
    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != mean.length) {
                throw new IllegalArgumentException("Standardizer: row " + i + " has " + x[i].length
                        + " features, fitted on " + mean.length);
            }
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                double s = std[j] == 0 ? 1 : std[j];
                out[i][j] = (x[i][j] - mean[j]) / s;
            }
        }
        return out;
    }

    /**
     * Standardises the features of {@code data}; labels are unchanged.
     *
     * @param data the data
     * @return the resulting dataset
     */
    public Dataset transform(Dataset data) {
        return data.withFeatures(transform(data.features()));
    }

    /** {@return the fitted means, one per feature} */
    public double[] means() {
        return mean.clone();
    }

    /** {@return the fitted standard deviations, one per feature} */
    public double[] stds() {
        return std.clone();
    }
}
