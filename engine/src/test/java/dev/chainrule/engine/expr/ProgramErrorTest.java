package dev.chainrule.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mistakes in programs: each names what is wrong and shows where. */
class ProgramErrorTest {

    private static ProgramException parseError(String text) {
        return assertThrows(ProgramException.class, () -> Program.parse(text));
    }

    @Test
    void aMissingParenthesisAtTheEnd() {
        ProgramException e = parseError("f = (x");
        assertEquals("parse error at 1:7: expected ')' but found end of input\n  f = (x\n        ^", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(7, e.column());
        assertEquals("expected ')' but found end of input", e.reason());
    }

    @Test
    void positionsCountLinesAndUnicodeColumns() {
        ProgramException e = parseError("x = 1\ny = 2\nf = (x · y ; g = 1");
        assertEquals("parse error at 3:12: expected ')' but found ';'\n  f = (x · y ; g = 1\n             ^",
                e.getMessage());
        e = parseError("x = 1\nf = x +\n");
        assertEquals("parse error at 2:8: expected a number, a name or '(' but found end of line", e.getMessage().lines().findFirst().get());
    }

    @Test
    void twoOperandsWithoutAnOperator() {
        ProgramException e = parseError("x = 2\nf = 2x");
        assertEquals("parse error at 2:6: expected an operator or the end of the statement but found name 'x'",
                e.getMessage().lines().findFirst().get());
    }

    @Test
    void aStatementWithoutAName() {
        assertEquals("parse error at 1:1: expected a statement 'name = expression' but found '('",
                parseError("(x + y) * z").getMessage().lines().findFirst().get());
        assertEquals("parse error at 1:3: expected '=' after 'f' but found '+' (each statement is 'name = expression')",
                parseError("f + 1").getMessage().lines().findFirst().get());
        assertEquals("parse error at 1:1: the program has no statements; write one such as f = (x + y) * z",
                parseError("# nothing\n").getMessage().lines().findFirst().get());
    }

    @Test
    void anUnexpectedCharacter() {
        assertEquals("parse error at 1:7: unexpected character '@'\n  f = x @ y\n        ^", parseError("f = x @ y").getMessage());
    }

    @Test
    void anUnknownFunctionWithASuggestion() {
        assertEquals("parse error at 2:5: unknown function 'sigmod' (did you mean 'sigmoid'?)\n  f = sigmod(x)\n      ^",
                parseError("x = 1\nf = sigmod(x)").getMessage());
        ProgramException e = parseError("f = frobnicate(1)");
        assertEquals(1, e.line());
        assertEquals(5, e.column());
        assertEquals(true, e.reason().startsWith("unknown function 'frobnicate'; the functions are exp, log"), e.reason());
    }

    @Test
    void wrongArgumentCounts() {
        assertEquals("sigmoid takes 1 argument, as in sigmoid(x), but was given 2",
                parseError("f = sigmoid(1, 2)").reason());
        assertEquals("max takes 2 arguments, as in max(a, b), but was given 1", parseError("f = max(1)").reason());
        assertEquals("leaky_relu takes 1 argument and an optional slope, as in leaky_relu(x[, slope=0.01]), but was given 3",
                parseError("f = leaky_relu(1, 2, 3)").reason());
        assertEquals("leaky_relu: the slope must be a number, as in leaky_relu(x[, slope=0.01])",
                parseError("a = 1; f = leaky_relu(a, a)").reason());
    }

    @Test
    void namesAssignedTwiceUsedEarlyOrInTheirOwnDefinition() {
        assertEquals("'x' is assigned twice; it was first assigned at 1:1", parseError("x = 1\nx = 2").reason());
        ProgramException e = parseError("f = x * 2\nx = 3");
        assertEquals("'x' is assigned here but was already used at 1:5; assign it before its first use", e.reason());
        assertEquals(2, e.line());
        assertEquals("'w' is used in its own definition; give the new value another name",
                parseError("w = w - 0.5").reason());
        assertEquals("'e' is assigned here but was already used as the constant e at 1:5; pick another name",
                parseError("f = e\ne = 2").reason());
    }

    @Test
    void anUnboundNameIsNamedWhereItIsUsed() {
        Program p = Program.parse("x = 1\nf = x * w9");
        ProgramException e = assertThrows(ProgramException.class, () -> p.evaluate(Map.of()));
        assertEquals("unknown name 'w9' at 2:9: it is used here but never assigned, and no value was given for it\n"
                + "  f = x * w9\n          ^", e.getMessage());
    }

    @Test
    void overridesMustNameInputsAndBeFinite() {
        Program p = Program.parse("x = 1; q = x + 1; f = q * 2");
        assertEquals("the program has no input named 'y'; its inputs are x",
                assertThrows(IllegalArgumentException.class, () -> p.evaluate(Map.of("y", 1.0))).getMessage());
        assertEquals("'q' is computed (q = x + 1), not an input; only inputs can be given values: x",
                assertThrows(IllegalArgumentException.class, () -> p.evaluate(Map.of("q", 1.0))).getMessage());
        assertEquals("the value given for 'x' must be a finite number, not NaN",
                assertThrows(IllegalArgumentException.class, () -> p.evaluate(Map.of("x", Double.NaN))).getMessage());
        assertEquals("no node named 'g' to use as output; the nodes are x, q, f",
                assertThrows(IllegalArgumentException.class, () -> p.evaluate(Map.of(), "g")).getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "f = " + "(".repeat(5000) + "1" + ")".repeat(5000);
        assertEquals("expression nested more than 1000 levels deep; split it into named statements",
                parseError(deep).reason());
        assertEquals("expression nested more than 1000 levels deep; split it into named statements",
                parseError("f = " + "-".repeat(5000) + "1").reason());
        assertEquals(1.0, Program.parse("f = " + "(".repeat(500) + "1" + ")".repeat(500)).evaluate(Map.of()).output().data());
    }

    @Test
    void aLongLineIsClippedAroundTheSpot() {
        // 100 terms, then a stray '*': the excerpt keeps 60 characters on each side of the caret.
        String sum = "x = 1; f = " + "x + ".repeat(100);
        String text = sum + "* x + " + "x + ".repeat(100) + "x";
        ProgramException e = parseError(text);
        String[] lines = e.getMessage().split("\n");
        int spot = sum.length();
        assertEquals("  …" + text.substring(spot - 60, spot + 60) + "…", lines[1]);
        assertEquals("  " + " ".repeat(61) + "^", lines[2]);
        assertEquals(text.charAt(spot), lines[1].charAt(lines[2].length() - 1));
    }
}
