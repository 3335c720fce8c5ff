package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Gradients built as graphs and differentiated again. */
class HigherOrderTest {

    @Test
    void secondDerivativeOfSigmoid() {
        Value x = Value.of(0.3, "x");
        Value s = x.sigmoid();
        Value ds = Grad.of(s, x)[0];
        Value d2s = Grad.of(ds, x)[0];
        double sig = 1 / (1 + Math.exp(-0.3));
        assertEquals(sig * (1 - sig), ds.data(), 1e-12);
        assertEquals(sig * (1 - sig) * (1 - 2 * sig), d2s.data(), 1e-12);
    }

    @Test
    void thirdDerivativeOfXToTheFourth() {
        Value x = Value.of(1.5, "x");
        Value y = x.pow(4);
        Value d1 = Grad.of(y, x)[0];
        Value d2 = Grad.of(d1, x)[0];
        Value d3 = Grad.of(d2, x)[0];
        assertEquals(4 * Math.pow(1.5, 3), d1.data(), 1e-12);
        assertEquals(12 * 1.5 * 1.5, d2.data(), 1e-12);
        assertEquals(24 * 1.5, d3.data(), 1e-12);
    }

    @Test
    void hessianOfAFunctionOfTwoInputs() {
        // f = x·y + x³ + sin(y): H = [[6x, 1], [1, −sin y]]
        double[][] h = Grad.hessian(v -> v[0].mul(v[1]).add(v[0].pow(3)).add(v[1].sin()), 1.2, 0.7);
        assertEquals(7.2, h[0][0], 1e-12);
        assertEquals(1.0, h[0][1], 1e-12);
        assertEquals(1.0, h[1][0], 1e-12);
        assertEquals(-Math.sin(0.7), h[1][1], 1e-12);
    }

    @Test
    void gradientOfAFunctionAsNumbers() {
        double[] g = Grad.gradient(v -> v[0].div(v[1]).log(), 2.0, 5.0);
        assertEquals(0.5, g[0], 1e-15);
        assertEquals(-0.2, g[1], 1e-15);
    }

    @Test
    void gradDoesNotTouchStoredGrads() {
        Value x = Value.of(2, "x");
        Value y = x.mul(x);
        Grad.of(y, x);
        assertEquals(0.0, x.grad());
    }

    @Test
    void anInputTheOutputDoesNotUseGetsZero() {
        Value x = Value.of(2);
        Value u = Value.of(3);
        assertEquals(0.0, Grad.of(x.exp(), u)[0].data());
    }

    @Test
    void customOpWithOnlyNumericDerivativesSaysSo() {
        CustomOp cube = CustomOp.unary("cube", x -> x * x * x, (x, y) -> 3 * x * x);
        Value x = Value.of(2);
        Value y = Value.apply(cube, x);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Grad.of(y, x));
        assertEquals(true, e.getMessage().contains("'cube'"));
    }
}
