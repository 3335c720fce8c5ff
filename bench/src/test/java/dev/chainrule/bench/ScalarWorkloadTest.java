package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import org.junit.jupiter.api.Test;

/** W2's and W3's correctness checks, on smaller sizes than the timed runs. */
class ScalarWorkloadTest {

    @Test
    void deepChainGradientIsTheProductOfItsFactors() {
        DeepChain.Ends ends = DeepChain.run(10_000);
        assertEquals(DeepChain.expectedGradient(10_000), ends.x0().grad(), 0.0);
        // 1.000001^10000 = e^(10000·ln 1.000001) = 1.0100501620...
        assertEquals(Math.pow(1.000001, 10_000), ends.x0().grad(), 1e-12);
        assertEquals(1.0100501620, ends.x0().grad(), 1e-10);
    }

    @Test
    void deepChainOfAMillionRunsOnTheDefaultStack() {
        DeepChain.Ends ends = DeepChain.run(DeepChain.DEPTH);
        assertEquals(2.718280469, ends.x0().grad(), 1e-9);
    }

    @Test
    void deepChainNodeCountMatchesTheGraph() {
        DeepChain.Ends ends = DeepChain.run(100);
        assertEquals(DeepChain.nodeCount(100), Graph.of(ends.last()).size());
    }

    @Test
    void wideSumGradientsEqualThePartnerLeavesExactly() {
        WideSum w = new WideSum(1000, WideSum.SEED);
        Value s = w.run();
        assertEquals(0.0, w.maxGradientError());
        assertEquals(WideSum.nodeCount(1000), Graph.of(s).size());
        // Run twice without clearing: leaves accumulate, so the check must notice.
        w.run();
        assertNotEquals(0.0, w.maxGradientError());
        w.clearGrads();
        w.run();
        assertEquals(0.0, w.maxGradientError());
    }

    @Test
    void wideSumLeavesDependOnlyOnTheSeed() {
        WideSum one = new WideSum(10, 7);
        WideSum two = new WideSum(10, 7);
        for (int i = 0; i < 10; i++) {
            assertEquals(one.a.get(i).data(), two.a.get(i).data(), 0.0);
            assertEquals(one.b.get(i).data(), two.b.get(i).data(), 0.0);
        }
    }
}
