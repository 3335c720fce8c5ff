package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers judged after gradient-descent steps, and the descent itself. */
class StepsTest {
    @Test
    void afterOneStepMazursErrorIsJudgedAtTheUpdatedWeights() {
        // The examples module: E 0.298371109 → 0.291027774 after one step at η = 0.5 (weights only).
        Problem one = Problem.builder(Worked.program("mazur.txt")).learningRate(0.5).steps(1).build();
        CheckReport r = Checker.check(one, "E = 0.291027774\nw5 = 0.35891648\nE = 0.298371109");
        assertEquals(Verdict.OK, r.results().get(0).verdict(), Worked.render(r));
        assertEquals(Verdict.OK, r.results().get(1).verdict(), "after one step, w5 is the updated w5");
        assertEquals(Verdict.WRONG, r.results().get(2).verdict());
    }

    @Test
    void tenThousandStepsGiveTheMaterialsFigures() {
        GradientDescent.Run run = GradientDescent.run(Worked.program("mazur.txt"), Map.of(), null,
                List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"), 0.5, 10_000);
        assertEquals(10_001, run.losses().length);
        assertEquals(0.298371109, run.losses()[0], 5e-10);
        assertEquals(3.5102e-5, run.losses()[10_000], 5e-10);
        assertEquals(0.35, run.point().get("b1"), "biases are not parameters here");
        Problem after = Problem.builder(Worked.program("mazur.txt")).learningRate(0.5).steps(10_000).build();
        CheckReport r = Checker.check(after, "out_o1 = 0.0159136\nout_o2 = 0.9840643");
        assertEquals(2, r.count(Verdict.OK), Worked.render(r));
    }

    @Test
    void aDivergingDescentSaysWhen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.run(
                dev.chainrule.engine.expr.Program.parse("param w = 1; f = w^2"), Map.of(), null, List.of("w"), 1000, 200));
        assertEquals(true, e.getMessage().startsWith("f is Infinity after "), e.getMessage());
    }
}
