package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.data.ConfusionMatrix;
import org.junit.jupiter.api.Test;

/** Softmax MLPs on iris and digits: digits at least 95 % on held-out data. */
class MulticlassExampleTest {

    private static int diagonal(ConfusionMatrix m) {
        int d = 0;
        for (int c = 0; c < m.classes(); c++) {
            d += m.count(c, c);
        }
        return d;
    }

    @Test
    void digitsReachNinetyFivePercent() {
        MulticlassExample.Result r = MulticlassExample.train(MulticlassExample.DIGITS);
        assertEquals(1438, r.trainSize());
        assertEquals(359, r.testSize());
        assertEquals(64 * 64 + 64 + 64 * 10 + 10, r.parameters());
        ConfusionMatrix m = r.confusion();
        assertEquals(359, m.total());
        assertTrue(m.accuracy() >= 0.95, "digits test accuracy " + m.accuracy() + "\n" + m);
        assertEquals(m.accuracy(), diagonal(m) / 359.0, 1e-15);

        String text = Printed.capture(out -> MulticlassExample.print(r, out));
        assertContains(text, "test accuracy " + Format.fixed(100 * m.accuracy(), 1) + " %");
        assertContains(text, "  0   " + m.count(0, 0) + "   0");
    }

    @Test
    void irisIsLearnt() {
        MulticlassExample.Result r = MulticlassExample.train(MulticlassExample.IRIS);
        assertEquals(120, r.trainSize());
        ConfusionMatrix m = r.confusion();
        assertEquals(30, m.total());
        assertTrue(m.accuracy() >= 0.9, "iris test accuracy " + m.accuracy() + "\n" + m);
        double[] losses = r.history().trainLosses();
        assertTrue(losses[losses.length - 1] < losses[0] / 5, "the loss fell");

        String text = Printed.capture(out -> MulticlassExample.print(r, out));
        assertContains(text, "MLP 4-16-3 (131 parameters)");
        assertContains(text, "setosa          " + m.count(0, 0));
    }
}
