package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.expr.Program;
import org.junit.jupiter.api.Test;

/** Catalogue entry 3 on the three worked networks, and on a program that subtracts nowhere. */
class ErrorSignFlippedTest {
    @Test
    void mazur() {
        LineResult r = Named.wrongAs(Worked.mazur(), "∂E/∂out_o1 = -0.74136507", ErrorSignFlipped.class);
        assertEquals("∂E/∂out_o1 computed with the sign of (target − output) flipped "
                + "(∂E/∂out = −(target − out) = out − target)", r.mistake());
    }

    @Test
    void module11AndTheUpdateItLeadsTo() {
        Named.wrongAs(Worked.module11(), "dE/dw5 = -0.07788311", ErrorSignFlipped.class);
    }

    @Test
    void singleHiddenUnit() {
        // The material's δ⁰ = (y − ŷ)f′ = +0.1218 is −∂E/∂z: written as ∂E/∂z it has the sign flipped.
        Named.wrongAs(Worked.singleHiddenUnit(), "dE/dz = 0.1218", ErrorSignFlipped.class);
    }

    @Test
    void withoutASubtractionEveryGradientCanStillBeFlipped() {
        Problem p = Problem.builder(Program.parse("x = -2; y = 5; z = -4; q = x + y; f = q*z")).build();
        LineResult r = Named.wrongAs(p, "df/dx = 4", ErrorSignFlipped.class);
        assertEquals("df/dx with the sign flipped", r.mistake());
    }
}
