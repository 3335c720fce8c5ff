package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The perceptron converges on AND and OR, not on XOR; a 2-2-1 MLP learns XOR. */
class PerceptronExampleTest {

    @Test
    void perceptronLearnsAndAndOr() {
        for (String gate : new String[] {"AND", "OR"}) {
            PerceptronExample.GateRun g = PerceptronExample.perceptron(gate);
            assertTrue(g.result().converged(), gate + ": " + g.result());
            assertArrayEquals(PerceptronExample.GATES.get(gate), g.predictions(), gate);
            // The last epoch is the one without mistakes.
            assertEquals(0, g.result().mistakesPerEpoch().get(g.result().epochs() - 1));
        }
        assertArrayEquals(new double[] {0.2, 0.1, -0.2},
                PerceptronExample.perceptron("AND").parameters(), 1e-12, "AND's w1, w2, b");
        assertArrayEquals(new double[] {0.1, 0.1, -0.1},
                PerceptronExample.perceptron("OR").parameters(), 1e-12, "OR's w1, w2, b");
    }

    @Test
    void perceptronCannotLearnXor() {
        PerceptronExample.GateRun g = PerceptronExample.perceptron("XOR");
        assertFalse(g.result().converged());
        assertEquals(PerceptronExample.MAX_EPOCHS, g.result().epochs());
        assertTrue(g.result().mistakesPerEpoch().stream().allMatch(m -> m > 0),
                "every epoch has a mistake");
        assertFalse(Arrays.equals(PerceptronExample.GATES.get("XOR"), g.predictions()));
    }

    @Test
    void mlpLearnsXor(@TempDir Path dir) throws IOException {
        PerceptronExample.XorRun x = PerceptronExample.xorNetwork();
        int[] xor = PerceptronExample.GATES.get("XOR");
        for (int i = 0; i < xor.length; i++) {
            assertEquals(xor[i], x.outputs()[i], 0.1, "output for input " + i);
        }
        assertTrue(x.history().last().trainLoss() < 0.01, "final MSE " + x.history().last());

        String text = Printed.run(new PerceptronExample(), dir);
        assertContains(text, "AND  converged");
        assertContains(text, "OR   converged");
        assertContains(text, "XOR  did NOT converge after 100 epochs");
        assertContains(text, "1 xor 1 = " + Format.fixed(x.outputs()[3], 4) + " → 0");
        Printed.assertTranscript("perceptron", text);
    }
}
