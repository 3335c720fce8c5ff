package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static dev.chainrule.examples.Printed.assertDigits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mazur's 2-2-2 network: the material's digits after one update and after 10,000. */
class MazurExampleTest {

    private static final MazurExample.Result RESULT = MazurExample.compute();

    @Test
    void forwardPass() {
        assertDigits(0.593269992, RESULT.outH1(), 9, "out_h1");
        assertDigits(0.596884378, RESULT.outH2(), 9, "out_h2");
        assertDigits(0.75136507, RESULT.outO1(), 8, "out_o1");
        assertDigits(0.772928465, RESULT.outO2(), 9, "out_o2");
        assertDigits(0.298371109, RESULT.errorBefore(), 9, "E_total before");
    }

    @Test
    void oneUpdateAtEtaHalf() {
        double[] expected = {0.149780716, 0.19956143, 0.24975114, 0.29950229,
                0.35891648, 0.408666186, 0.511301270, 0.561370121};
        int[] decimals = {9, 8, 8, 8, 8, 9, 9, 9};
        for (int k = 0; k < 8; k++) {
            assertDigits(expected[k], RESULT.weightsAfterOneStep()[k], decimals[k], "w" + (k + 1));
        }
        assertDigits(0.082167041, RESULT.gradients()[4], 9, "∂E/∂w5");
        assertDigits(0.291027774, RESULT.errorAfterOneStep(), 9, "E_total after one update");
    }

    /** The printed digits, with half a unit of the last printed place either side. */
    @Test
    void tenThousandUpdates() {
        assertEquals(3.5102e-5, RESULT.errorAfterAllSteps(), 0.00005e-5, "E_total");
        assertEquals(0.0159136, RESULT.out1AfterAllSteps(), 0.5e-7, "out_o1");
        assertEquals(0.9840643, RESULT.out2AfterAllSteps(), 0.5e-7, "out_o2");
    }

    @Test
    void printsTheNumbers(@TempDir Path dir) throws IOException {
        String text = Printed.run(new MazurExample(), dir);
        assertContains(text, "  E_total = 0.298371109\n");
        // Every intermediate number the material writes for w5 and w1, to its digits.
        assertContains(text, "  net_h1 = 0.377500000   net_o1 = 1.105905967\n");
        assertContains(text, "  E_o1 = ½(0.01 − out_o1)² = ½·0.549622166 = 0.274811083   E_o2 ="
                + " 0.023560026\n    (the material: ½·0.549622167, squaring out_o1 rounded first to"
                + " 0.75136507)\n");
        assertContains(text, "  ∂E/∂out_o1      = 0.741365070\n");
        assertContains(text, "  ∂out_o1/∂net_o1 = 0.186815602\n");
        assertContains(text, "  ∂E/∂net_o1      = 0.138498562\n");
        assertContains(text, "  ∂E_o1/∂out_h1   = ∂E/∂net_o1·w5 = 0.055399425\n");
        assertContains(text, "  ∂E_o2/∂out_h1   = ∂E/∂net_o2·w7 = -0.019049118   (the material:"
                + " -0.019049119, w7 times ∂E/∂net_o2 rounded first to -0.038098237)\n");
        assertContains(text, "  ∂E/∂out_h1      = 0.036350306\n");
        assertContains(text, "  ∂out_h1/∂net_h1 = 0.241300709\n");
        assertContains(text, "  ∂net_h1/∂w1     = i1 = 0.05\n");
        assertContains(text, "  w5: ∂E/∂w5 = 0.082167041   new w5 = 0.358916480\n");
        assertContains(text, "  w1: ∂E/∂w1 = 0.000438568   new w1 = 0.149780716\n");
        assertContains(text, "  E_total after one update = 0.291027774");
        assertContains(text, "  E_total = 3.5102e-05\n");
        assertContains(text, "  out_o1  = 0.0159136 (target 0.01)\n");
        assertContains(text, "  out_o2  = 0.9840643 (target 0.99)\n");
        Printed.assertTranscript("mazur-2-2-2", text);
        Printed.assertPicture(dir.resolve("mazur-2-2-2.png"));
        Printed.assertPicture(dir.resolve("mazur-2-2-2.svg"));
        String svg = Files.readString(dir.resolve("mazur-2-2-2.svg"));
        for (String label : new String[] {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1",
                "b2", "E_total"}) {
            assertContains(svg, ">" + label + "<");
        }
    }
}
