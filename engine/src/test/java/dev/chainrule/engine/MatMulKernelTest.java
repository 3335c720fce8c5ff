package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.internal.MatMulKernel;
import dev.chainrule.engine.internal.VectorGemm;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both matmul kernels against plain dot products, on edge sizes and transposed operands. */
class MatMulKernelTest {
    private static final int[][] SIZES = {
        {1, 1, 1}, {3, 5, 7}, {4, 8, 24}, {5, 9, 25}, {17, 300, 33}, {64, 256, 48}, {67, 513, 100},
        // Whole tiles of the vector kernel (8 × 16 at 512 bits), one row or column past them, W1t's
        // first layer, and a depth cut into five equal k-blocks (785 = 5 × 157).
        {8, 16, 16}, {9, 200, 17}, {100, 16, 16}, {16, 785, 33},
    };

    @Test
    void vectorApiIsThereInTheseTests() {
        // Surefire starts the JVM with --add-modules jdk.incubator.vector (engine/pom.xml).
        assertTrue(MatMulKernel.VECTOR, "the vector kernel is not being tested");
    }

    @Test
    void plainKernelMatchesDotProducts() {
        for (int[] s : SIZES) {
            check(false, false, s[0], s[1], s[2], 1);
            check(false, true, s[0], s[1], s[2], 2);
        }
    }

    @Test
    void vectorKernelMatchesDotProducts() {
        for (int[] s : SIZES) {
            check(true, false, s[0], s[1], s[2], 3);
            check(true, true, s[0], s[1], s[2], 4);
        }
    }

    @Test
    void bothKernelsReadATransposedB() {
        // g·Bᵀ in a matmul's backward hands the kernels B as a strided view; the vector kernel
        // packs it where it lies, the plain one (gemm below the vector threshold) copies it.
        for (int[] s : SIZES) {
            checkTransposedB(true, false, s[0], s[1], s[2], 10);
            checkTransposedB(true, true, s[0], s[1], s[2], 11);
            if ((long) s[0] * s[1] * s[2] < MatMulKernel.VECTOR_THRESHOLD) {
                checkTransposedB(false, false, s[0], s[1], s[2], 12);
                checkTransposedB(false, true, s[0], s[1], s[2], 13);
            }
        }
    }

    @Test
    void gemmSplitsAcrossThreadsByColumnsOrRowsWithTheSameResult() {
        // Above the parallel threshold: a training step's shapes (A small enough to read in
        // place, so the threads split C by columns) and larger or narrower ones (split by rows),
        // with either operand transposed, and widths that end in a partial panel.
        int[][] sizes = {{128, 784, 256}, {128, 256, 128}, {784, 128, 256}, {70, 130, 101}, {600, 300, 97},
            {40, 500, 30}};
        long seed = 20;
        for (int[] s : sizes) {
            for (int t = 0; t < 4; t++) {
                checkGemm(t % 2 == 1, t / 2 == 1, s[0], s[1], s[2], seed++, false);
            }
        }
    }

    @Test
    void gemmSplitsMidSizedProductsWithTheHelperThreadWithTheSameResult() {
        // Between the helper's threshold (2^12 in these tests) and the pool's (2^18): by columns
        // (A read in place, at least two panels of B a side), by rows (a transposed A, narrow B),
        // in place and overwriting, odd widths that end in a partial panel or a partial row panel.
        assertTrue(MatMulKernel.HELPER_THRESHOLD <= 40 * 64 * 96 && 40L * 64 * 96 < MatMulKernel.PARALLEL_THRESHOLD,
                "the sizes below must fall between the two thresholds");
        int[][] sizes = {{40, 64, 96}, {96, 40, 64}, {33, 50, 70}, {16, 16, 16}, {9, 200, 33}, {128, 10, 128}};
        long seed = 60;
        for (int[] s : sizes) {
            for (int t = 0; t < 8; t++) {
                checkGemm(t % 2 == 1, (t / 2) % 2 == 1, s[0], s[1], s[2], seed++, t >= 4);
            }
        }
    }

    @Test
    void gemmThatOverwritesNeverReadsWhatCHeld() {
        // C starts as NaN: one element read before it is written shows up in the result. Sizes
        // for the plain kernel (below the vector threshold), whole and edge tiles, several
        // k-blocks, and the threaded splits by columns and by rows.
        int[][] sizes = {{3, 5, 7}, {8, 16, 16}, {9, 200, 17}, {16, 785, 33}, {128, 784, 256}, {784, 128, 256},
            {600, 300, 97}};
        long seed = 40;
        for (int[] s : sizes) {
            for (int t = 0; t < 4; t++) {
                checkGemm(t % 2 == 1, t / 2 == 1, s[0], s[1], s[2], seed++, true);
            }
        }
    }

