package dev.chainrule.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code param} declarations and the course material's multiplication dot, {@code (x + y).z}. */
class ParameterAndDotTest {

    @Test
    void paramDeclaresAnInputThatGradientDescentUpdates() {
        Program p = Program.parse("i1 = 0.05; t1 = 0.01\nparam w1 = 0.15\nparam b1 = 0.35\nE = (w1*i1 + b1 - t1)^2");
        assertEquals(List.of("w1", "b1"), p.parameters());
        assertEquals(List.of("i1", "t1", "w1", "b1"), p.inputs());
        assertEquals(0.15, p.defaults().get("w1"));
        assertEquals(List.of(), Program.parse("w1 = 0.15; f = w1").parameters());
        assertEquals(List.of("param"), Program.parse("param = 2; f = param * 3").inputs(), "param is still a name");
        ProgramException e = assertThrows(ProgramException.class, () -> Program.parse("x = 1; param w = x + 1"));
        assertTrue(e.getMessage().contains("a parameter is assigned a number, as in param w = 0.15; 'x + 1' is computed"),
                e.getMessage());
    }

    @Test
    void aDotBetweenAnOperandAndANameMultiplies() {
        Evaluation ev = Program.parse("x = -2; y = 5; z = -4; f = (x + y).z").evaluate(Map.of());
        assertEquals(-12, ev.output().data());
        assertEquals(6.0, Program.parse("a = 2; b = 3; f = a.b").evaluate(Map.of()).output().data());
        assertEquals(6.0, Program.parse("a = 2; b = 3; f = a . (b)").evaluate(Map.of()).output().data());
        assertEquals(1.25, Program.parse("f = .5 + 0.75").evaluate(Map.of()).output().data(), "decimals are untouched");
        assertEquals(2.5, Program.parse("f = 2.5").evaluate(Map.of()).output().data());
    }

    @Test
    void aDotThatCouldBeADecimalPointIsAnErrorThatSuggestsTheDotOperator() {
        ProgramException e = assertThrows(ProgramException.class, () -> Program.parse("x = 2; f = x.5"));
        assertTrue(e.getMessage().contains("1:13: a '.' before a digit is a decimal point, so it cannot multiply "
                + "here; write · or * (as in x·0.5)"), e.getMessage());
        ProgramException alone = assertThrows(ProgramException.class, () -> Program.parse("x = 2; f = x . "));
        assertTrue(alone.getMessage().contains("unexpected '.'; to multiply, write · or *"), alone.getMessage());
        assertThrows(ProgramException.class, () -> Program.parse("f = .x"));
    }
}
