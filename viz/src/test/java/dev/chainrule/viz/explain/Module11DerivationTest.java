package dev.chainrule.viz.explain;

import static dev.chainrule.viz.explain.Material.agrees;
import static dev.chainrule.viz.explain.Material.line;
import static dev.chainrule.viz.explain.Material.text;
import static dev.chainrule.viz.explain.Material.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Module 11's activity (material 000): the 2-2-2 network without biases, η = 0.001. The material
 * prints its forward pass to 4 decimals and each gradient and new weight to 8; its code
 * ({@code delta_o1 = (a_o1 - t1) * sigmoid_derivative(a_o1)}, {@code grad_w5 = delta_o1 * a_h1},
 * {@code delta_h1 = (delta_o1 * w5 + delta_o2 * w7) * sigmoid_derivative(a_h1)},
 * {@code grad_w1 = delta_h1 * i1}) is redone here in plain doubles for every factor.
 */
class Module11DerivationTest {
    private static final Explainer EXPLAINER = Explainer.builder(Networks.output(Networks.MODULE11))
            .learningRate(0.001).build();

    // The material's code, step by step.
    private static final double I1 = 0.1, I2 = 0.5, T1 = 0.05, T2 = 0.95;
    private static final double W1 = 0.8, W2 = 0.4, W3 = 0.3, W4 = 0.2, W5 = 0.6, W6 = 0.9, W7 = 0.8, W8 = 0.1;
    private static final double A_H1 = sigmoid(W1 * I1 + W2 * I2);
    private static final double A_H2 = sigmoid(W3 * I1 + W4 * I2);
    private static final double A_O1 = sigmoid(W5 * A_H1 + W6 * A_H2);
    private static final double A_O2 = sigmoid(W7 * A_H1 + W8 * A_H2);
    private static final double DELTA_O1 = (A_O1 - T1) * A_O1 * (1 - A_O1);
    private static final double DELTA_O2 = (A_O2 - T2) * A_O2 * (1 - A_O2);

    /** x to 9 significant digits, trailing zeros dropped, as derivations print it. */
    private static String nine(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void w5FactorByFactor() {
        Derivation d = EXPLAINER.derive("w5");
        Line dOut = line(d, Line.Kind.LOCAL, "∂E_total/∂out_o1");
        assertEquals("∂E_total/∂out_o1 = −(t1 − out_o1) = −(0.05 − " + nine(A_O1) + ") = " + nine(A_O1 - T1),
                text(dOut));
        assertEquals(A_O1 - T1, value(dOut), 1e-15, "dE/da_o = -(target - actual)");
        agrees("0.6944", 0.05 + value(dOut), "a_o1, printed to 4 decimals");
        Line dNet = line(d, Line.Kind.LOCAL, "∂out_o1/∂net_o1");
        assertEquals(A_O1 * (1 - A_O1), value(dNet), 1e-15, "da_o/dnet_o = sigmoid_derivative(a_o)");
        Line dW = line(d, Line.Kind.LOCAL, "∂net_o1/∂w5");
        assertEquals("∂net_o1/∂w5 = out_h1 = " + nine(A_H1), text(dW));
        assertEquals(A_H1, value(dW), 1e-15, "dnet_o/dw = a_h");
        agrees("0.5695", value(dW), "a_h1, printed to 4 decimals");
        assertEquals(DELTA_O1 * A_H1, d.value(), 1e-15, "grad_w5 = delta_o1 * a_h1");
        agrees("0.07788311", d.value(), "Gradient for w5");
        agrees("0.59992212", d.updated().orElseThrow(), "New w5");
    }

    @Test
    void w1FactorByFactorWithTheSumOverOutputs() {
        Derivation d = EXPLAINER.derive("w1");
        assertEquals(DELTA_O1, value(line(d, Line.Kind.PRODUCT, "δ_net_o1")), 1e-15, "delta_o1");
        assertEquals(DELTA_O2, value(line(d, Line.Kind.PRODUCT, "δ_net_o2")), 1e-15, "delta_o2");
        assertEquals("∂net_o1/∂out_h1 = w5 = 0.6", text(line(d, Line.Kind.LOCAL, "∂net_o1/∂out_h1")));
        assertEquals("∂net_o2/∂out_h1 = w7 = 0.8", text(line(d, Line.Kind.LOCAL, "∂net_o2/∂out_h1")));
        assertEquals(DELTA_O1 * W5, value(line(d, Line.Kind.TERM, "δ_net_o1 · ∂net_o1/∂out_h1")), 1e-15);
        assertEquals(DELTA_O2 * W7, value(line(d, Line.Kind.TERM, "δ_net_o2 · ∂net_o2/∂out_h1")), 1e-15);
        double dEdAh1 = DELTA_O1 * W5 + DELTA_O2 * W7;
        assertEquals(dEdAh1, value(line(d, Line.Kind.SUM, "∂E_total/∂out_h1")), 1e-15,
                "dE/da_h1 = (delta_o1 * w5) + (delta_o2 * w7)");
        Line sig = line(d, Line.Kind.LOCAL, "∂out_h1/∂net_h1");
        assertEquals(A_H1 * (1 - A_H1), value(sig), 1e-15, "sigmoid_derivative(a_h1)");
        assertEquals("∂net_h1/∂w1 = i1 = 0.1", text(line(d, Line.Kind.LOCAL, "∂net_h1/∂w1")));
        assertEquals(dEdAh1 * A_H1 * (1 - A_H1) * I1, d.value(), 1e-15, "grad_w1 = delta_h1 * i1");
        agrees("0.00051472", d.value(), "Gradient for w1");
        agrees("0.79999949", d.updated().orElseThrow(), "New w1");
    }
}
