package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** User-defined ops, with and without higher-order support. */
class CustomOpTest {

    @Test
    void aCustomBinaryOpDifferentiatesAndKeepsItsName() {
        CustomOp hypot = CustomOp.of("hypot", 2, x -> Math.hypot(x[0], x[1]),
                (x, y, g) -> {
                    g[0] = x[0] / y;
                    g[1] = x[1] / y;
                });
        Value a = Value.of(3);
        Value b = Value.of(4);
        Value r = Value.apply(hypot, a, b);
        r.backward();
        assertEquals(5.0, r.data());
        assertEquals(0.6, a.grad(), 1e-15);
        assertEquals(0.8, b.grad(), 1e-15);
        assertEquals("hypot", r.opName());
        assertEquals("hypot", Graph.of(r).output().opName());
    }

    @Test
    void aSubclassedUnaryOpSupportsSecondDerivatives() {
        UnaryOp square = new UnaryOp("square", "x²") {
            public double apply(double x) { return x * x; }
            public double derivative(double x, double y) { return 2 * x; }
            public Value derivative(Value x, Value y) { return x.mul(2); }
        };
        Value x = Value.of(3);
        Value y = x.apply(square);
        y.backward();
        assertEquals(9.0, y.data());
        assertEquals(6.0, x.grad());
        assertEquals(2.0, Grad.of(Grad.of(y, x)[0], x)[0].data());
        assertEquals("x²", y.opSymbol());
    }

    @Test
    void wrongArityIsRejected() {
        CustomOp hypot = CustomOp.of("hypot", 2, x -> 0, (x, y, g) -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Value.apply(hypot, Value.of(1)));
        assertEquals("hypot: expects 2 inputs, got 1", e.getMessage());
    }
}
