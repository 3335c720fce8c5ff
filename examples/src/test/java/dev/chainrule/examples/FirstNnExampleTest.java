package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.models.Perceptron;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** firstNN on a disc inside a ring: a linear model fails, the sigmoid hidden layer succeeds. */
class FirstNnExampleTest {

    @Test
    void dataIsADiscInsideARing() {
        Dataset d = FirstNnExample.disc();
        assertEquals(60, d.size());
        int inner = 0;
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.feature(i, 0), d.feature(i, 1));
            if (d.label(i) == 1) {
                inner++;
                assertTrue(r <= 0.5, "class 1 point " + i + " at radius " + r);
            } else {
                assertTrue(r >= 0.9 && r <= 1.3, "class 0 point " + i + " at radius " + r);
            }
        }
        assertEquals(30, inner);
        assertEquals(d.size(), FirstNnExample.disc().size(), "same seed, same data");
        assertEquals(d.feature(17, 1), FirstNnExample.disc().feature(17, 1));
    }

    @Test
    void aPerceptronCannotSeparateIt() {
        Dataset d = FirstNnExample.disc();
        Perceptron p = new Perceptron(2);
        assertFalse(p.train(d.features(), d.classLabels(), 0.1, 500).converged());
    }

    @Test
    void firstNnClassifiesEveryPoint(@TempDir Path dir) throws IOException {
        FirstNnExample.Result r = FirstNnExample.firstNn(FirstNnExample.disc(),
                FirstNnExample.EPOCHS);
        assertEquals(1.0, r.accuracy(), "accuracy");
        assertEquals(FirstNnExample.EPOCHS, r.history().epochs().size());
        assertTrue(r.history().last().trainLoss() < 0.01, r.history().last().toString());
        assertEquals(2 * 4 + 4 + 4 + 1, r.model().parameterCount());

        String text = Printed.capture(out -> FirstNnExample.print(r, out));
        assertContains(text, "l2.n1.b   " + Format.fixed(r.model().parameter("l2.n1.b").data(), 4));
        assertContains(text, "Accuracy 100.0 %");
        assertFalse(text.contains("wrong"), text);

        String wrote = Printed.capture(out -> FirstNnExample.pictures(r, out, dir));
        Printed.assertTranscript("first-nn", text + wrote);
        for (String name : new String[] {"first-nn-decision-boundary", "first-nn-training"}) {
            Printed.assertPicture(dir.resolve(name + ".png"));
            Printed.assertPicture(dir.resolve(name + ".svg"));
        }
    }
}
