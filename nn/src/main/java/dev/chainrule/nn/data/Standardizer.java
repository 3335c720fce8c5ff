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
 * <p>std is the population standard deviation (divide by n, as scikit-learn's StandardScaler).
 * A constant feature (std 0) is only centred, not divided.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /**
     * Fits the means and standard deviations of {@code x}'s columns.
     *
     * @param x one row per example (not modified)
     * @throws IllegalArgumentException if there are no rows
     */
    public static Standardizer fit(double[][] x) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            throw new IllegalArgumentException("Standardizer.fit: no rows");
        }
        int d = x[0].length;
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
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j] / x.length);
        }
        return new Standardizer(mean, std);
    }

    /** Fits the features of {@code data}. */
    public static Standardizer fit(Dataset data) {
        return fit(data.features());
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

    /** Standardises the features of {@code data}; labels are unchanged. */
    public Dataset transform(Dataset data) {
        return data.withFeatures(transform(data.features()));
    }

    /** The fitted means, one per feature. */
    public double[] means() {
        return mean.clone();
    }

    /** The fitted standard deviations, one per feature. */
    public double[] stds() {
        return std.clone();
    }
}
