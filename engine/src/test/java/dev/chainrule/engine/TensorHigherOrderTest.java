package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void backwardThroughAGradientGraphWorksInsideNoGrad() {
        Tensor x = Tensor.of(new double[] {0.3, -0.8});
        Tensor total = Grad.of(x.tanh().sum(), x)[0].sum();
        try (Autograd.Scope s = Autograd.noGrad()) {
            total.backward();
        }
        for (int i = 0; i < 2; i++) {
            double t = Math.tanh(x.get(i));
            assertEquals(-2 * t * (1 - t * t), x.grad().get(i), 1e-14);
        }
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
    void gatherAndIndexSelectGradientsAreScattersThatDifferentiateAgain() {
        // f = Σ_rows x[r, label_r]³ + Σ (rows 2, 0 of x)²: ∂f/∂x has 3x² at the labels, 2x at the
        // picked rows; differentiating Σ ∂f/∂x again gives 6x and 2.
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor f = x.gather(1, 1, 0, 1).pow(3).sum().add(x.indexSelect(0, 2, 0).square().sum());
        Tensor g = Grad.of(f, x)[0];
        assertArrayEquals(new double[] {2, 3 * 4 + 4, 27, 0, 10, 3 * 36 + 12}, g.toArray(), 1e-12);
        Tensor h = Grad.of(g.sum(), x)[0];
        assertArrayEquals(new double[] {2, 6 * 2 + 2, 18, 0, 2, 6 * 6 + 2}, h.toArray(), 1e-12);
        f.backward();
        assertArrayEquals(x.grad().toArray(), g.toArray(), 1e-12);
    }

    @Test
    void backwardRunsThroughTheScattersOfGatherAndIndexSelectGradients() {
        // Grad.of gives ∂f/∂x as a graph whose last op is a scatter; backward() on a weighted sum
        // of it runs the scatter's own backward (a Hessian-vector product), not Grad.of again.
        Tensor w = Tensor.of(new double[][] {{1, -1}, {2, -2}, {3, -3}}).requiresGrad(false);

        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        // f = Σ x[r, label_r]³ with labels 1, 0, 1: ∂f/∂x = 3x² there; Σ w·∂f/∂x has ∂/∂x = 6x·w there.
        Tensor g = Grad.of(x.gather(1, 1, 0, 1).pow(3).sum(), x)[0];
        assertEquals("scatter", g.opName());
        g.mul(w).sum().backward();
        assertArrayEquals(new double[] {0, 6 * 2 * -1, 6 * 3 * 2, 0, 0, 6 * 6 * -3}, x.grad().toArray(), 1e-12);

        Tensor z = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        // f = Σ (rows 2, 0, 2 of z)²: ∂f/∂z = 2z on row 0, 0 on row 1, 4z on row 2 (picked twice);
        // Σ w·∂f/∂z has ∂/∂z = 2w, 0, 4w.
        Tensor gz = Grad.of(z.indexSelect(0, 2, 0, 2).square().sum(), z)[0];
        assertArrayEquals(new double[] {2, 4, 0, 0, 20, 24}, gz.toArray(), 1e-12);
        gz.mul(w).sum().backward();
        assertArrayEquals(new double[] {2, -2, 0, 0, 12, -12}, z.grad().toArray(), 1e-12);
    }

    @Test
    void aUserOpWithoutAGraphDerivativeIsReportedOnlyWhenNeeded() {
        UnaryOp cube = new UnaryOp("cube", "x³") {
            public double apply(double v) { return v * v * v; }
            public double derivative(double v, double y) { return 3 * v * v; }
            public Value derivative(Value v, Value y) {
                throw new UnsupportedOperationException("cube: no graph-form derivative");
            }
        };
        Tensor x = Tensor.of(new double[] {1, 2});
        // First order only needs the numbers.
        Tensor g = Grad.of(x.apply(cube).sum(), x)[0];
        assertArrayEquals(new double[] {3, 12}, g.toArray(), 0.0);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Grad.of(g.sum(), x));
        assertEquals("cube: no graph-form derivative", e.getMessage());
    }
}
