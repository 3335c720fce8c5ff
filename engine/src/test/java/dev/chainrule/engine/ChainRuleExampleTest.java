package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** f = (x + y)·z at x = −2, y = 5, z = −4: the chain rule's first worked example. */
class ChainRuleExampleTest {

    @Test
    void forwardAndBackwardGiveTheWorkedNumbers() {
        Value x = Value.of(-2, "x");
        Value y = Value.of(5, "y");
        Value z = Value.of(-4, "z");
        Value q = x.add(y).label("q");
        Value f = q.mul(z).label("f");
        f.backward();

        assertEquals(3.0, q.data());
        assertEquals(-12.0, f.data());
        assertEquals(-4.0, x.grad());
        assertEquals(-4.0, y.grad());
        assertEquals(3.0, z.grad());
        assertEquals(-4.0, q.grad());
        assertEquals(1.0, f.grad());
    }
}
