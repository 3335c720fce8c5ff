package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 2-2-2 sigmoid network with biases (Matt Mazur's worked backprop example), built from
 * scalar Values, checked against the printed digits.
 */
class MazurNetworkTest {

    private static void assertDigits(double expected, double actual, int decimals, String what) {
        assertEquals(expected, actual, 0.5 * Math.pow(10, -decimals), what);
    }

    @Test
    void forwardPassAndOneWeightUpdate() {
        Value i1 = Value.of(0.05, "i1");
        Value i2 = Value.of(0.10, "i2");
        Value[] w = new Value[9];
        double[] init = {0, 0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
        for (int k = 1; k <= 8; k++) {
            w[k] = Value.of(init[k], "w" + k);
        }
        Value b1 = Value.of(0.35, "b1");
        Value b2 = Value.of(0.60, "b2");

        Value outH1 = w[1].mul(i1).add(w[2].mul(i2)).add(b1).sigmoid().label("out_h1");
        Value outH2 = w[3].mul(i1).add(w[4].mul(i2)).add(b1).sigmoid().label("out_h2");
        Value outO1 = w[5].mul(outH1).add(w[6].mul(outH2)).add(b2).sigmoid().label("out_o1");
        Value outO2 = w[7].mul(outH1).add(w[8].mul(outH2)).add(b2).sigmoid().label("out_o2");
        Value e1 = outO1.rsub(0.01).pow(2).mul(0.5);
        Value e2 = outO2.rsub(0.99).pow(2).mul(0.5);
        Value total = Value.sum(List.of(e1, e2)).label("E_total");

        assertDigits(0.593269992, outH1.data(), 9, "out_h1");
        assertDigits(0.596884378, outH2.data(), 9, "out_h2");
        assertDigits(0.75136507, outO1.data(), 8, "out_o1");
        assertDigits(0.772928465, outO2.data(), 9, "out_o2");
        assertDigits(0.298371109, total.data(), 9, "E_total");

        total.backward();
        assertDigits(0.082167041, w[5].grad(), 9, "dE/dw5");
        try (Autograd.Scope s = Autograd.noGrad()) {
            for (int k = 1; k <= 8; k++) {
                w[k].setData(w[k].data() - 0.5 * w[k].grad());
            }
        }
        double[] expected = {0, 0.149780716, 0.19956143, 0.24975114, 0.29950229,
                0.35891648, 0.408666186, 0.511301270, 0.561370121};
        int[] decimals = {0, 9, 8, 8, 8, 8, 9, 9, 9};
        for (int k = 1; k <= 8; k++) {
            assertDigits(expected[k], w[k].data(), decimals[k], "w" + k);
        }
    }
}
