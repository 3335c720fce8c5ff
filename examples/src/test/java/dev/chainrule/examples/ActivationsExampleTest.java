package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The activations and their derivatives against their closed forms. */
class ActivationsExampleTest {

    private static void check(String name, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        ActivationsExample.Activation a = ActivationsExample.ACTIVATIONS.stream()
                .filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        for (double x : new double[] {-2, -0.7, -0.1, 0.1, 0.3, 1.5}) {
            double[] vd = ActivationsExample.valueAndDerivative(a, x);
            assertEquals(f.applyAsDouble(x), vd[0], 1e-15, name + "(" + x + ")");
            assertEquals(df.applyAsDouble(x), vd[1], 1e-15, name + "′(" + x + ")");
        }
    }

    @Test
    void closedForms() {
        check("sigmoid", x -> 1 / (1 + Math.exp(-x)),
                x -> Math.exp(-x) / ((1 + Math.exp(-x)) * (1 + Math.exp(-x))));
        check("tanh", Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x));
        check("relu", x -> Math.max(0, x), x -> x > 0 ? 1 : 0);
        check("gaussian", x -> Math.exp(-x * x), x -> -2 * x * Math.exp(-x * x));
        check("leaky relu", x -> x > 0 ? x : 0.01 * x, x -> x > 0 ? 1 : 0.01);
        check("identity", x -> x, x -> 1);
    }

    @Test
    void thresholdsAreTheMaterialsStepAndSign() {
        for (double x : new double[] {-2, -0.7, -1e-12, 0, 1e-12, 0.3, 1.5}) {
            assertEquals(x >= 0 ? 1 : 0, value("step", x), "Step(" + x + ")");
            assertEquals(x >= 0 ? 1 : -1, value("bipolar_step", x), "Sign(" + x + ")");
            assertEquals(Math.signum(x), value("sign", x), "signum(" + x + ")");
        }
    }

    private static double value(String name, double x) {
        ActivationsExample.Activation a = ActivationsExample.THRESHOLDS.stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        return ActivationsExample.valueAndDerivative(a, x)[0];
    }

    @Test
    void printsTheTable(@TempDir Path dir) throws IOException {
        String text = Printed.run(new ActivationsExample(), dir);
        // sigmoid at -2 .. 2, then σ′(0) = 0.25, tanh′(0) = 1, gaussian(1) = e^−1
        assertContains(text, "sigmoid        0.1192   0.2689   0.3775   0.5000   0.6225   0.7311   0.8808");
        assertContains(text, "0.2500");
        assertContains(text, "gaussian       0.0183   0.3679   0.7788   1.0000   0.7788   0.3679   0.0183");
        // Tutorial 6's Step and Sign beside the engine's step, bipolar_step and signum.
        assertContains(text, "  Sign(x) = 1 if x ≥ 0, else −1   is bipolar_step;");
        assertContains(text, "\nstep           0.0000   0.0000   0.0000   1.0000   1.0000   1.0000   1.0000\n");
        assertContains(text, "\nbipolar_step  -1.0000  -1.0000  -1.0000   1.0000   1.0000   1.0000   1.0000\n");
        assertContains(text, "\nsign          -1.0000  -1.0000  -1.0000   0.0000   1.0000   1.0000   1.0000\n");
        assertContains(text, "In programs too: at x = 0, bipolar_step(x) − sign(x) = 1\n");
        Printed.assertTranscript("activations", text);
        for (String name : new String[] {"activations", "leaky-relu", "identity", "bipolar-step"}) {
            Printed.assertPicture(dir.resolve(name + ".png"));
            Printed.assertPicture(dir.resolve(name + ".svg"));
        }
        String grid = Files.readString(dir.resolve("activations.svg"));
        for (String title : new String[] {"sigmoid", "tanh", "ReLU", "Gaussian"}) {
            assertContains(grid, title);
        }
    }
}
