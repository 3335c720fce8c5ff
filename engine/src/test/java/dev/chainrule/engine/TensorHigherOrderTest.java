package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Grad.of on tensor graphs: gradients as graphs, differentiated again. */
class TensorHigherOrderTest {

    @Test
    void secondDerivativeOfSigmoidElementwise() {
        double[] xs = {-1.5, 0.3, 2.0};
        Tensor x = Tensor.of(xs);
        Tensor g = Grad.of(x.sigmoid().sum(), x)[0];
        Tensor h = Grad.of(g.sum(), x)[0];
        for (int i = 0; i < xs.length; i++) {
            double s = Ops.sigmoid(xs[i]);
            assertEquals(s * (1 - s), g.get(i), 1e-15);
            assertEquals(s * (1 - s) * (1 - 2 * s), h.get(i), 1e-14);
        }
        // Third order goes through the lifted scalar graphs.
        Tensor t = Grad.of(h.sum(), x)[0];
        double s = Ops.sigmoid(xs[1]);
        assertEquals(s * (1 - s) * (1 - 6 * s + 6 * s * s), t.get(1), 1e-12);
    }

    @Test
    void hessianOfAQuadraticFormThroughMatmulAndSum() {
        // f(x) = Σ x·A·xᵀ for a row x: ∇f = x(A + Aᵀ), Hessian A + Aᵀ.
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}}).requiresGrad(false);
        Tensor x = Tensor.of(new double[][] {{0.5, -1}});
        Tensor f = x.matmul(a).matmul(x.transpose()).sum();
        Tensor grad = Grad.of(f, x)[0];
        assertArrayEquals(new double[] {0.5 * 2 - 1 * 5, 0.5 * 5 - 1 * 8}, grad.toArray(), 1e-15);
        Tensor h0 = Grad.of(grad.slice(1, 0, 1).sum(), x)[0];
        Tensor h1 = Grad.of(grad.slice(1, 1, 2).sum(), x)[0];
        assertArrayEquals(new double[] {2, 5}, h0.toArray(), 1e-15);
        assertArrayEquals(new double[] {5, 8}, h1.toArray(), 1e-15);
    }

    @Test
    void gradOfBroadcastOpsHasTheInputShapes() {
        Tensor col = Tensor.of(new double[] {1, 2, 3}, 3, 1);
        Tensor row = Tensor.of(new double[] {0.5, 1.5}, 1, 2);
        Tensor[] g = Grad.of(col.pow(row).sum(), col, row);
        assertArrayEquals(new int[] {3, 1}, g[0].shape());
        assertArrayEquals(new int[] {1, 2}, g[1].shape());
        col.pow(row).sum().backward();
        assertArrayEquals(col.grad().toArray(), g[0].toArray(), 1e-14);
        assertArrayEquals(row.grad().toArray(), g[1].toArray(), 1e-14);
    }

    @Test
    void firstOrderGraphsAgreeWithBackwardForEverySupportedOp() {
        Random r = new Random(21);
        Tensor x = Tensor.randn(r, 2, 3);
        Tensor w = Tensor.randn(r, 3, 4);
        Tensor out = x.matmul(w).softmax(1).add(x.logSoftmax(0).mean(new int[] {0}, true).sum(1).reshape(1, 1))
                .mul(x.max(new int[] {1}, true)).sub(x.logsumexp(1).reshape(2, 1))
                .div(x.exp().sum().add(1)).transpose().expand(2, 4, 2).slice(0, 0, 1).sum();
        Tensor[] g = Grad.of(out, x, w);
        out.backward();
        assertArrayEquals(x.grad().toArray(), g[0].toArray(), 1e-12);
        assertArrayEquals(w.grad().toArray(), g[1].toArray(), 1e-12);
    }

    @Test
    void unsupportedOpsAreNamed() {
        Tensor x = Tensor.randn(new Random(1), 3, 2);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Grad.of(x.gather(1, 0, 1, 0).sum(), x));
        assertTrue(e.getMessage().startsWith("gather: no higher-order gradient rule"), e.getMessage());
        // An unsupported op off the path to the inputs asked for is no obstacle.
        Tensor y = Tensor.randn(new Random(2), 3, 2);
        Tensor f = x.mul(y.gather(1, 0, 1, 0).reshape(3, 1)).sum();
        assertArrayEquals(new int[] {3, 2}, Grad.of(f, x)[0].shape());
    }
}
