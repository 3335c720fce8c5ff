package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.expr.Program;
import org.junit.jupiter.api.Test;

/** Catalogue entry 4b: a mean where the loss is a sum, and a sum where it is a mean (1/m forgotten). */
class MeanInsteadOfSumTest {
    @Test
    void module11MeanOfTheTwoTerms() {
        // E_total = E1 + E2 = 0.26060897; the mean of the two terms is 0.13030449.
        LineResult r = Named.wrongAs(Worked.module11(), "E_total = 0.13030449", MeanInsteadOfSum.class);
        assertTrue(r.matches().stream().anyMatch(m -> m.contains("with the mean of the 2 terms of E_total instead of "
                + "their sum")), r.matches().toString());
    }

    @Test
    void mazurGradientOfTheMean() {
        // ∂E/∂w5 / 2 = 0.0410835.
        Named.wrongAs(Worked.mazur(), "dE/dw5 = 0.04108352", MeanInsteadOfSum.class);
    }

    @Test
    void oneOverMForgotten() {
        // E = ((w·1 − 1)² + (w·3 − 5)²)/2 at w = 2: ∂E/∂w = (2·1·1 + 2·1·3)/2 = 4; without the 1/2: 8.
        Problem mean = Problem.builder(Program.parse(
                "param w = 2; x1 = 1; x2 = 3; E = ((w*x1 - 1)^2 + (w*x2 - 5)^2) / 2")).build();
        LineResult r = Named.wrongAs(mean, "dE/dw = 8.0", MeanInsteadOfSum.class);
        assertTrue(r.matches().stream().anyMatch(m -> m.contains("without the 1/2 of the mean: 2 times the true value")),
                r.matches().toString());
    }
}
