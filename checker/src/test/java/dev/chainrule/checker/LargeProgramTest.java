package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.expr.Program;
import org.junit.jupiter.api.Test;

/** A long program with many parameters is still judged, each catalogue entry capped in the variants it tries. */
class LargeProgramTest {
    @Test
    void twoHundredParametersAndTwoThousandNodes() {
        StringBuilder p = new StringBuilder("x = 0.5\n");
        StringBuilder sum = new StringBuilder("E = 0");
        for (int i = 0; i < 200; i++) {
            p.append("param w").append(i).append(" = ").append(0.001 * (i + 1)).append('\n');
            p.append("h").append(i).append(" = sigmoid(w").append(i).append("*x)\n");
            sum.append(" + h").append(i);
        }
        Problem problem = Problem.builder(Program.parse(p + sum.toString())).learningRate(0.1).build();
        Network net = new Network(problem);
        for (Mistake m : Catalogue.MISTAKES) {
            assertTrue(m.variants(net).size() <= 5 * Mistake.MAX_VARIANTS, m.name());
        }
        // ∂E/∂w0 = σ′(0.0005)·0.5 = 0.12499999; written to 8 digits it is ok.
        CheckReport r = Checker.check(problem, "dE/dw0 = 0.12499999");
        assertEquals(Verdict.OK, r.results().get(0).verdict(), r.results().get(0).message());
    }
}
