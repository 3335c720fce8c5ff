package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.expr.Program;
import org.junit.jupiter.api.Test;

/**
 * Catalogue entries 7a to 7f, the update's slips: before the update, the wrong way, without η,
 * the step for the weight, a gradient times η, a value after the update.
 */
class UpdateSlipsTest {
    @Test
    void mazur() {
        CheckReport r = Checker.check(Worked.mazur(), "w6' = 0.45\nw7' = 0.522602540\nw8' = 0.538629879\nw5' = 0.0410835203");
        assertEquals("w6 before the update (after it, w6' = w6 − η·∂E/∂w6)", r.results().get(0).mistake());
        assertEquals("w7 − ∂E/∂w7: the learning rate is missing (w7' = w7 − η·∂E/∂w7)", r.results().get(1).mistake());
        assertEquals("w8 + η·∂E/∂w8: the update went the wrong way (subtract: w8' = w8 − η·∂E/∂w8)",
                r.results().get(2).mistake());
        assertEquals("η·∂E/∂w5, the step, not the new weight (w5' = w5 − η·∂E/∂w5)", r.results().get(3).mistake());
        Named.wrongAs(Worked.mazur(), "w6' = 0.45", BeforeUpdate.class);
        Named.wrongAs(Worked.mazur(), "w7' = 0.522602540", UpdateWithoutRate.class);
        Named.wrongAs(Worked.mazur(), "w8' = 0.538629879", UpdateWrongWay.class);
        Named.wrongAs(Worked.mazur(), "w5' = 0.0410835203", StepForNewWeight.class);
    }

    @Test
    void module11() {
        // w5 + η·∂E/∂w5 = 0.6 + 0.001 × 0.07788311 = 0.60007788; w5 − ∂E/∂w5 = 0.52211689.
        Named.wrongAs(Worked.module11(), "new w5 = 0.60007788", UpdateWrongWay.class);
        Named.wrongAs(Worked.module11(), "new w5 = 0.52211689", UpdateWithoutRate.class);
    }

    @Test
    void singleHiddenUnitStepsWithTheWrongSign() {
        // ΔW = −η·∂E/∂W = +0.0302; written −0.0302 it is the step uphill.
        Named.wrongAs(Worked.singleHiddenUnit(), "ΔW = -0.0302", UpdateWrongWay.class);
    }

    @Test
    void aGradientOffByTheLearningRateOrTakenAfterTheUpdate() {
        // f = w·x, one step with η = 0.1: ∂f/∂w = x = 3, w' = 2 − 0.3 = 1.7, f after it = 5.1.
        Problem p = Problem.builder(Program.parse("w = 2; x = 3; f = w*x")).learningRate(0.1).build();
        CheckReport r = Checker.check(p, "df/dw = 0.3; f = 5.1");
        assertEquals("df/dw as η·(the gradient), with η = 0.1: off by a factor of the learning rate",
                r.results().get(0).mistake());
        assertEquals("f after the update (use the values from before it)", r.results().get(1).mistake());
        Named.wrongAs(p, "df/dw = 0.3", LearningRateFactor.class);
        Named.wrongAs(p, "f = 5.1", AfterUpdate.class);
    }
}
