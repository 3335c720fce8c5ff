package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The documented behaviour of ops at their kinks. */
class KinkTest {

    private static double gradAt(double x0, java.util.function.UnaryOperator<Value> f) {
        Value x = Value.of(x0);
        f.apply(x).backward();
        return x.grad();
    }

    @Test
    void reluAtZeroIsZeroWithDerivativeZero() {
        assertEquals(0.0, Value.of(0).relu().data());
        assertEquals(0.0, gradAt(0, Value::relu));
        assertEquals(1.0, gradAt(1e-300, Value::relu));
    }

    @Test
    void reluAndStepPassNaNThroughInsteadOfHidingIt() {
        Value nan = Value.of(0).div(Value.of(0));
        assertEquals(Double.NaN, nan.relu().data());
        assertEquals(Double.NaN, nan.leakyRelu(0.01).data());
        assertEquals(Double.NaN, nan.step().data());
    }

    @Test
    void leakyReluAtZeroHasTheSlope() {
        assertEquals(0.01, gradAt(0, x -> x.leakyRelu(0.01)));
        assertEquals(-0.02, Value.of(-2).leakyRelu(0.01).data());
    }

    @Test
    void absAtZeroHasDerivativeZero() {
        assertEquals(0.0, gradAt(0, Value::abs));
        assertEquals(-1.0, gradAt(-3, Value::abs));
    }

    @Test
    void stepAtZeroIsOneAndPassesNoGradient() {
        assertEquals(1.0, Value.of(0).step().data());
        assertEquals(0.0, Value.of(-1e-12).step().data());
        assertEquals(0.0, gradAt(0, Value::step));
        assertEquals(0.0, gradAt(2, Value::step));
    }

    @Test
    void signIsZeroAtZeroAndPassesNoGradient() {
        assertEquals(0.0, Value.of(0).sign().data());
        assertEquals(-1.0, Value.of(-4).sign().data());
        assertEquals(0.0, gradAt(0.5, Value::sign));
    }

    @Test
    void maxAndMinSplitTheGradientAtATie() {
        Value a = Value.of(2);
        Value b = Value.of(2);
        a.max(b).backward();
        assertEquals(0.5, a.grad());
        assertEquals(0.5, b.grad());
        Value c = Value.of(1);
        Value d = Value.of(3);
        c.min(d).backward();
        assertEquals(1.0, c.grad());
        assertEquals(0.0, d.grad());
    }
}
