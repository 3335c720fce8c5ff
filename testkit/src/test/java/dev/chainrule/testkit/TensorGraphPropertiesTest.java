package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random tensor expression graphs: every kind of op they promise appears, gradients match, failures shrink. */
class TensorGraphPropertiesTest {

    @Test
    void aThousandRandomTensorGraphsMatchFiniteDifferences() {
        PropertySummary s = GradientProperties.assertGradientsMatch(TensorExprGenerator.defaults());
        assertEquals(1000, s.cases(), s::toString);
        assertEquals(1000, s.secondOrderCases(), s::toString);
        assertEquals(0, s.excused(), s::toString);
        assertTrue(s.redrawn() <= 250, s::toString);
    }

    @Test
    void theGraphsUseBroadcastingReductionsWithAndWithoutKeepDimsSoftmaxMatmulAndLargeTensors() {
        TensorExprGenerator g = TensorExprGenerator.defaults();
        Random r = new Random(17);
        String[] wanted = {"(x, 0, keep)", "(x, 1, keep)", "softmax(", "logSoftmax(", " @ u", "logsumexp(", "mean(",
            " + y", " * z"};
        int[] seen = new int[wanted.length];
        int large = 0;
        int shared = 0;
        for (int i = 0; i < 1000; i++) {
            TensorExpr e = g.next(r);
            Tensor[] x = g.inputs(r);
            assertEquals(x[0].size(), e.evaluate(x).size(), e::toString);   // the root is [m, n]
            String text = e.toString();
            for (int k = 0; k < wanted.length; k++) {
                seen[k] += text.contains(wanted[k]) ? 1 : 0;
            }
            large += x[0].size() >= 4096 ? 1 : 0;
            shared += text.startsWith("t1 = ") ? 1 : 0;
        }
        for (int k = 0; k < wanted.length; k++) {
            assertTrue(seen[k] >= 10, wanted[k] + " appeared in " + seen[k] + " of 1000 expressions");
        }
        assertTrue(large >= 60 && large <= 140, "64 × 65 inputs in " + large + " of 1000 cases");
        assertTrue(shared >= 50, "expressions sharing a sub-expression: " + shared);
    }

    @Test
    void aFailureShrinksToTheSmallestExpressionThatStillFails() {
        TensorExprGenerator g = TensorExprGenerator.defaults().large(0);
        Random r = new Random(5);
        TensorExpr e = null;
        for (int i = 0; i < 1000 && (e == null || !e.toString().contains("softmax(") || e.size() < 6); i++) {
            e = g.next(r);
        }
        Tensor[] x = g.inputs(r);
        TensorExpr start = e;
        // Stands for a wrong softmax backward: "fails" while a softmax is left.
        TensorGraphCheck.Shrunk small = TensorGraphCheck.shrink(e, x, (c, v) -> c.toString().contains("softmax("));
        assertTrue(small.expr().size() < start.size(), () -> start + "\nshrunk to\n" + small.expr());
        assertTrue(small.expr().toString().matches("f = (log)?[sS]oftmax\\(x, [01]\\)"), small.expr()::toString);
        // The values are simplified too, and stay inside [-2, 2] where the inputs are drawn.
        for (Tensor t : small.inputs()) {
            for (double v : t.toArray()) {
                assertEquals(0.0, v, () -> "values of a failure that does not depend on them shrink to 0");
            }
        }
    }
}
