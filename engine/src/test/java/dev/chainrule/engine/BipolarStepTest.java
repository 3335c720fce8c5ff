package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * bipolar_step, the course material's Sign(x) = 1 if x ≥ 0, else −1 (Tutorial 6,
 * 003_990d01660c69c42a.txt), added through the registry; sign stays signum.
 */
class BipolarStepTest {
    private static final OpInfo BIPOLAR_STEP = OpRegistry.get("bipolar_step");

    private static double at(double x) {
        return BIPOLAR_STEP.apply(Value.of(x)).data();
    }

    @Test
    void isTheMaterialsSignOneAtZeroUnlikeSignum() {
        assertEquals(1.0, at(0), 0.0, "Sign(0) = 1: x ≥ 0 gives 1");
        assertEquals(1.0, at(-0.0), 0.0, "−0 ≥ 0 as well");
        assertEquals(0.0, Value.of(0).sign().data(), 0.0, "sign(0) = 0 stays signum");
        assertEquals(1.0, at(Double.MIN_VALUE), 0.0);
        assertEquals(-1.0, at(-Double.MIN_VALUE), 0.0);
        assertEquals(1.0, at(2.5), 0.0);
        assertEquals(-1.0, at(-2.5), 0.0);
        assertEquals(1.0, at(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, at(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(((UnaryOp) BIPOLAR_STEP.op()).apply(Double.NaN)),
                "NaN is not read as below 0");
        assertEquals(OpInfo.Kind.ACTIVATION, BIPOLAR_STEP.kind());
        assertEquals("1 if x ≥ 0, else −1", BIPOLAR_STEP.formula());
    }

    @Test
    void passesNoGradientFirstOrSecond() {
        for (double v : new double[] {-3, -0.5, 0, 0.5, 3}) {
            Value x = Value.of(v);
            Value y = BIPOLAR_STEP.apply(x);
            y.backward();
            assertEquals(0.0, x.grad(), 0.0, "at " + v);
            assertEquals("bipolar_step", y.op().name());
            Value d = Grad.of(BIPOLAR_STEP.apply(x), x)[0];
            assertEquals(0.0, d.data(), 0.0);
        }
    }

    @Test
    void tensorFormAndExpressionLanguage() {
        Tensor t = Tensor.of(new double[] {-3, 0, 1e-9, 4}, 4);
        Tensor y = BIPOLAR_STEP.apply(t);
        y.sum().backward();
        assertArrayEquals(new double[] {-1, 1, 1, 1}, y.toArray(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, t.grad().toArray(), 0.0);
        Evaluation ev = Program.parse("x = 0; y = bipolar_step(x) + sign(x)").evaluate(Map.of());
        ev.output().backward();
        assertEquals(1.0, ev.output().data(), 0.0, "bipolar_step(0) + sign(0) = 1 + 0");
        assertEquals(0.0, ev.node("x").grad(), 0.0);
    }
}
