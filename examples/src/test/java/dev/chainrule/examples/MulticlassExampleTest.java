package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Softmax MLPs on iris and digits: the README's 93.3 % and 96.9 % and their confusion matrices. */
class MulticlassExampleTest {

    @Test
    void splitSizesAndNetworkSize() {
        assertEquals(1438, MulticlassExample.data(MulticlassExample.DIGITS).train().size());
        assertEquals(359, MulticlassExample.data(MulticlassExample.DIGITS).test().size());
        assertEquals(120, MulticlassExample.data(MulticlassExample.IRIS).train().size());
        assertEquals(30, MulticlassExample.data(MulticlassExample.IRIS).test().size());
    }

    @Test
    void printsAccuraciesAndConfusionMatrices(@TempDir Path dir) throws IOException {
        String text = Printed.run(new MulticlassExample(), dir);
        assertContains(text, "iris: 120 training and 30 test examples; MLP 4-16-3 (131"
                + " parameters), ReLU, softmax cross-entropy, Adam 0.01, batches of 32, 60 epochs\n"
                + "  train loss 0.6920 → 0.0311\n  test accuracy 93.3 %\n");
        assertContains(text, "  setosa          10          0         0\n"
                + "  versicolor       0          9         1\n"
                + "  virginica        0          1         9\n");
        assertContains(text, "digits: 1438 training and 359 test examples; MLP 64-64-10 (4810"
                + " parameters), ReLU, softmax cross-entropy, Adam 0.01, batches of 32, 15 epochs\n"
                + "  train loss 1.0204 → 0.0098\n  test accuracy 96.9 %\n");
        assertContains(text, "  8    0   4   0   0   0   0   1   0  33   0\n");
        Printed.assertTranscript("multiclass", text);
    }
}
