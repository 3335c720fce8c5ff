package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** matmulAdd ({@code a @ b + bias} in one node): values, gradients, every bias broadcast, shape errors. */
class TensorMatMulAddTest {

    @Test
    void aRowBiasIsAddedToEveryRowOfTheProduct() {
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        Tensor bias = Tensor.of(new double[] {0.5, -100});
        Tensor c = a.matmulAdd(b, bias);
        assertArrayEquals(new int[] {2, 2}, c.shape());
        assertArrayEquals(new double[] {58.5, -36, 139.5, 54}, c.toArray(), 0.0);
        assertEquals("matmulAdd", c.opName());
        assertEquals("@+", c.opSymbol());
        assertEquals(3, c.inputCount());
        c.sum().backward();
        // As for matmul: row sums of b, column sums of a; the bias gets the column sums of 1 (m = 2).
        assertArrayEquals(new double[] {15, 19, 23, 15, 19, 23}, a.grad().toArray(), 0.0);
        assertArrayEquals(new double[] {5, 5, 7, 7, 9, 9}, b.grad().toArray(), 0.0);
        assertArrayEquals(new double[] {2, 2}, bias.grad().toArray(), 0.0);
    }

    @Test
    void everyBroadcastOfTheBiasGivesWhatMatmulThenAddGives() {
        Random r = new Random(21);
        int[][] biasShapes = {{5}, {1, 5}, {3, 1}, {3, 5}, {}, {1}, {2, 1, 5}, {2, 3, 1}};
        for (int[] bs : biasShapes) {
            Tensor a = Tensor.randn(r, 2, 3, 4);
            Tensor b = Tensor.randn(r, 4, 5);
            Tensor bias = Tensor.randn(r, bs);
            Tensor g = Tensor.randn(r, 2, 3, 5);
            Tensor fused = a.matmulAdd(b, bias);
            fused.backward(g);
            double[][] fusedGrads = {a.grad().toArray(), b.grad().toArray(), bias.grad().toArray()};
            for (Tensor t : new Tensor[] {a, b, bias}) {
                t.clearGrad();
            }
            Tensor plain = a.matmul(b).add(bias);
            plain.backward(g);
            String what = "bias " + Shapes.str(bs);
            assertArrayEquals(plain.shape(), fused.shape(), what);
            assertArrayEquals(plain.toArray(), fused.toArray(), 1e-12, what);
            assertArrayEquals(a.grad().toArray(), fusedGrads[0], 1e-12, what);
            assertArrayEquals(b.grad().toArray(), fusedGrads[1], 1e-12, what);
            assertArrayEquals(bias.grad().toArray(), fusedGrads[2], 1e-12, what);
        }
    }

    @Test
    void largeProductsTakeTheVectorKernelAndStillMatch() {
        // A training step's shapes (batch 128, 784 → 256): the packed kernel, k-blocks, edge tiles.
        Random r = new Random(22);
        Tensor x = Tensor.randn(r, 128, 784).requiresGrad(false);
        Tensor w = Tensor.randn(r, 784, 250);
        Tensor bias = Tensor.randn(r, 250);
        Tensor g = Tensor.randn(r, 128, 250);
        Tensor fused = x.matmulAdd(w, bias);
        fused.backward(g);
        double[] gw = w.grad().toArray();
        double[] gbias = bias.grad().toArray();
        w.clearGrad();
        bias.clearGrad();
        Tensor plain = x.matmul(w).add(bias);
        plain.backward(g);
        assertArrayEquals(plain.toArray(), fused.toArray(), 1e-10);
        assertArrayEquals(w.grad().toArray(), gw, 1e-10);
        assertArrayEquals(bias.grad().toArray(), gbias, 1e-12);
        assertFalse(x.hasGrad(), "x requires no grad and gets none");
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random r = new Random(23);
        TensorFiniteDifferences.check("row bias", in -> in[0].matmulAdd(in[1], in[2]),
                Tensor.randn(r, 3, 4), Tensor.randn(r, 4, 5), Tensor.randn(r, 5));
        TensorFiniteDifferences.check("column bias", in -> in[0].matmulAdd(in[1], in[2]),
                Tensor.randn(r, 3, 4), Tensor.randn(r, 4, 5), Tensor.randn(r, 3, 1));
        TensorFiniteDifferences.check("batched, bias per batch", in -> in[0].matmulAdd(in[1], in[2]),
                Tensor.randn(r, 2, 3, 4), Tensor.randn(r, 4, 2), Tensor.randn(r, 2, 1, 2));
        TensorFiniteDifferences.check("same tensor twice", in -> in[0].matmulAdd(in[0], in[0]),
                Tensor.randn(r, 3, 3));
    }

    @Test
    void secondDerivativesFlowThroughTheGraphForm() {
        // d/dx Σ (x @ w + b)² = 2 (x@w + b) @ wᵀ, whose derivative in w needs matmulAdd's graph form.
        Random r = new Random(24);
        Tensor x = Tensor.randn(r, 2, 3);
        Tensor w = Tensor.randn(r, 3, 2);
        Tensor b = Tensor.randn(r, 2);
        Tensor gx = Grad.of(x.matmulAdd(w, b).square().sum(), x)[0];
        Tensor plain = Grad.of(x.matmul(w).add(b).square().sum(), x)[0];
        assertArrayEquals(plain.toArray(), gx.toArray(), 1e-12);
        Tensor[] second = Grad.of(gx.sum(), w, b);
        Tensor[] secondPlain = Grad.of(plain.sum(), w, b);
        assertArrayEquals(secondPlain[0].toArray(), second[0].toArray(), 1e-12);
        assertArrayEquals(secondPlain[1].toArray(), second[1].toArray(), 1e-12);
        assertTrue(Math.abs(second[1].toArray()[0]) > 0, "the bias term reaches the second derivative");
    }

    @Test
    void shapeErrorsNameTheOpAndTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmulAdd(Tensor.zeros(4, 5), Tensor.zeros(5)));
        assertEquals("matmulAdd: [2, 3] @ [4, 5]: inner dimensions 3 and 4 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmulAdd(Tensor.zeros(3, 5), Tensor.zeros(4)));
        assertEquals("matmulAdd: bias of shape [4] does not broadcast to the product's shape [2, 5] ([2, 3] @ [3, 5])",
                e.getMessage());
        // A bias that would widen the result (a batch axis the product does not have) is refused too.
        e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmulAdd(Tensor.zeros(3, 5), Tensor.zeros(4, 1, 5)));
        assertEquals("matmulAdd: bias of shape [4, 1, 5] does not broadcast to the product's shape [2, 5] "
                + "([2, 3] @ [3, 5])", e.getMessage());
        assertThrows(NullPointerException.class, () -> Tensor.zeros(2, 3).matmulAdd(Tensor.zeros(3, 5), null));
    }
}
