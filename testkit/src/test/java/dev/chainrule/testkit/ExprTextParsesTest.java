package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The text of an expression is a program of Chainrule's expression language: parsed back, it
 * computes the same value and the same gradients. (The test kit itself does not use the parser.)
 */
class ExprTextParsesTest {

    @Test
    void aThousandRandomExpressionsParseBackToTheSameFunction() {
        ExprGenerator g = ExprGenerator.over(3).maxDepth(5).maxSize(14);
        Random r = new Random(2026);
        int checked = 0;
        for (int i = 0; i < 1000; i++) {
            Expr e = g.next(r);
            double[] x = g.pointFor(e, r);
            if (x == null) {
                continue;
            }
            checked++;
            Value[] leaves = {Value.of(x[0]), Value.of(x[1]), Value.of(x[2])};
            Value direct = e.evaluate(leaves);
            direct.backward();

            Map<String, Double> at = new HashMap<>();
            for (int k = 0; k < 3; k++) {
                if (e.usesInput(k)) {
                    at.put(Expr.inputName(k), x[k]);
                }
            }
            String text = e.toString();
            Evaluation parsed = Program.parse(text).evaluate(at);
            parsed.output().backward();
            assertEquals(direct.data(), parsed.output().data(), 1e-12 * Math.max(1, Math.abs(direct.data())), text);
            for (String name : at.keySet()) {
                int k = "xyz".indexOf(name);
                assertEquals(leaves[k].grad(), parsed.node(name).grad(),
                        1e-9 * Math.max(1, Math.abs(leaves[k].grad())), () -> text + "\nd/d" + name);
            }
        }
        // Expressions without an admissible point are skipped; most must have one.
        int seen = checked;
        assertTrue(seen >= 850, () -> "only " + seen + " of 1000 expressions were checked");
    }
}
