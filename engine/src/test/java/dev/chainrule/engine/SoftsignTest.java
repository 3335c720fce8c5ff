package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** softsign(x) = x/(1 + |x|), the op added through the registry alone. */
class SoftsignTest {
    private static final OpInfo SOFTSIGN = OpRegistry.get("softsign");

    @Test
    void valuesAndDerivativesAtHandPickedPoints() {
        // softsign(3) = 3/4, softsign'(3) = 1/(1 + 3)² = 1/16; softsign(−1) = −1/2, softsign'(−1) = 1/4.
        Value x = Value.of(3);
        Value y = SOFTSIGN.apply(x);
        y.backward();
        assertEquals(0.75, y.data(), 0.0);
        assertEquals(0.0625, x.grad(), 0.0);
        Value z = Value.of(-1);
        Value w = SOFTSIGN.apply(z);
        w.backward();
        assertEquals(-0.5, w.data(), 0.0);
        assertEquals(0.25, z.grad(), 0.0);
        assertEquals(0.0, SOFTSIGN.apply(Value.of(0)).data(), 0.0);
        assertEquals("softsign", y.op().name());
    }

    @Test
    void secondDerivativeIsMinusTwoSignOverOnePlusAbsCubed() {
        // d²/dx² x/(1 + |x|) = −2·sign(x)/(1 + |x|)³: −2/8 at 1, +2/27 at −2.
        Value x = Value.of(1);
        Value d = Grad.of(SOFTSIGN.apply(x), x)[0];
        assertEquals(0.25, d.data(), 0.0);
        assertEquals(-0.25, Grad.of(d, x)[0].data(), 1e-15);
        Value u = Value.of(-2);
        Value du = Grad.of(SOFTSIGN.apply(u), u)[0];
        assertEquals(2.0 / 27, Grad.of(du, u)[0].data(), 1e-15);
    }

    @Test
    void tensorFormAndExpressionLanguage() {
        Tensor t = Tensor.of(new double[] {-3, 0, 1, 4}, 4);
        Tensor y = SOFTSIGN.apply(t);
        y.sum().backward();
        assertArrayEquals(new double[] {-0.75, 0, 0.5, 0.8}, y.toArray(), 1e-15);
        assertArrayEquals(new double[] {1.0 / 16, 1, 0.25, 1.0 / 25}, t.grad().toArray(), 1e-15);
        Evaluation ev = Program.parse("x = 3; y = softsign(x)").evaluate(Map.of());
        ev.output().backward();
        assertEquals(0.75, ev.output().data(), 0.0);
        assertEquals(0.0625, ev.node("x").grad(), 0.0);
        assertEquals("1/(1 + |h|)²", SOFTSIGN.derivativeFormula(0, java.util.List.of("h"), "s"));
    }
}
