package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static dev.chainrule.examples.Printed.assertDigits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.checker.CheckReport;
import dev.chainrule.checker.LineResult;
import dev.chainrule.checker.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * The material's code, step for step: grad_w2 = delta_h2·i1 and grad_w3 = delta_h1·i2 give
     * exactly its printed 0.00287383 and 0.00257361, which are the engine's ∂E/∂w3 and ∂E/∂w2.
     */
    @Test
    void theMaterialsCodeExplainsItsPrintedW2AndW3() {
        SigmoidNet222 n = Module11Example.network();
        n.backward();
        double i1 = 0.1, i2 = 0.5;
        double h1 = n.outH1.data(), h2 = n.outH2.data();
        double o1 = n.outO1.data(), o2 = n.outO2.data();
        double deltaO1 = (o1 - 0.05) * o1 * (1 - o1);
        double deltaO2 = (o2 - 0.95) * o2 * (1 - o2);
        double deltaH1 = (deltaO1 * 0.6 + deltaO2 * 0.8) * h1 * (1 - h1);
        double deltaH2 = (deltaO1 * 0.9 + deltaO2 * 0.1) * h2 * (1 - h2);
        double materialGradW2 = deltaH2 * i1;
        double materialGradW3 = deltaH1 * i2;
        assertDigits(0.00287383, materialGradW2, 8, "the material's grad_w2");
        assertDigits(0.00257361, materialGradW3, 8, "the material's grad_w3");
        assertDigits(0.39999713, 0.4 - 0.001 * materialGradW2, 8, "the material's new w2");
        assertDigits(0.29999743, 0.3 - 0.001 * materialGradW3, 8, "the material's new w3");
        // The same quantity computed two ways (the engine's sigmoid′ and o(1 − o) by hand): equal to rounding.
        assertEquals(n.w(3).grad(), materialGradW2, 1e-15 * Math.abs(materialGradW2), "it is ∂E/∂w3");
        assertEquals(n.w(2).grad(), materialGradW3, 1e-15 * Math.abs(materialGradW3), "it is ∂E/∂w2");
    }

    /** The checker's verdicts: every answer the material gets right is ok or unclear, never wrong. */
    @Test
    void checkFindsExactlyTheSwappedAnswersWrong() {
        CheckReport report = Module11Example.checkMaterial();
        assertEquals(25, report.results().size());
        List<String> wrong = report.results().stream().filter(r -> r.verdict() == Verdict.WRONG)
                .map(LineResult::written).toList();
        assertEquals(List.of("dE/dw2 = 0.00287383", "w2' = 0.39999713", "dE/dw3 = 0.00257361",
                "w3' = 0.29999743"), wrong);
        for (LineResult r : report.results()) {
            if (r.written().startsWith("dE/dw")) {
                assertEquals(r.written().startsWith("dE/dw2") || r.written().startsWith("dE/dw3")
                        ? Verdict.WRONG : Verdict.OK, r.verdict(), r.written());
            }
        }
        SigmoidNet222 n = Module11Example.network();
        n.backward();
        LineResult w2 = report.results().get(19);
        assertEquals(n.w(2).grad(), w2.trueValue(), 1e-15, "check's true ∂E/∂w2 is the engine's");
    }

    @Test
    void printsEveryGradientAndUpdatedWeight(@TempDir Path dir) throws IOException {
        String text = Printed.run(new Module11Example(), dir);
        for (String s : new String[] {"net_h1 = 0.2800", "out_h1 = 0.5695", "net_h2 = 0.1300",
                "out_h2 = 0.5325", "net_o1 = 0.8209", "out_o1 = 0.6944", "net_o2 = 0.5089",
                "out_o2 = 0.6245", "E_total = 0.26060897"}) {
            assertContains(text, "\n  " + s + "\n");
        }
        // The material's printed solution where it is right (w1, w4..w8) ...
        assertContains(text, "  ∂E/∂w1 = 0.00051472   w1 ← 0.79999949   (the material: the same)\n");
        assertContains(text, "  ∂E/∂w4 = 0.01436917   w4 ← 0.19998563   (the material: the same)\n");
        assertContains(text, "  ∂E/∂w5 = 0.07788311   w5 ← 0.59992212   (the material: the same)\n");
        assertContains(text, "  ∂E/∂w6 = 0.07281094   w6 ← 0.89992719   (the material: the same)\n");
        assertContains(text, "  ∂E/∂w7 = -0.04346529  w7 ← 0.80004347   (the material: the same)\n");
        assertContains(text, "  ∂E/∂w8 = -0.04063459  w8 ← 0.10004063   (the material: the same)\n");
        // ... and where it swaps w2 and w3, both numbers side by side with the reason.
        assertContains(text, "  ∂E/∂w2 = 0.00257361   w2 ← 0.39999743   the material: 0.00287383"
                + " and 0.39999713, our ∂E/∂w3 and w2 − η·∂E/∂w3 (see below)\n");
        assertContains(text, "  ∂E/∂w3 = 0.00287383   w3 ← 0.29999713   the material: 0.00257361"
                + " and 0.29999743, our ∂E/∂w2 and w3 − η·∂E/∂w2 (see below)\n");
        assertContains(text, "but its code takes grad_w2 = delta_h2·i1 and grad_w3 = delta_h1·i2");
        // check, run on the material's solution, catches the swap and follows it into w2′, w3′.
        assertContains(text, "  20  dE/dw2 = 0.00287383    wrong    swapped with dE/dw3 (line 22):"
                + " each is the other's value\n");
        assertContains(text, "  21  w2' = 0.39999713       wrong    follows from your dE/dw2 ="
                + " 0.00287383 (line 20), carried forward correctly: the mistake is there\n");
        assertContains(text, "  22  dE/dw3 = 0.00257361    wrong    swapped with dE/dw2 (line 20):"
                + " each is the other's value\n");
        assertContains(text, "  10  dE/dw5 = 0.07788311    ok\n");
        assertContains(text, "  4 of 25 answers are wrong, 1 is unclear.\n");
        Printed.assertTranscript("module11", text);
        Printed.assertPicture(dir.resolve("module11.svg"));
        Printed.assertPicture(dir.resolve("module11.png"));
    }
}
