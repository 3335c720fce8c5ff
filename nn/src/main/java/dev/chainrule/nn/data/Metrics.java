package dev.chainrule.nn.data;

/**
 * Classification metrics for quick use; {@link ConfusionMatrix} has them all.
 *
 * <pre>{@code
 * double acc = Metrics.accuracy(test.classLabels(), predicted);
 * }</pre>
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The fraction of {@code predicted} equal to {@code actual}.
     *
     * @param actual the true values
     * @param predicted the predictions
     * @return the fraction of {@code predicted} equal to {@code actual}
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double accuracy(int[] actual, int[] predicted) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("accuracy: " + actual.length + " actual classes but "
                    + predicted.length + " predictions");
        }
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == predicted[i]) {
                correct++;
            }
        }
        return (double) correct / actual.length;
    }

    /**
     * {@return binary precision of class 1: TP/(TP + FP); 0 if nothing was predicted as 1}
     *
     * @param actual the true values
     * @param predicted the predictions
     */
    public static double precision(int[] actual, int[] predicted) {
        return ConfusionMatrix.of(actual, predicted, 2).precision(1);
    }

    /**
     * {@return binary recall of class 1: TP/(TP + FN); 0 if there is no 1}
     *
     * @param actual the true values
     * @param predicted the predictions
     */
    public static double recall(int[] actual, int[] predicted) {
        return ConfusionMatrix.of(actual, predicted, 2).recall(1);
    }
}
