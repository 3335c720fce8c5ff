package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shrinking: drop operators, replace sub-expressions by inputs or constants, simplify numbers. */
class ShrinkerTest {
    private static Expr op(String name, Expr... args) {
        return Expr.apply(Operator.builtin(name), args);
    }

    private static boolean containsSin(Expr e) {
        for (Expr n : e.nodes()) {
            if (n.operator() == Operator.builtin("sin")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aFailureThatNeedsOnlyOneOpShrinksToThatOpOnAnInput() {
        Expr x = Expr.input(0);
        Expr y = Expr.input(1);
        Expr t = op("*", op("+", x, Expr.constant(1.37)), y);
        Expr big = op("-", op("exp", op("sin", op("^2", t))), op("tanh", t));
        Shrinker.Result r = Shrinker.shrink(big, new double[] {0.25, -1.75}, (e, p) -> containsSin(e) && e.inputCount() > 0);
        assertEquals("f = sin(x)", r.expr().toString());
        assertEquals("[0.0, 0.0]", java.util.Arrays.toString(r.point()), "coordinates simplified to 0");
        assertTrue(r.steps() >= 3, "steps: " + r.steps());
    }

    @Test
    void constantsAndCoordinatesBecomeSimplerNumbers() {
        Expr e = op("*", Expr.input(0), Expr.constant(3.14159));
        // Fails while the constant is above 3 and x above 1.3: the simplest such numbers are kept.
        Shrinker.Result r = Shrinker.shrink(e, new double[] {1.8372},
                (c, p) -> c.operator() != null && c.arguments().get(1).isConstant()
                        && c.arguments().get(1).constantValue() > 3 && p[0] > 1.3);
        assertEquals("f = x * 3.1", r.expr().toString());
        assertEquals(2.0, r.point()[0]);
    }

    @Test
    void simplerNumbersAreShorterAndSimplestFirst() {
        assertEquals(List.of(0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 2.7, 2.72), Shrinker.simplerNumbers(2.718));
        assertEquals(List.of(), Shrinker.simplerNumbers(0));
        // Same length, earlier in 0, 1, -1, 2, -2: 1 still shrinks to 0, 2 to 0 or 1.
        assertEquals(List.of(0.0), Shrinker.simplerNumbers(1));
        assertEquals(List.of(0.0, 1.0), Shrinker.simplerNumbers(2));
        assertEquals(List.of(0.0, 1.0, 2.0), Shrinker.simplerNumbers(-1));
        // A strict order: no number is simpler than one simpler than itself.
        for (double a : new double[] {0, 1, -1, 2, -2, 0.5, -0.5, 3, 2.7, -0.25}) {
            for (double b : Shrinker.simplerNumbers(a)) {
                assertTrue(!Shrinker.simplerNumbers(b).contains(a), a + " and " + b);
            }
        }
    }
}
