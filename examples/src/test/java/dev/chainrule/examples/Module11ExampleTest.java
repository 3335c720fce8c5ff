package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static dev.chainrule.examples.Printed.assertDigits;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module 11's network without biases: the printed forward pass, E_total and every gradient. */
class Module11ExampleTest {

    @Test
    void forwardPassToFourDecimals() {
        SigmoidNet222 n = Module11Example.network();
        assertDigits(0.2800, n.netH1.data(), 4, "net_h1");
        assertDigits(0.5695, n.outH1.data(), 4, "out_h1");
        assertDigits(0.1300, n.netH2.data(), 4, "net_h2");
        assertDigits(0.5325, n.outH2.data(), 4, "out_h2");
        assertDigits(0.8209, n.netO1.data(), 4, "net_o1");
        assertDigits(0.6944, n.outO1.data(), 4, "out_o1");
        assertDigits(0.5089, n.netO2.data(), 4, "net_o2");
        assertDigits(0.6245, n.outO2.data(), 4, "out_o2");
        assertDigits(0.26060897, n.eTotal.data(), 8, "E_total");
    }

    /** The engine's gradients against the chain rule written out by hand with δ terms. */
    @Test
    void gradientsMatchTheHandDerivation() {
        SigmoidNet222 n = Module11Example.network();
        n.backward();
        double i1 = 0.1, i2 = 0.5;
        double h1 = n.outH1.data(), h2 = n.outH2.data();
        double o1 = n.outO1.data(), o2 = n.outO2.data();
        double d1 = (o1 - 0.05) * o1 * (1 - o1);
        double d2 = (o2 - 0.95) * o2 * (1 - o2);
        double dh1 = (d1 * 0.6 + d2 * 0.8) * h1 * (1 - h1);
        double dh2 = (d1 * 0.9 + d2 * 0.1) * h2 * (1 - h2);
        double[] byHand = {dh1 * i1, dh1 * i2, dh2 * i1, dh2 * i2, d1 * h1, d1 * h2, d2 * h1, d2 * h2};
        for (int k = 0; k < 8; k++) {
            assertDigits(byHand[k], n.w(k + 1).grad(), 12, "∂E/∂w" + (k + 1));
        }
    }

    @Test
    void printsEveryGradientAndUpdatedWeight(@TempDir Path dir) throws IOException {
        String text = Printed.run(new Module11Example(), dir);
        for (String s : new String[] {"net_h1 = 0.2800", "out_h1 = 0.5695", "net_h2 = 0.1300",
                "out_h2 = 0.5325", "net_o1 = 0.8209", "out_o1 = 0.6944", "net_o2 = 0.5089",
                "out_o2 = 0.6245", "E_total = 0.26060897"}) {
            assertContains(text, s);
        }
        SigmoidNet222 n = Module11Example.network();
        n.backward();
        for (int k = 1; k <= 8; k++) {
            double g = n.w(k).grad();
            assertContains(text, "∂E/∂w" + k + " = " + Format.fixed(g, 8));
            assertContains(text, "w" + k + " ← " + Format.fixed(n.w(k).data() - 0.001 * g, 8));
        }
        assertContains(text, "∂E/∂w5 = 0.07788311");
        assertContains(text, "w4 ← 0.19998563");
        Printed.assertTranscript("module11", text);
        Printed.assertPicture(dir.resolve("module11.svg"));
        Printed.assertPicture(dir.resolve("module11.png"));
    }
}
