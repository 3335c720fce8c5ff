package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** matmul: 2-D and batched values, gradients, the blocked and parallel kernel, shape errors. */
class TensorMatMulTest {

    private static double[] naive(Tensor a, Tensor b) {
        int m = a.shape(0);
        int k = a.shape(1);
        int n = b.shape(1);
        double[] x = a.toArray();
        double[] y = b.toArray();
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += x[i * k + p] * y[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Test
    void twoByThreeTimesThreeByTwo() {
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        Tensor c = a.matmul(b);
        assertArrayEquals(new int[] {2, 2}, c.shape());
        assertArrayEquals(new double[] {58, 64, 139, 154}, c.toArray(), 0.0);
        c.sum().backward();
        // dΣ/da = 1·bᵀ: row sums of b; dΣ/db = aᵀ·1: column sums of a.
        assertArrayEquals(new double[] {15, 19, 23, 15, 19, 23}, a.grad().toArray(), 0.0);
        assertArrayEquals(new double[] {5, 5, 7, 7, 9, 9}, b.grad().toArray(), 0.0);
    }

    @Test
    void oddSizesAndLargeSizesMatchTheNaiveProduct() {
        Random r = new Random(11);
        int[][] sizes = {{1, 1, 1}, {5, 7, 3}, {13, 9, 17}, {67, 129, 300}, {130, 300, 520}};
        for (int[] s : sizes) {
            Tensor a = Tensor.randn(r, s[0], s[1]);
            Tensor b = Tensor.randn(r, s[1], s[2]);
            assertArrayEquals(naive(a, b), a.matmul(b).toArray(), 1e-11, "size " + s[0] + "x" + s[1] + "x" + s[2]);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random r = new Random(12);
        TensorFiniteDifferences.check("2-D", in -> in[0].matmul(in[1]), Tensor.randn(r, 3, 4), Tensor.randn(r, 4, 5));
        TensorFiniteDifferences.check("batched", in -> in[0].matmul(in[1]),
                Tensor.randn(r, 2, 3, 4), Tensor.randn(r, 2, 4, 5));
        TensorFiniteDifferences.check("batch broadcast right", in -> in[0].matmul(in[1]),
                Tensor.randn(r, 2, 3, 4), Tensor.randn(r, 4, 2));
        TensorFiniteDifferences.check("batch broadcast left", in -> in[0].matmul(in[1]),
                Tensor.randn(r, 3, 4), Tensor.randn(r, 2, 4, 2));
        TensorFiniteDifferences.check("batch broadcast both", in -> in[0].matmul(in[1]),
                Tensor.randn(r, 2, 1, 2, 3), Tensor.randn(r, 3, 3, 2));
    }

    @Test
    void largeProductGradientsMatchTheNaiveFormulas() {
        // Large enough for the blocked, multi-threaded path in forward and backward.
        Random r = new Random(13);
        Tensor a = Tensor.randn(r, 70, 300);
        Tensor b = Tensor.randn(r, 300, 90);
        Tensor g = Tensor.randn(r, 70, 90);
        a.matmul(b).backward(g);
        assertArrayEquals(naive(g, b.transpose()), a.grad().toArray(), 1e-10);
        assertArrayEquals(naive(a.transpose(), g), b.grad().toArray(), 1e-10);
    }

    @Test
    void batchedBroadcastValues() {
        Tensor a = Tensor.arange(12).reshape(2, 2, 3);
        Tensor b = Tensor.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        Tensor c = a.matmul(b);
        assertArrayEquals(new int[] {2, 2, 2}, c.shape());
        assertArrayEquals(new double[] {2, 3, 8, 9, 14, 15, 20, 21}, c.toArray(), 0.0);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertEquals("matmul: [2, 3] @ [4, 5]: inner dimensions 3 and 4 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 4)));
        assertEquals("matmul: [2, 2, 3] @ [3, 3, 4]: batch dimensions [2] and [3] do not broadcast", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).matmul(Tensor.zeros(3, 4)));
        assertEquals("matmul: [3] @ [3, 4]: both operands need at least 2 axes (reshape a vector to [1, n] or [n, 1])",
                e.getMessage());
    }
}