    @Test
    void vectorKernelReusesItsBuffersWithoutCarryingNumbersOver() {
        // Each thread keeps its packing buffers between products: a large product leaves them
        // full of its numbers, and smaller ones with edge tiles and padding must not see them.
        check(true, false, 67, 513, 100, 5);
        check(true, true, 5, 9, 25, 6);
        check(true, false, 67, 513, 100, 7);
        check(true, false, 3, 5, 7, 8);
        check(true, true, 64, 256, 48, 9);
    }

    @Test
    void vectorKernelAddsIntoC() {
        double[] a = {1, 2, 3, 4};
        double[] b = {5, 6, 7, 8};
        double[] c = {1, 1, 1, 1};
        VectorGemm.rows(a, 0, 2, 1, b, 0, c, 0, 2, 2, 0, 2);
        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50], plus the 1s already in C.
        assertEquals(20, c[0]);
        assertEquals(23, c[1]);
        assertEquals(44, c[2]);
        assertEquals(51, c[3]);
    }

    /**
     * C = A·B with B stored as its transpose (n×k), through {@link VectorGemm} or, for the plain
     * kernel, through {@link MatMulKernel#gemm} on a product small enough to stay off the vector
     * kernel, against plain sums.
     */
    private static void checkTransposedB(boolean vector, boolean transposedA, int m, int k, int n, long seed) {
        Random r = new Random(seed);
        double[] a = uniform(r, m * k);
        double[] bt = uniform(r, n * k);
        int ars = transposedA ? 1 : k;
        int acs = transposedA ? m : 1;
        double[] c = new double[m * n];
        if (vector) {
            VectorGemm.rows(a, 0, ars, acs, bt, 0, 1, k, c, 0, n, k, n, 0, m, false);
        } else {
            MatMulKernel.gemm(a, 0, ars, acs, bt, 0, 1, k, c, 0, m, k, n);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double mag = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * ars + p * acs] * bt[j * k + p];
                    mag += Math.abs(a[i * ars + p * acs] * bt[j * k + p]);
                }
                assertEquals(s, c[i * n + j], 1e-14 * mag + 1e-300,
                        (vector ? "vector" : "plain") + " Bᵀ " + m + "x" + k + "x" + n + " at " + i + "," + j);
            }
        }
    }

    /**
     * {@link MatMulKernel#gemm} with either operand stored transposed, against plain sums: adding
     * onto a C of 0.5s, or with {@code overwrite} storing over a C of NaNs.
     */
    private static void checkGemm(boolean transposedA, boolean transposedB, int m, int k, int n, long seed,
            boolean overwrite) {
        Random r = new Random(seed);
        double[] a = uniform(r, m * k);
        double[] b = uniform(r, k * n);
        int ars = transposedA ? 1 : k;
        int acs = transposedA ? m : 1;
        // B(p, j) lives at p·brs + j·bcs: row-major (n, 1) or stored as its transpose (1, k).
        int brs = transposedB ? 1 : n;
        int bcs = transposedB ? k : 1;
        double[] c = new double[m * n];
        double start = overwrite ? Double.NaN : 0.5;
        Arrays.fill(c, start);
        MatMulKernel.gemm(a, 0, ars, acs, b, 0, brs, bcs, c, 0, m, k, n, overwrite);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = overwrite ? 0 : start;
                double mag = overwrite ? 1e-300 : start;
                for (int p = 0; p < k; p++) {
                    double x = a[i * ars + p * acs] * b[p * brs + j * bcs];
                    s += x;
                    mag += Math.abs(x);
                }
                assertEquals(s, c[i * n + j], 1e-14 * mag,
                        "gemm " + m + "x" + k + "x" + n + (transposedA ? " Aᵀ" : "") + (transposedB ? " Bᵀ" : "")
                        + (overwrite ? " overwriting" : "")
                        + " at " + i + "," + j);
            }
        }
    }

    /** C = A·B with A m×k (stored transposed if asked), B k×n, against plain sums. */
    private static void check(boolean vector, boolean transposedA, int m, int k, int n, long seed) {
        Random r = new Random(seed);
        double[] a = uniform(r, m * k);
        double[] b = uniform(r, k * n);
        // A(i, p) lives at i·ars + p·acs: row-major (k, 1) or stored as its transpose (1, m).
        int ars = transposedA ? 1 : k;
        int acs = transposedA ? m : 1;
        double[] c = new double[m * n];
        if (vector) {
            VectorGemm.rows(a, 0, ars, acs, b, 0, c, 0, k, n, 0, m);
        } else {
            MatMulKernel.rows(a, 0, ars, acs, b, 0, c, 0, k, n, 0, m);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double mag = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * ars + p * acs] * b[p * n + j];
                    mag += Math.abs(a[i * ars + p * acs] * b[p * n + j]);
                }
                assertEquals(s, c[i * n + j], 1e-14 * mag + 1e-300,
                        (vector ? "vector" : "plain") + " " + m + "x" + k + "x" + n + " at " + i + "," + j);
            }
        }
    }

    /** {@code size} numbers drawn uniformly from [−1, 1). */
    private static double[] uniform(Random r, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = r.nextDouble() * 2 - 1;
        }
        return x;
    }
}
