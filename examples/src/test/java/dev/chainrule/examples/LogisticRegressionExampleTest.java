package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logistic regression on breast cancer: the printed table, and precision traded for recall. */
class LogisticRegressionExampleTest {

    @Test
    void precisionRisesAndRecallFallsWithTheThreshold() {
        LogisticRegressionExample.Result r = LogisticRegressionExample.compute();
        assertEquals(455, r.trainSize());
        assertEquals(114, r.testSize());
        List<LogisticRegressionExample.AtThreshold> rows = r.rows();
        assertEquals(List.of(0.1, 0.5, 0.9), rows.stream().map(x -> x.threshold()).toList());
        LogisticRegressionExample.AtThreshold low = rows.get(0);
        LogisticRegressionExample.AtThreshold mid = rows.get(1);
        LogisticRegressionExample.AtThreshold high = rows.get(2);
        assertTrue(low.precision() < mid.precision() && mid.precision() < high.precision(),
                "precision rises with the threshold");
        assertTrue(low.recall() >= mid.recall() && mid.recall() > high.recall(),
                "recall falls with the threshold");
        // 114 test records, 35 of them malignant (the split is seeded).
        int positives = mid.matrix().count(1, 0) + mid.matrix().count(1, 1);
        assertEquals(35, positives);
    }

    /** The README's 0.974 at threshold 0.5, and every other printed figure, as literal lines. */
    @Test
    void printsTheTable(@TempDir Path dir) throws IOException {
        String text = Printed.run(new LogisticRegressionExample(), dir);
        assertContains(text, "One sigmoid neuron, BCE, gradient descent η = 0.5, 100 epochs:"
                + " train loss 0.6931 → 0.0659\n");
        assertContains(text, "\n0.1            0.921      0.795   1.000   35 9 0 70\n");
        assertContains(text, "\n0.5            0.974      0.971   0.943   33 1 2 78\n");
        assertContains(text, "\n0.9            0.930      1.000   0.771   27 0 8 79\n");
        Printed.assertTranscript("logistic-regression", text);
    }
}
