package dev.chainrule.nn.data;

import java.util.Objects;

/**
 * Counts of (actual class, predicted class) pairs, and the metrics read from them: accuracy,
 * precision and recall.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(actual, predicted, 2);
 * double p = cm.precision(1), r = cm.recall(1);
 * }</pre>
 */
public final class ConfusionMatrix {
    private final int[][] counts;
    private final int total;

    private ConfusionMatrix(int[][] counts, int total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts the pairs.
     *
     * @param actual the true classes, 0..classes−1 (not modified)
     * @param predicted the predicted classes, same length (not modified)
     * @param classes the number of classes
     * @return the resulting confusion matrix
     * @throws IllegalArgumentException if the lengths differ, are 0, or a class is out of range
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(predicted, "predicted");
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("ConfusionMatrix: " + actual.length + " actual classes but "
                    + predicted.length + " predictions");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("ConfusionMatrix: no examples");
        }
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            check(actual[i], classes, "actual", i);
            check(predicted[i], classes, "predicted", i);
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, actual.length);
    }

    private static void check(int c, int classes, String what, int i) {
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException("ConfusionMatrix: " + what + " class " + c + " of example " + i
                    + " is outside 0.." + (classes - 1));
        }
    }

    /** {@return the number of classes} */
    public int classes() {
        return counts.length;
    }

    /**
     * {@return how many examples of class {@code actual} were predicted as {@code predicted}}
     *
     * @param actual the true values
     * @param predicted the predictions
     */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** {@return the number of examples} */
    public int total() {
        return total;
    }

    /** {@return the fraction predicted correctly} */
    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return (double) correct / total;
    }

    /**
     * Of the examples predicted as {@code c}, the fraction that are {@code c}: TP/(TP + FP).
     * 0 when nothing was predicted as {@code c} (scikit-learn's {@code zero_division=0}).
     *
     * @param c the constant
     * @return of the examples predicted as {@code c}, the fraction that are {@code c}: TP/(TP + FP)
     */
    public double precision(int c) {
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    /**
     * Of the examples that are {@code c}, the fraction predicted as {@code c}: TP/(TP + FN).
     * 0 when there is no example of {@code c}.
     *
     * @param c the constant
     * @return of the examples that are {@code c}, the fraction predicted as {@code c}: TP/(TP + FN)
     */
    public double recall(int c) {
        int actual = 0;
        for (int v : counts[c]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) counts[c][c] / actual;
    }

    /** {@return a copy of the counts, indexed [actual][predicted]} */
    public int[][] counts() {
        int[][] out = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i].clone();
        }
        return out;
    }

    /** The table, rows = actual, columns = predicted. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("actual\\predicted");
        for (int c = 0; c < counts.length; c++) {
            s.append('\t').append(c);
        }
        for (int a = 0; a < counts.length; a++) {
            s.append('\n').append(a);
            for (int p = 0; p < counts.length; p++) {
                s.append('\t').append(counts[a][p]);
            }
        }
        return s.toString();
    }
}
