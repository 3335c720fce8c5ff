package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The accumulation rule, no-grad, requiresGrad, anomaly detection and the graph view, for tensors. */
class TensorBackwardTest {

    @Test
    void aTensorUsedTwiceReceivesBothContributions() {
        Tensor a = Tensor.of(new double[] {3, -1});
        a.add(a).sum().backward();
        assertArrayEquals(new double[] {2, 2}, a.grad().toArray(), 0.0);
        Tensor x = Tensor.of(new double[] {5, 2});
        x.mul(x).mul(x).sum().backward();
        assertArrayEquals(new double[] {75, 12}, x.grad().toArray(), 0.0);
    }

    @Test
    void secondBackwardResetsIntermediatesAndAccumulatesLeaves() {
        Tensor x = Tensor.of(new double[] {5});
        Tensor xx = x.mul(x);
        Tensor y = xx.mul(x).sum();
        y.backward();
        y.backward();
        assertArrayEquals(new double[] {5}, xx.grad().toArray(), 0.0);
        assertArrayEquals(new double[] {150}, x.grad().toArray(), 0.0);
        y.zeroGrad();
        assertFalse(x.hasGrad());
        y.backward();
        assertArrayEquals(new double[] {75}, x.grad().toArray(), 0.0);
    }

    @Test
    void aClearedGradStartsFromZeroAgainThoughItsArrayIsReused() {
        Tensor w = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor x = Tensor.of(new double[][] {{1, -1}, {2, 0.5}}).requiresGrad(false);
        x.matmul(w).square().sum().backward();
        double[] first = w.grad().toArray();
        double[] live = w.gradArray();
        w.clearGrad();
        assertFalse(w.hasGrad());
        assertArrayEquals(new double[4], w.grad().toArray(), 0.0, "a cleared grad reads as zeros");
        x.matmul(w).square().sum().backward();
        // The same numbers, not twice them: the reused array was zeroed before backward added into it.
        assertArrayEquals(first, w.grad().toArray(), 0.0);
        assertTrue(live == w.gradArray(), "the cleared array is reused, not a fresh one allocated");
        // Without clearGrad, leaves keep accumulating.
        x.matmul(w).square().sum().backward();
        for (int i = 0; i < first.length; i++) {
            assertEquals(2 * first[i], w.gradArray()[i], 0.0);
        }
    }

    @Test
    void backwardOnANonScalarSaysWhatToDo() {
        Tensor x = Tensor.ones(2, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.mul(2).backward());
        assertEquals("backward: output has shape [2, 2]; reduce it to one element first (sum() or mean()) "
                + "or call backward(seed)", e.getMessage());
        x.mul(2).backward(Tensor.of(new double[] {1, 2, 3, 4}, 2, 2));
        assertArrayEquals(new double[] {2, 4, 6, 8}, x.grad().toArray(), 0.0);
    }

    @Test
    void tensorsThatNeedNoGradGetNone() {
        Tensor data = Tensor.ones(2, 3).requiresGrad(false);
        Tensor w = Tensor.ones(3, 1);
        data.matmul(w).sum().backward();
        assertFalse(data.hasGrad());
        assertArrayEquals(new double[] {2, 2, 2}, w.grad().toArray(), 0.0);
        Tensor made = data.mul(2);
        assertFalse(made.requiresGrad());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> made.requiresGrad(true));
        assertTrue(e.getMessage().startsWith("requiresGrad: '[2, 3]' was made by mul"));
        IllegalStateException b = assertThrows(IllegalStateException.class, () -> made.sum().backward());
        assertTrue(b.getMessage().startsWith("backward: nothing in this graph requires a grad"), b.getMessage());
    }

    @Test
    void noGradMakesLeaves() {
        Tensor w = Tensor.ones(2);
        Tensor u;
        try (Autograd.Scope s = Autograd.noGrad()) {
            u = w.mul(3);
        }
        assertTrue(u.isLeaf());
        assertEquals(0, u.inputCount());
        assertArrayEquals(new double[] {3, 3}, u.toArray(), 0.0);
    }

    @Test
    void anomalyDetectionNamesTheOp() {
        Tensor x = Tensor.of(new double[] {1, -1}).label("x");
        try (Autograd.Scope s = Autograd.detectAnomaly()) {
            AnomalyException e = assertThrows(AnomalyException.class, () -> x.log());
            assertEquals("anomaly in forward: log produced NaN at element 1 from inputs 'x' [2]", e.getMessage());
            Tensor z = Tensor.of(new double[] {0, 4}).label("z");
            Tensor r = z.sqrt().label("r");
            AnomalyException b = assertThrows(AnomalyException.class, () -> r.sum().backward());
            assertTrue(b.getMessage().startsWith("anomaly in backward: sqrt (node 'r' [2]) produced gradient Infinity"),
                    b.getMessage());
        }
        // Outside the scope the same NaN is allowed through.
        assertTrue(Double.isNaN(x.log().toArray()[1]));
    }

    @Test
    void graphViewShowsShapesAndOps() {
        Tensor x = Tensor.ones(2, 3).label("x");
        Tensor w = Tensor.ones(3, 1).label("W");
        Tensor loss = x.matmul(w).relu().sum().label("loss");
        loss.backward();
        Graph g = Graph.of(loss);
        assertEquals(5, g.size());
        assertEquals("x", g.nodes().get(0).name());
        assertEquals("W", g.nodes().get(1).name());
        assertEquals("matmul", g.nodes().get(2).opName());
        assertArrayEquals(new int[] {2, 1}, g.nodes().get(2).shape());
        assertEquals("relu", g.nodes().get(3).opName());
        assertEquals("sum", g.output().opName());
        assertEquals(6.0, g.output().value());
        assertArrayEquals(new double[] {2, 2, 2}, g.find("W").grad(), 0.0);
        assertTrue(g.nodes().get(2).localDerivative(0).isEmpty());
        assertNull(Tensor.ones(1).gradSnapshot());
    }
}
