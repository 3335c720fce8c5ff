package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Code written against 0.1.0's {@code dev.chainrule.engine.GradCheck} still compiles and checks for one release. */
@SuppressWarnings("removal")
class DeprecatedGradCheckAliasTest {
    @Test
    void theOldEntryPointsReachTheMovedChecker() {
        assertSame(dev.chainrule.engine.gradcheck.GradCheck.defaults(), GradCheck.defaults());
        assertSame(dev.chainrule.engine.gradcheck.GradCheck.extrapolated(), GradCheck.extrapolated());
        var ok = GradCheck.check(v -> v[0].mul(v[1]).sigmoid(), 0.5, -1.5);
        assertTrue(ok.passed());
        assertEquals(2, ok.entries().size());
        // a wrong derivative still fails through the alias
        CustomOp square = CustomOp.unary("square_wrong", x -> x * x, (x, y) -> 3 * x);
        var wrong = GradCheck.check(v -> Value.apply(square, v[0]), 0.7);
        assertFalse(wrong.passed());
        var t = GradCheck.checkTensors(in -> in[0].mul(in[0]).sum(), Tensor.of(new double[] {1, 2, 3}, 3));
        assertTrue(t.passed());
    }
}
