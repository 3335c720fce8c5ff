package dev.chainrule.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The matrix-multiply kernel: {@code C += A·B} in float64, cache-blocked, with an inner loop
 * over contiguous rows of B and C that the JIT vectorises, and rows split across the cores for
 * large products.
 *
 * <p>Loop order is i-k-j: for a block of 4 rows of C and 4 values of k, the inner loop walks
 * j along 4 rows of B and updates 4 rows of C, so each loaded element of B is used 4 times and
 * each element of C is loaded and stored once per 4 multiply-adds. Blocks of k and j keep the
 * touched part of B in cache while all rows of C pass over it.
 */
final class MatMulKernel {
    /** Multiply-adds below which one thread does the whole product (forking costs microseconds). */
    static final long PARALLEL_THRESHOLD = 1L << 18;
    private static final int KB = 256;
    private static final int NB = 512;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private MatMulKernel() {
    }

    private static final class PoolHolder {
        /** Helpers for the calling thread, which computes one share itself. Daemon threads. */
        static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, THREADS - 1));
    }

    /**
     * {@code C[m×n] += A[m×k]·B[k×n]}. A's element (r, s) is {@code a[aOff + r·ars + s·acs]} (so
     * A may be a transposed view); B and C are row-major with row lengths n.
     */
    static void gemm(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
            int m, int k, int n) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        long work = (long) m * k * n;
        int parts = THREADS;
        if (parts < 2 || work < PARALLEL_THRESHOLD || m < 8) {
            rows(a, aOff, ars, acs, b, bOff, c, cOff, k, n, 0, m);
            return;
        }
        int chunk = ((m + parts - 1) / parts + 3) & ~3;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts];
        int count = 0;
        for (int i0 = chunk; i0 < m; i0 += chunk) {
            int from = i0;
            int to = Math.min(m, i0 + chunk);
            tasks[count++] = PoolHolder.POOL.submit(() -> rows(a, aOff, ars, acs, b, bOff, c, cOff, k, n, from, to));
        }
        rows(a, aOff, ars, acs, b, bOff, c, cOff, k, n, 0, Math.min(m, chunk));
        for (int t = 0; t < count; t++) {
            tasks[t].join();
        }
    }

    private static void rows(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
            int k, int n, int i0, int i1) {
        for (int k0 = 0; k0 < k; k0 += KB) {
            int k1 = Math.min(k, k0 + KB);
            for (int j0 = 0; j0 < n; j0 += NB) {
                int j1 = Math.min(n, j0 + NB);
                int i = i0;
                for (; i + 4 <= i1; i += 4) {
                    int p = k0;
                    for (; p + 4 <= k1; p += 4) {
                        block4x4(a, aOff + i * ars + p * acs, ars, acs, b, bOff + p * n, c, cOff + i * n, n, j0, j1);
                    }
                    for (; p < k1; p++) {
                        block4x1(a, aOff + i * ars + p * acs, ars, b, bOff + p * n, c, cOff + i * n, n, j0, j1);
                    }
                }
                for (; i < i1; i++) {
                    int p = k0;
                    for (; p + 4 <= k1; p += 4) {
                        block1x4(a, aOff + i * ars + p * acs, acs, b, bOff + p * n, c, cOff + i * n, n, j0, j1);
                    }
                    for (; p < k1; p++) {
                        double x = a[aOff + i * ars + p * acs];
                        int bo = bOff + p * n;
                        int co = cOff + i * n;
                        for (int j = j0; j < j1; j++) {
                            c[co + j] += x * b[bo + j];
                        }
                    }
                }
            }
        }
    }

    /** Four rows of C, four steps of k. */
    private static void block4x4(double[] a, int ao, int ars, int acs, double[] b, int bo, double[] c, int co,
            int n, int j0, int j1) {
        double a00 = a[ao];
        double a01 = a[ao + acs];
        double a02 = a[ao + 2 * acs];
        double a03 = a[ao + 3 * acs];
        double a10 = a[ao + ars];
        double a11 = a[ao + ars + acs];
        double a12 = a[ao + ars + 2 * acs];
        double a13 = a[ao + ars + 3 * acs];
        double a20 = a[ao + 2 * ars];
        double a21 = a[ao + 2 * ars + acs];
        double a22 = a[ao + 2 * ars + 2 * acs];
        double a23 = a[ao + 2 * ars + 3 * acs];
        double a30 = a[ao + 3 * ars];
        double a31 = a[ao + 3 * ars + acs];
        double a32 = a[ao + 3 * ars + 2 * acs];
        double a33 = a[ao + 3 * ars + 3 * acs];
        int b1 = bo + n;
        int b2 = bo + 2 * n;
        int b3 = bo + 3 * n;
        int c1 = co + n;
        int c2 = co + 2 * n;
        int c3 = co + 3 * n;
        for (int j = j0; j < j1; j++) {
            double x0 = b[bo + j];
            double x1 = b[b1 + j];
            double x2 = b[b2 + j];
            double x3 = b[b3 + j];
            c[co + j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
            c[c1 + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
            c[c2 + j] += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
            c[c3 + j] += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
        }
    }

    /** Four rows of C, one step of k. */
    private static void block4x1(double[] a, int ao, int ars, double[] b, int bo, double[] c, int co,
            int n, int j0, int j1) {
        double a0 = a[ao];
        double a1 = a[ao + ars];
        double a2 = a[ao + 2 * ars];
        double a3 = a[ao + 3 * ars];
        int c1 = co + n;
        int c2 = co + 2 * n;
        int c3 = co + 3 * n;
        for (int j = j0; j < j1; j++) {
            double x = b[bo + j];
            c[co + j] += a0 * x;
            c[c1 + j] += a1 * x;
            c[c2 + j] += a2 * x;
            c[c3 + j] += a3 * x;
        }
    }

    /** One row of C, four steps of k. */
    private static void block1x4(double[] a, int ao, int acs, double[] b, int bo, double[] c, int co,
            int n, int j0, int j1) {
        double a0 = a[ao];
        double a1 = a[ao + acs];
        double a2 = a[ao + 2 * acs];
        double a3 = a[ao + 3 * acs];
        int b1 = bo + n;
        int b2 = bo + 2 * n;
        int b3 = bo + 3 * n;
        for (int j = j0; j < j1; j++) {
            c[co + j] += a0 * b[bo + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
        }
    }

    /** The transpose of each of {@code count} row-major r×c blocks, as c×r blocks. */
    static double[] transposeBlocks(double[] src, int count, int r, int c) {
        double[] t = new double[src.length];
        int size = r * c;
        int tile = 32;
        for (int q = 0; q < count; q++) {
            int off = q * size;
            for (int i0 = 0; i0 < r; i0 += tile) {
                int i1 = Math.min(r, i0 + tile);
                for (int j0 = 0; j0 < c; j0 += tile) {
                    int j1 = Math.min(c, j0 + tile);
                    for (int i = i0; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            t[off + j * r + i] = src[off + i * c + j];
                        }
                    }
                }
            }
        }
        return t;
    }
}
