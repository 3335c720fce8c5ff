package dev.chainrule.engine.internal;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The matrix-multiply kernel: {@code C += A·B} in float64, cache-blocked, with an inner loop
 * that the JIT vectorises (AVX-512 where the CPU has it), and rows split across the cores for
 * large products.
 *
 * <p>Loop order is i-k-j. Each block of B (255 rows of k by 256 columns of j) is copied into
 * one array per row, and each block of 8 rows of C into scratch arrays; then, five rows of B at
 * a time, every row of the C block is updated: {@code c[j] += a0·b0[j] + ... + a4·b4[j]}.
 * (Measured by thread CPU time at n = 1024: 8 rows of C per pass over B are 40% faster than one;
 * five rows of B 4% faster than four.) The copies are there because HotSpot's C2 (JDK 17)
 * vectorises that loop only when every array is indexed from 0; over offsets into one shared
 * array, or with more than five rows of B or two of C, it stays scalar (checked in the compiled
 * code). Products under {@value #SMALL} multiply-adds skip the copies.
 */
public final class MatMulKernel {
    /**
     * Multiply-adds from which a product is split across the pool's threads: 2²⁵ (about 33
     * million), or the system property {@code chainrule.matmul.parallelFrom} (the tests set 2¹⁸,
     * so that small products cover the threaded path). The pool's threads park between products:
     * a training step's products (W4: 4 to 26 million) ran 4–11 % faster per step on one thread
     * than split across the pool, measured interleaved in one JVM at load 3.5 to 11 on 2 vCPUs,
     * and W4 on the pool was slowest on a quiet machine (3.0–4.3 ms, against 2.0–2.3 on one
     * thread under load), where waking an idle virtual CPU costs most; the
     * {@link SpinningHelper} can take them instead ({@link #HELPER_THRESHOLD}, off by default).
     * Products of ~0.8 ms and more
     * (W5's n = 1024 takes 17 ms) gain nearly twofold from the pool.
     */
    public static final long PARALLEL_THRESHOLD = Math.max(1, Long.getLong("chainrule.matmul.parallelFrom", 1L << 25));
    /**
     * Multiply-adds from which a product below {@link #PARALLEL_THRESHOLD} is shared with the
     * {@link SpinningHelper}, which spins between products instead of parking and whose chunks
     * the caller takes back if it is late. Off unless the system property
     * {@code chainrule.matmul.helperFrom} sets it (2²⁰, about a million multiply-adds or ~10 µs
     * on one core, suits a training step; the tests set 2¹², so that small products cover this
     * path). Off by default because it loses on a loaded machine: W4 interleaved in one JVM
     * against one thread, on 2 vCPUs, ran −2 to −5 % (median) at load 3.5–3.9 but +1 to +5 % at
     * load 5 with its back-off and +7 to +25 % without; on the quiet machine (alternating
     * {@code bench/run W4} JVMs, load 2) it ran 1.52 and 1.66 ms a step against 1.74 and 1.77,
     * at 30 % more CPU.
     */
    public static final long HELPER_THRESHOLD = Math.max(1, Long.getLong("chainrule.matmul.helperFrom", Long.MAX_VALUE));
    /** Bands of columns a product split with the helper is cut into: a late helper still takes some. */
    private static final int COLUMN_CHUNKS = 4;
    private static final int KB = 255;
    private static final int NB = 256;
    /** Rows of C updated while five rows of B stay in L1. */
    private static final int IB = 8;
    /** Multiply-adds below which packing B costs more than it saves. */
    private static final long SMALL = 1L << 13;
    /**
     * Threads for large products: the number of processors, or the system property
     * {@code chainrule.matmul.threads} (1 gives single-threaded figures).
     */
    private static final int THREADS = Math.max(1, Integer.getInteger("chainrule.matmul.threads",
            Runtime.getRuntime().availableProcessors()));
    /**
     * Whether the JVM has the Vector API ({@code --add-modules jdk.incubator.vector}); then
     * products of at least {@link #VECTOR_THRESHOLD} multiply-adds run on {@link VectorGemm}
     * (explicit FMA on packed panels), several times faster than the loops below. Without the
     * module those loops run, and VectorGemm is never loaded. The system property
     * {@code chainrule.matmul.plain=true} turns it off for comparisons.
     */
    public static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("chainrule.matmul.plain");
    /**
     * Multiply-adds below which the plain loops beat the vector kernel's set-up. Since the
     * vector kernel reads small A's in place, it wins from about a thousand multiply-adds: the
     * moons demo's products (100×16·16×16 and its gradients, 1,600 to 25,600 multiply-adds) take
     * a third to a half of the plain loops' time, whose inner loops of 16 or 1 element do not
     * vectorise.
     */
    public static final long VECTOR_THRESHOLD = 1L << 10;

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
    public static void gemm(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
            int m, int k, int n) {
        gemm(a, aOff, ars, acs, b, bOff, n, 1, c, cOff, m, k, n);
    }

    /**
     * {@code C[m×n] += A[m×k]·B[k×n]} with both operands strided: A's element (r, s) is
     * {@code a[aOff + r·ars + s·acs]}, B's element (p, j) is {@code b[bOff + p·brs + j·bcs]} (so
     * either may be a transposed view, as in g·Bᵀ); C is row-major with row length n. The vector
     * kernel packs a transposed B straight from where it lies; the plain one needs B row-major
     * and gets a transposed copy.
     */
    public static void gemm(double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
            double[] c, int cOff, int m, int k, int n) {
        gemm(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, m, k, n, false);
    }

    /**
     * {@link #gemm(double[], int, int, int, double[], int, int, int, double[], int, int, int, int)},
     * or with {@code overwrite} {@code C = A·B}: C's m×n elements are written without being read
     * first, so C may hold anything (a reused gradient array that was not zeroed).
     */
    public static void gemm(double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
            double[] c, int cOff, int m, int k, int n, boolean overwrite) {
        if (m == 0 || n == 0) {
            return;
        }
        if (overwrite && (k == 0 || !VECTOR || (long) m * k * n < VECTOR_THRESHOLD)) {
            // Only the vector kernel stores without adding; the plain one adds onto zeros.
            Arrays.fill(c, cOff, cOff + m * n, 0);
            overwrite = false;
        }
        if (k == 0) {
            return;
        }
        boolean store = overwrite;
        long work = (long) m * k * n;
        boolean vector = VECTOR && work >= VECTOR_THRESHOLD;
        if (!vector && (bcs != 1 || brs != n)) {
            b = rowMajorCopy(b, bOff, brs, bcs, k, n);
            bOff = 0;
            brs = n;
            bcs = 1;
        }
        double[] bb = b;
        int bo = bOff;
        int br = brs;
        int bc = bcs;
        int parts = THREADS;
        Split split = split(work, m, parts, HELPER_THRESHOLD, PARALLEL_THRESHOLD);
        if (split == Split.NONE) {
            share(vector, a, aOff, ars, acs, bb, bo, br, bc, c, cOff, k, n, 0, m, store);
            return;
        }
        if (split == Split.HELPER) {
            chunked(vector, a, aOff, ars, acs, bb, bo, br, bc, c, cOff, m, k, n, store);
            return;
        }
        if (vector && VectorGemm.splitsByColumns(m, k, n, acs, parts)) {
            byColumns(a, aOff, ars, acs, bb, bo, br, bc, c, cOff, m, k, n, parts, store);
            return;
        }
        // Whole panels of the vector kernel's rows (8) per thread, so that no share ends in a padded one.
        int chunk = ((m + parts - 1) / parts + 7) & ~7;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts];
        int count = 0;
        for (int i0 = chunk; i0 < m; i0 += chunk) {
            int from = i0;
            int to = Math.min(m, i0 + chunk);
            tasks[count++] = PoolHolder.POOL.submit(
                    () -> share(vector, a, aOff, ars, acs, bb, bo, br, bc, c, cOff, k, n, from, to, store));
        }
        share(vector, a, aOff, ars, acs, bb, bo, br, bc, c, cOff, k, n, 0, Math.min(m, chunk), store);
        for (int t = 0; t < count; t++) {
            tasks[t].join();
        }
    }

    /** Who computes a product: this thread alone, with the {@link SpinningHelper}, or with the pool. */
    enum Split {
        NONE, HELPER, POOL
    }

    /**
     * The split of a product of {@code work} multiply-adds and m rows on {@code parts} threads:
     * the pool from {@code parallelFrom}, the helper from {@code helperFrom} below that, else
     * none (and none on one thread or for fewer than 8 rows).
     */
    static Split split(long work, int m, int parts, long helperFrom, long parallelFrom) {
        if (parts < 2 || m < 8) {
            return Split.NONE;
        }
        if (work >= parallelFrom) {
            return Split.POOL;
        }
        return work >= helperFrom ? Split.HELPER : Split.NONE;
    }

    /**
     * A mid-sized product in chunks shared with the {@link SpinningHelper}: bands of columns
     * where {@link VectorGemm#splitsByColumns} says so (each band packs only its own panels of B,
     * so four bands cost no more packing than one), else two bands of rows (whole panels of 8
     * rows; each band packs all of B, so there are only two).
     */
    private static void chunked(boolean vector, double[] a, int aOff, int ars, int acs, double[] b, int bOff,
            int brs, int bcs, double[] c, int cOff, int m, int k, int n, boolean overwrite) {
        if (vector && VectorGemm.splitsByColumns(m, k, n, acs, 2)) {
            int chunks = Math.min(COLUMN_CHUNKS, (n + VectorGemm.NR - 1) / VectorGemm.NR);
            SpinningHelper.get().run(chunks, q -> columnBand(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, m, k, n, q,
                    chunks, overwrite));
            return;
        }
        int i0 = Math.min(m, ((m + 1) / 2 + 7) & ~7);
        SpinningHelper.get().run(2, q -> share(vector, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, k, n,
                q == 0 ? 0 : i0, q == 0 ? i0 : m, overwrite));
    }

    /**
     * The vector kernel with the threads splitting C by bands of columns (whole panels of B), so
     * that each packs only its own part of B; see {@link VectorGemm#splitsByColumns}.
     */
    private static void byColumns(double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
            double[] c, int cOff, int m, int k, int n, int parts, boolean overwrite) {
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts];
        for (int t = 1; t < parts; t++) {
            int band = t;
            tasks[t] = PoolHolder.POOL.submit(() -> columnBand(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, m, k, n,
                    band, parts, overwrite));
        }
        columnBand(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, m, k, n, 0, parts, overwrite);
        for (int t = 1; t < parts; t++) {
            tasks[t].join();
        }
    }

    /**
     * Band {@code band} of {@code bands} of C's columns, in whole panels of B (the last band takes
     * what is left), by the vector kernel; an empty band does nothing.
     */
    private static void columnBand(double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
            double[] c, int cOff, int m, int k, int n, int band, int bands, boolean overwrite) {
        int panels = (n + VectorGemm.NR - 1) / VectorGemm.NR;
        int j0 = Math.min(n, panels * band / bands * VectorGemm.NR);
        int j1 = Math.min(n, panels * (band + 1) / bands * VectorGemm.NR);
        if (j0 < j1) {
            VectorGemm.rows(a, aOff, ars, acs, b, bOff + j0 * bcs, brs, bcs, c, cOff + j0, n, k, j1 - j0, 0, m,
                    overwrite);
        }
    }

    /** B (k×n, element (p, j) at {@code b[bOff + p·brs + j·bcs]}) as a new row-major array. */
    private static double[] rowMajorCopy(double[] b, int bOff, int brs, int bcs, int k, int n) {
        double[] t = new double[k * n];
        int tile = 32;
        // In tiles, so that neither the reads nor the writes stride across the whole matrix.
        for (int p0 = 0; p0 < k; p0 += tile) {
            int p1 = Math.min(k, p0 + tile);
            for (int j0 = 0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int j = j0; j < j1; j++) {
                    for (int p = p0; p < p1; p++) {
                        t[p * n + j] = b[bOff + p * brs + j * bcs];
                    }
                }
            }
        }
        return t;
    }

    /** Per-thread buffers: B's current block and a block of C's rows, one array per row. */
    private static final class Workspace {
        final double[][] packed = new double[KB][NB];
        final double[][] rows = new double[IB][NB];
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /**
     * Rows i0..i1 of C, on the vector kernel or the plain one (which needs B row-major and adds:
     * {@code overwrite} is for the vector kernel only).
     */
    private static void share(boolean vector, double[] a, int aOff, int ars, int acs, double[] b, int bOff,
            int brs, int bcs, double[] c, int cOff, int k, int n, int i0, int i1, boolean overwrite) {
        if (vector) {
            VectorGemm.rows(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, n, k, n, i0, i1, overwrite);
        } else {
            rows(a, aOff, ars, acs, b, bOff, c, cOff, k, n, i0, i1);
        }
    }

    /** The plain kernel: rows i0..i1 of C, as described in the class comment. */
    public static void rows(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
            int k, int n, int i0, int i1) {
        if ((long) (i1 - i0) * k * n < SMALL) {
            small(a, aOff, ars, acs, b, bOff, c, cOff, k, n, i0, i1);
            return;
        }
        Workspace ws = WORKSPACE.get();
        double[][] pb = ws.packed;
        double[][] ct = ws.rows;
        for (int k0 = 0; k0 < k; k0 += KB) {
            int kl = Math.min(k, k0 + KB) - k0;
            for (int j0 = 0; j0 < n; j0 += NB) {
                int jl = Math.min(n, j0 + NB) - j0;
                // The JIT vectorises a loop only over whole arrays indexed from 0 (not over
                // offsets into one shared array), so B's block and C's rows are copied out.
                for (int p = 0; p < kl; p++) {
                    System.arraycopy(b, bOff + (k0 + p) * n + j0, pb[p], 0, jl);
                }
                for (int ib = i0; ib < i1; ib += IB) {
                    int il = Math.min(i1, ib + IB) - ib;
                    for (int r = 0; r < il; r++) {
                        System.arraycopy(c, cOff + (ib + r) * n + j0, ct[r], 0, jl);
                    }
                    int p = 0;
                    // Four rows of B stay in L1 while every row of the C block passes over them.
                    for (; p + 5 <= kl; p += 5) {
                        for (int r = 0; r < il; r++) {
                            int q = aOff + (ib + r) * ars + (k0 + p) * acs;
                            axpy5(ct[r], pb, p, a[q], a[q + acs], a[q + 2 * acs], a[q + 3 * acs], a[q + 4 * acs], jl);
                        }
                    }
                    for (; p + 4 <= kl; p += 4) {
                        for (int r = 0; r < il; r++) {
                            int q = aOff + (ib + r) * ars + (k0 + p) * acs;
                            axpy4(ct[r], pb, p, a[q], a[q + acs], a[q + 2 * acs], a[q + 3 * acs], jl);
                        }
                    }
                    for (; p < kl; p++) {
                        for (int r = 0; r < il; r++) {
                            axpy1(ct[r], pb[p], a[aOff + (ib + r) * ars + (k0 + p) * acs], jl);
                        }
                    }
                    for (int r = 0; r < il; r++) {
                        System.arraycopy(ct[r], 0, c, cOff + (ib + r) * n + j0, jl);
                    }
                }
            }
        }
    }

    /**
     * {@code c += a0·b[p] + ... + a4·b[p+4]} over the first n elements. Five rows of B is as
     * many as C2 (JDK 17) will still unroll and vectorise in a normal compile; with six or more
     * it does neither. Each row of C is loaded and stored once per five multiply-adds.
     */
    private static void axpy5(double[] c, double[][] b, int p, double a0, double a1, double a2, double a3,
            double a4, int n) {
        double[] b0 = b[p];
        double[] b1 = b[p + 1];
        double[] b2 = b[p + 2];
        double[] b3 = b[p + 3];
        double[] b4 = b[p + 4];
        for (int j = 0; j < n; j++) {
            c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j] + a4 * b4[j];
        }
    }

    /** The same with four rows of B, for the rest of a block. */
    private static void axpy4(double[] c, double[][] b, int p, double a0, double a1, double a2, double a3, int n) {
        double[] b0 = b[p];
        double[] b1 = b[p + 1];
        double[] b2 = b[p + 2];
        double[] b3 = b[p + 3];
        for (int j = 0; j < n; j++) {
            c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void axpy1(double[] c, double[] b, double a, int n) {
        for (int j = 0; j < n; j++) {
            c[j] += a * b[j];
        }
    }

    /** Plain i-k-j loops for products too small to repay packing. */
    private static void small(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
            int k, int n, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            int co = cOff + i * n;
            for (int p = 0; p < k; p++) {
                double x = a[aOff + i * ars + p * acs];
                int bo = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[co + j] += x * b[bo + j];
                }
            }
        }
    }
}
