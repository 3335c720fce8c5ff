package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** sum, mean, max, logsumexp, softmax and logSoftmax: values, axes, keepDims, gradients, stability. */
class TensorReductionTest {
    private static final Tensor M = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void sumAndMeanOverAllAndOverAxes() {
        assertEquals(21.0, M.sum().item());
        assertArrayEquals(new int[0], M.sum().shape());
        assertEquals(3.5, M.mean().item());
        assertArrayEquals(new double[] {5, 7, 9}, M.sum(0).toArray(), 0.0);
        assertArrayEquals(new double[] {6, 15}, M.sum(1).toArray(), 0.0);
        assertArrayEquals(new double[] {6, 15}, M.sum(-1).toArray(), 0.0);
        assertArrayEquals(new int[] {2, 1}, M.sum(new int[] {1}, true).shape());
        assertArrayEquals(new int[] {1, 1}, M.sum(new int[] {}, true).shape());
        assertArrayEquals(new double[] {2.5, 3.5, 4.5}, M.mean(0).toArray(), 0.0);
        assertArrayEquals(new double[] {2, 5}, M.mean(1).toArray(), 0.0);
    }

    @Test
    void reductionsOverSeveralAxesOfA3dTensor() {
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        Tensor s = t.sum(new int[] {0, 2}, false);
        assertArrayEquals(new double[] {0 + 1 + 2 + 3 + 12 + 13 + 14 + 15, 4 + 5 + 6 + 7 + 16 + 17 + 18 + 19,
            8 + 9 + 10 + 11 + 20 + 21 + 22 + 23}, s.toArray(), 0.0);
        assertArrayEquals(new double[] {20, 21, 22, 23}, t.max(new int[] {0, 1}, false).toArray(), 0.0);
    }

    @Test
    void reductionGradientsMatchFiniteDifferences() {
        Random r = new Random(5);
        Tensor x = Tensor.randn(r, 2, 3, 4);
        TensorFiniteDifferences.check("sum all", in -> in[0].sum(), x);
        TensorFiniteDifferences.check("sum 1", in -> in[0].sum(1), x);
        TensorFiniteDifferences.check("sum 0,2 keep", in -> in[0].sum(new int[] {0, 2}, true), x);
        TensorFiniteDifferences.check("mean all", in -> in[0].mean(), x);
        TensorFiniteDifferences.check("mean -1", in -> in[0].mean(-1), x);
        TensorFiniteDifferences.check("max all", in -> in[0].max(), x);
        TensorFiniteDifferences.check("max 1", in -> in[0].max(new int[] {1}, false), x);
        TensorFiniteDifferences.check("max 0,2 keep", in -> in[0].max(new int[] {0, 2}, true), x);
        TensorFiniteDifferences.check("logsumexp all", in -> in[0].logsumexp(), x);
        TensorFiniteDifferences.check("logsumexp 2", in -> in[0].logsumexp(2), x);
        TensorFiniteDifferences.check("logsumexp 0 keep", in -> in[0].logsumexp(new int[] {0}, true), x);
        TensorFiniteDifferences.check("softmax 1", in -> in[0].softmax(1), x);
        TensorFiniteDifferences.check("softmax -1", in -> in[0].softmax(-1), x);
        TensorFiniteDifferences.check("logSoftmax 0", in -> in[0].logSoftmax(0), x);
        TensorFiniteDifferences.check("logSoftmax 2", in -> in[0].logSoftmax(2), x);
    }

    @Test
    void maxSendsTheGradientToTheFirstMaximumOnATie() {
        Tensor x = Tensor.of(new double[] {3, 1, 3, 2});
        Tensor m = x.max();
        assertEquals(3.0, m.item());
        m.backward();
        assertArrayEquals(new double[] {1, 0, 0, 0}, x.grad().toArray(), 0.0);
    }

    @Test
    void softmaxOfLogitsPlusMinusAThousandIsExactAndFinite() {
        Tensor logits = Tensor.of(new double[][] {{1000, -1000, 0}, {-1000, -1000, -1000}});
        Tensor p = logits.softmax(1);
        assertArrayEquals(new double[] {1, 0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3}, p.toArray(), 1e-15);
        Tensor lp = logits.logSoftmax(1);
        double third = -Math.log(3);
        assertArrayEquals(new double[] {0, -2000, -1000, third, third, third}, lp.toArray(), 1e-12);
        assertEquals(1000.0, logits.logsumexp(1).toArray()[0], 0.0);
        assertEquals(-1000 + Math.log(3), logits.logsumexp(1).toArray()[1], 1e-12);
        // Cross-entropy of the right class: the grad is softmax − one-hot, finite everywhere.
        lp.gather(1, 0, 1).sum().neg().backward();
        for (double g : logits.grad().toArray()) {
            assertTrue(Double.isFinite(g));
        }
        assertArrayEquals(new double[] {0, 0, 0, 1.0 / 3, -2.0 / 3, 1.0 / 3}, logits.grad().toArray(), 1e-15);
    }

    @Test
    void softmaxRowsSumToOne() {
        Tensor p = Tensor.randn(new Random(2), 4, 5).mul(30).softmax(0);
        double[] colSums = p.sum(0).toArray();
        for (double s : colSums) {
            assertEquals(1.0, s, 1e-14);
        }
    }

    @Test
    void badAxesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.sum(2));
        assertEquals("sum: axis 2 is out of range for shape [2, 3] (rank 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> M.softmax(-3));
        assertEquals("softmax: axis -3 is out of range for shape [2, 3] (rank 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> M.sum(new int[] {1, -1}, false));
        assertEquals("sum: axis -1 is listed twice for shape [2, 3]", e.getMessage());
    }
}
