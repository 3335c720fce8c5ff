package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import org.junit.jupiter.api.Test;

/** Expressions: text in the expression language's syntax, shared nodes, evaluation, replacement. */
class ExprTest {
    private static final Expr X = Expr.input(0);
    private static final Expr Y = Expr.input(1);

    private static Expr op(String name, Expr... args) {
        return Expr.apply(Operator.builtin(name), args);
    }

    @Test
    void textUsesPrecedenceAndBracketsOnlyWhereNeeded() {
        assertEquals("f = x + y * 2", op("+", X, op("*", Y, Expr.constant(2))).toString());
        assertEquals("f = (x + y) * 2", op("*", op("+", X, Y), Expr.constant(2)).toString());
        assertEquals("f = x - (y - 1)", op("-", X, op("-", Y, Expr.constant(1))).toString());
        assertEquals("f = x - y - 1", op("-", op("-", X, Y), Expr.constant(1)).toString());
        assertEquals("f = (x ^ 2) ^ 3", op("^3", op("^2", X)).toString());
        assertEquals("f = x ^ y ^ 2", op("pow", X, op("^2", Y)).toString());
        assertEquals("f = -(x ^ 2) + (-x) ^ 2", op("+", op("neg", op("^2", X)), op("^2", op("neg", X))).toString());
        assertEquals("f = x * (-1.5) + x ^ (-1)", op("+", op("*", X, Expr.constant(-1.5)), op("^-1", X)).toString());
        assertEquals("f = max(sigmoid(x), leaky_relu(y))", op("max", op("sigmoid", X), op("leaky_relu", Y)).toString());
        assertEquals("f = sum(x, y, 0.25)", op("sum", X, Y, Expr.constant(0.25)).toString());
        assertEquals("f = z", Expr.input(2).toString());
    }

    @Test
    void sharedSubexpressionsBecomeStatements() {
        Expr t = op("*", X, Y);
        Expr s = op("sin", t);
        Expr f = op("+", op("*", s, s), t);
        assertEquals("t1 = x * y\nt2 = sin(t1)\nf = t2 * t2 + t1", f.toString());
        assertEquals(6, f.size());          // x, y, t1, t2, t2*t2, f
        assertEquals(4, f.depth());
        assertEquals(4, f.operationCount());
    }

    @Test
    void aSharedNodeIsBuiltOnceSoTheValueGraphHasADiamond() {
        Expr t = op("sigmoid", X);
        Expr f = op("*", t, t);
        Value x = Value.of(0.3, "x");
        Value out = f.evaluate(x);
        assertEquals(3, Graph.of(out).size());   // x, σ(x), σ·σ
        out.backward();
        double s = 1 / (1 + Math.exp(-0.3));
        assertEquals(2 * s * s * (1 - s), x.grad(), 1e-15);   // d/dx σ² = 2σ·σ(1−σ)
    }

    @Test
    void replaceSubstitutesEveryOccurrenceAndKeepsTheRest() {
        Expr t = op("exp", X);
        Expr f = op("+", t, op("*", t, Y));
        Expr g = f.replace(t, Y);
        assertEquals("f = y + y * y", g.toString());
        assertEquals("t1 = exp(x)\nf = t1 + t1 * y", f.toString());   // the original is unchanged
        assertSame(f, f.replace(Expr.input(5), X));                    // nothing to replace: same node
    }

    @Test
    void misuseIsNamed() {
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class, () -> op("+", X));
        assertEquals("Expr.apply: operator '+' takes 2 arguments, got 1", arity.getMessage());
        IllegalArgumentException inputs = assertThrows(IllegalArgumentException.class,
                () -> op("+", X, Expr.input(2)).evaluate(Value.of(1), Value.of(2)));
        assertEquals("Expr.evaluate: the expression uses input 2 (z) but 2 were given", inputs.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Operator.builtin("lgamma"));
        assertEquals(true, unknown.getMessage().startsWith("no built-in operator 'lgamma'; there are [+, -, *"));
        assertThrows(IllegalArgumentException.class, () -> Expr.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Operator.unary("my op", v -> v));
    }
}
