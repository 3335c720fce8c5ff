package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Logistic regression on breast cancer: a good classifier, and precision traded for recall. */
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

        assertTrue(mid.accuracy() >= 0.95, "accuracy at 0.5: " + mid.accuracy());
        assertTrue(low.precision() < mid.precision() && mid.precision() < high.precision(),
                "precision rises with the threshold");
        assertTrue(low.recall() >= mid.recall() && mid.recall() > high.recall(),
                "recall falls with the threshold");
        // 114 test records, 35 of them malignant (the split is seeded).
        int positives = mid.matrix().count(1, 0) + mid.matrix().count(1, 1);
        assertEquals(35, positives);
        assertTrue(r.history().last().trainLoss() < r.history().epochs().get(0).trainLoss());

        String text = Printed.capture(out -> LogisticRegressionExample.print(r, out));
        assertContains(text, "0.5            " + Format.fixed(mid.accuracy(), 3) + "      "
                + Format.fixed(mid.precision(), 3) + "   " + Format.fixed(mid.recall(), 3));
        assertContains(text, "precision rises, recall falls");
    }
}
