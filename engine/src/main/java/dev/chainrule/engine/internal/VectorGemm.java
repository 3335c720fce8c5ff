package dev.chainrule.engine.internal;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix-multiply kernel on the JDK's Vector API, used by {@link MatMulKernel} when the JVM
 * runs with {@code --add-modules jdk.incubator.vector}. Only {@link MatMulKernel} may touch this
 * class, and only after checking that the module is there: without it, loading this class fails.
 *
 * <p>It follows the usual BLAS scheme (GotoBLAS's loop order): a k-block of B is packed into panels {@link #NR} columns
 * wide, a block of A into panels {@link #MR} rows high, and a micro-kernel keeps an MR×NR tile of
 * C in 16 (8 × 2) or 12 (4 × 3) vector registers through the whole k-block, with one fused multiply-add per
 * vector and step of k. Rounding differs from the plain kernel's only in the order of additions
 * (and in FMA's single rounding).
 */
public final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Whether the tile is 8 rows by 2 vectors ({@link #kernel8x2}) rather than 4 by 3
     * ({@link #kernel4x3}): with 512-bit vectors, which come with 32 vector registers (AVX-512).
     * Eight by two runs the loop as fast as four by three in L1 (~100 GFLOP/s a core either
     * way on Zen 5), and its tiles divide the sizes networks use (multiples of 8 and 16), where 3
     * vectors (24 columns) left a partial panel of B computed in vain: a third of a panel at
     * n = 256 or 128, two thirds at n = 16. With 256-bit vectors (AVX2: 16 registers) its 16
     * accumulators and 3 operands do not fit, and W4 ran 22 % slower than on 4 by 3
     * ({@code -XX:UseAVX=2}, interleaved).
     */
    static final boolean EIGHT_BY_TWO = L >= 8;
    /** Rows of the C tile. */
    public static final int MR = EIGHT_BY_TWO ? 8 : 4;
    /** Columns of the C tile, in vectors. */
    private static final int VECTORS = EIGHT_BY_TWO ? 2 : 3;
    /** Columns of the C tile. */
    public static final int NR = VECTORS * L;
    /**
     * Largest depth of a k-block: a packed panel of B (KC × NR doubles) then takes 24 KiB, which
     * stays in a 32 or 48 KiB L1 data cache next to the A panel it meets (192 at 512 bits, 384 at
     * 256). A depth k is cut into equal blocks of at most KC ({@link #blockDepth}).
     */
    private static final int KC = 24 * 1024 / (NR * Double.BYTES);
    /** Rows of A packed at a time: MC × KC doubles (96 KiB at KC = 192) stay in L2. */
    private static final int MC = 64;
    /** Elements of A (1 MiB) up to which {@link #rows} reads A in place; see {@link #readsAInPlace}. */
    static final long IN_PLACE_A = 1L << 17;

    private VectorGemm() {
    }

    /**
     * Each thread's packing buffers, kept between calls: a training step multiplies a dozen
     * medium matrices, and allocating (and zeroing) half a megabyte of panels for each product
     * cost as much as packing them. Every element read is written by the packing first.
     */
    private static final class Buffers {
        final double[] packedA = new double[MC * KC];
        final double[] tile = new double[MR * NR];
        private double[] packedB = new double[0];

        double[] packedB(int size) {
            if (packedB.length < size) {
                packedB = new double[size];
            }
            return packedB;
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /**
     * {@code C[i0..i1) += A·B} for those rows of C. A's element (r, s) is
     * {@code a[aOff + r·ars + s·acs]}; B (k×n) and C are row-major with row length n.
     */
    public static void rows(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
            int k, int n, int i0, int i1) {
        rows(a, aOff, ars, acs, b, bOff, n, 1, c, cOff, n, k, n, i0, i1, false);
    }

    /**
     * {@code C[i0..i1) += A·B} for those rows of C, with every operand strided: A's element (r, s)
     * is {@code a[aOff + r·ars + s·acs]}, B's element (p, j) is {@code b[bOff + p·brs + j·bcs]} (so
     * B may be a transposed view, as in g·Bᵀ for an input gradient: packing reads it in place,
     * with no transposed copy), and C's element (r, j) is {@code c[cOff + r·ldc + j]} (so C may be
     * a band of columns of a wider matrix, as when threads split a product by columns). With
     * {@code overwrite}, {@code C = A·B} instead: C's old contents are never read (the first
     * k-block stores its tiles rather than adding them), so a fresh gradient array need not be
     * zeroed, and its tiles are not loaded from memory only to add zeros.
     */
    public static void rows(double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
            double[] c, int cOff, int ldc, int k, int n, int i0, int i1, boolean overwrite) {
        int panels = (n + NR - 1) / NR;
        Buffers buf = BUFFERS.get();
        int depth = blockDepth(k);
        double[] bp = buf.packedB(depth * panels * NR);
        double[] ap = buf.packedA;
        double[] tile = buf.tile;
        boolean direct = readsAInPlace(i1 - i0, k, n, acs);
        for (int k0 = 0; k0 < k; k0 += depth) {
            int kc = Math.min(depth, k - k0);
            boolean add = k0 > 0 || !overwrite;
            packB(b, bOff, brs, bcs, n, k0, kc, panels, bp);
            for (int m0 = i0; m0 < i1; m0 += MC) {
                int mc = Math.min(MC, i1 - m0);
                if (direct) {
                    // Only a last, partial panel of rows is packed (zero-padded) for the kernel.
                    int full = mc / MR * MR;
                    if (full < mc) {
                        packA(a, aOff, ars, acs, m0 + full, mc - full, k0, kc, ap, full / MR);
                    }
                } else {
                    packA(a, aOff, ars, acs, m0, mc, k0, kc, ap, 0);
                }
                // One panel of B (kc × NR, sized to stay in L1) meets every panel of the A block
                // (in L2) before the next panel of B is read: B is read from L1, not streamed.
                for (int q = 0; q < panels; q++) {
                    int cols = Math.min(NR, n - q * NR);
                    for (int r = 0; r * MR < mc; r++) {
                        int rows = Math.min(MR, mc - r * MR);
                        int ci = m0 + r * MR;
                        boolean inPlace = direct && rows == MR;
                        int ao = inPlace ? aOff + ci * ars + k0 * acs : r * kc * MR;
                        int bo = q * kc * NR;
                        if (rows == MR && cols == NR) {
                            int co = cOff + ci * ldc + q * NR;
                            kernel(inPlace, a, ap, ao, ars, bp, bo, kc, c, co, ldc, add);
                        } else {
                            // An edge tile: compute it whole into a scratch tile, then the part that exists.
                            kernel(inPlace, a, ap, ao, ars, bp, bo, kc, tile, 0, NR, false);
                            for (int ii = 0; ii < rows; ii++) {
                                int co = cOff + (ci + ii) * ldc + q * NR;
                                int t = ii * NR;
                                if (add) {
                                    for (int j = 0; j < cols; j++) {
                                        c[co + j] += tile[t + j];
                                    }
                                } else {
                                    System.arraycopy(tile, t, c, co, cols);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The depth of {@link #rows}'s k-blocks for a product of depth k: k cut into as few blocks of
     * at most {@link #KC} as there can be, all of one depth (784 = 4 × 196, not 4 × 192 + 16), so
     * that no block is too shallow to pay for its pass over C.
     */
    static int blockDepth(int k) {
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }

    /**
     * Whether {@link #rows} reads a row-major A (acs = 1) where it lies rather than packing it, for
     * m rows of A by k. With one or two panels of B, each panel of A is used once or twice, so
     * packing it costs more than it saves. And an A of up to {@value #IN_PLACE_A} elements (a
     * training step's activations, 128 × 784) stays in L2 as it is: the micro-kernel's MR rows are
     * MR streams, which the caches serve as well as a packed panel, and packing it cost about 5 %
     * of a W4 step (measured interleaved, under load). Larger A's are packed: in place, their rows
     * would compete for the same cache sets (power-of-two row lengths) and TLB entries. A
     * transposed A is always packed: read in place, its stride along k would be a variable, and C2
     * then keeps four bounds checks per step in the kernel's loop.
     */
    static boolean readsAInPlace(int m, int k, int n, int acs) {
        return acs == 1 && (n <= 2 * NR || (long) m * k <= IN_PLACE_A);
    }

    /**
     * Whether threads should split an m×k·k×n product by columns of C rather than by rows. By
     * rows, every thread packs all of B for its few rows: for a training step's products (128
     * rows, two threads) that doubled the packing. By columns, each packs only its own panels of
     * B, and A, read in place ({@link #readsAInPlace}), is not packed at all. Large products and
     * products with a transposed A keep the row split: there A is packed, each thread its own
     * rows, and B's packing is a smaller share of the work.
     */
    static boolean splitsByColumns(int m, int k, int n, int acs, int parts) {
        return readsAInPlace(m, k, n, acs) && n >= 2 * NR * parts;
    }

    /**
     * B's rows k0..k0+kc as panels of NR columns (zero-padded): panel q's row p at (q·kc + p)·NR.
     * A row-major B is read row by row (one stream, whole vectors); a transposed one (brs = 1)
     * column by column, which is then its contiguous direction.
     */
    private static void packB(double[] b, int bOff, int brs, int bcs, int n, int k0, int kc, int panels,
            double[] bp) {
        int fullPanels = n / NR;
        if (bcs == 1) {
            for (int p = 0; p < kc; p++) {
                int src = bOff + (k0 + p) * brs;
                int dst = p * NR;
                for (int q = 0; q < fullPanels; q++) {
                    int s = src + q * NR;
                    int d = dst + q * kc * NR;
                    for (int v = 0; v < NR; v += L) {
                        DoubleVector.fromArray(S, b, s + v).intoArray(bp, d + v);
                    }
                }
                if (fullPanels < panels) {
                    int j0 = fullPanels * NR;
                    int d = dst + fullPanels * kc * NR;
                    int w = n - j0;
                    System.arraycopy(b, src + j0, bp, d, w);
                    Arrays.fill(bp, d + w, d + NR, 0);
                }
            }
            return;
        }
        for (int q = 0; q < panels; q++) {
            int j0 = q * NR;
            int w = Math.min(NR, n - j0);
            int base = q * kc * NR;
            for (int jj = 0; jj < w; jj++) {
                int src = bOff + k0 * brs + (j0 + jj) * bcs;
                for (int p = 0; p < kc; p++) {
                    bp[base + p * NR + jj] = b[src + p * brs];
                }
            }
            for (int jj = w; jj < NR; jj++) {
                for (int p = 0; p < kc; p++) {
                    bp[base + p * NR + jj] = 0;
                }
            }
        }
    }

    /**
     * Rows m0..m0+mc of A's block as panels of MR rows (zero-padded), from panel {@code first}
     * of the packed buffer on: panel r's column p at (r·kc + p)·MR.
     */
    private static void packA(double[] a, int aOff, int ars, int acs, int m0, int mc, int k0, int kc,
            double[] ap, int firstPanel) {
        for (int r = 0; r * MR < mc; r++) {
            int base = (firstPanel + r) * kc * MR;
            int rows = Math.min(MR, mc - r * MR);
            if (rows < MR) {
                Arrays.fill(ap, base, base + kc * MR, 0);
            }
            int first = aOff + (m0 + r * MR) * ars + k0 * acs;
            // Walk A along whichever axis is contiguous: rows for A, columns for a transposed A
            // (as in Aᵀ·G for a weight gradient), where the other order would miss the cache.
            if (acs == 1) {
                for (int ii = 0; ii < rows; ii++) {
                    int src = first + ii * ars;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + ii] = a[src + p];
                    }
                }
            } else if (ars == 1 && rows == MR && MR == L) {
                // A transposed view (a weight gradient's Xᵀ): a panel's MR rows at step p are MR
                // adjacent numbers, one vector. The loop below copies them one by one (its
                // stride is a variable), and that was 4 % of a W4 step.
                for (int p = 0; p < kc; p++) {
                    DoubleVector.fromArray(S, a, first + p * acs).intoArray(ap, base + p * MR);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = first + p * acs;
                    int dst = base + p * MR;
                    for (int ii = 0; ii < rows; ii++) {
                        ap[dst + ii] = a[src + ii * ars];
                    }
                }
            }
        }
    }

    /**
     * C's MR×NR tile at {@code co} (row length ldc) += A panel · packed B panel (or = when not
     * {@code add}), the A panel read in place from {@code a} (row length lda) or packed in {@code ap}.
     */
    private static void kernel(boolean inPlace, double[] a, double[] ap, int ao, int lda, double[] bp, int bo,
            int kc, double[] c, int co, int ldc, boolean add) {
        if (EIGHT_BY_TWO) {
            if (inPlace) {
                kernel8x2InPlace(a, ao, lda, bp, bo, kc, c, co, ldc, add);
            } else {
                kernel8x2(ap, ao, bp, bo, kc, c, co, ldc, add);
            }
        } else if (inPlace) {
            kernel4x3InPlace(a, ao, lda, bp, bo, kc, c, co, ldc, add);
        } else {
            kernel4x3(ap, ao, bp, bo, kc, c, co, ldc, add);
        }
    }

    /** C's 8×2-vector tile at {@code co} (row length ldc) += packed A panel · packed B panel. */
    private static void kernel8x2(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc,
            boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            int ai = ao + p * MR;
            DoubleVector a0 = DoubleVector.broadcast(S, ap[ai]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, ap[ai + 4]);
            c40 = b0.fma(a4, c40);
            c41 = b1.fma(a4, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, ap[ai + 5]);
            c50 = b0.fma(a5, c50);
            c51 = b1.fma(a5, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, ap[ai + 6]);
            c60 = b0.fma(a6, c60);
            c61 = b1.fma(a6, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, ap[ai + 7]);
            c70 = b0.fma(a7, c70);
            c71 = b1.fma(a7, c71);
        }
        // Written out rather than through a helper taking vectors: a call C2 does not inline
        // would box each vector argument into an object.
        int o = co;
        if (add) {
            DoubleVector.fromArray(S, c, o).add(c00).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c01).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c10).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c11).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c20).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c21).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c30).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c31).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c40).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c41).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c50).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c51).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c60).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c61).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c70).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c71).intoArray(c, o + L);
        } else {
            c00.intoArray(c, o);
            c01.intoArray(c, o + L);
            o += ldc;
            c10.intoArray(c, o);
            c11.intoArray(c, o + L);
            o += ldc;
            c20.intoArray(c, o);
            c21.intoArray(c, o + L);
            o += ldc;
            c30.intoArray(c, o);
            c31.intoArray(c, o + L);
            o += ldc;
            c40.intoArray(c, o);
            c41.intoArray(c, o + L);
            o += ldc;
            c50.intoArray(c, o);
            c51.intoArray(c, o + L);
            o += ldc;
            c60.intoArray(c, o);
            c61.intoArray(c, o + L);
            o += ldc;
            c70.intoArray(c, o);
            c71.intoArray(c, o + L);
        }
    }

    /**
     * {@link #kernel8x2} on a row-major A where it lies: the panel's element (row i, step p) is
     * {@code a[ao + p + i·lda]}. A copy of {@link #kernel8x2} rather than one kernel for both with
     * strides as arguments: C2 removes an array index's bounds check from the loop only when its
     * stride along the loop is a constant (MR there, 1 here). With strides as arguments, four
     * checks per step made the packed path's W5 product take about 40 % more CPU time (two
     * interleaved runs, under load).
     */
    private static void kernel8x2InPlace(double[] a, int ao, int lda, double[] bp, int bo, int kc, double[] c, int co,
            int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            int ai = ao + p;
            DoubleVector a0 = DoubleVector.broadcast(S, a[ai]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ai + lda]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ai + 2 * lda]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ai + 3 * lda]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ai + 4 * lda]);
            c40 = b0.fma(a4, c40);
            c41 = b1.fma(a4, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ai + 5 * lda]);
            c50 = b0.fma(a5, c50);
            c51 = b1.fma(a5, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ai + 6 * lda]);
            c60 = b0.fma(a6, c60);
            c61 = b1.fma(a6, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ai + 7 * lda]);
            c70 = b0.fma(a7, c70);
            c71 = b1.fma(a7, c71);
        }
        // Written out rather than through a helper taking vectors: a call C2 does not inline
        // would box each vector argument into an object.
        int o = co;
        if (add) {
            DoubleVector.fromArray(S, c, o).add(c00).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c01).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c10).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c11).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c20).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c21).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c30).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c31).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c40).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c41).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c50).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c51).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c60).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c61).intoArray(c, o + L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c70).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c71).intoArray(c, o + L);
        } else {
            c00.intoArray(c, o);
            c01.intoArray(c, o + L);
            o += ldc;
            c10.intoArray(c, o);
            c11.intoArray(c, o + L);
            o += ldc;
            c20.intoArray(c, o);
            c21.intoArray(c, o + L);
            o += ldc;
            c30.intoArray(c, o);
            c31.intoArray(c, o + L);
            o += ldc;
            c40.intoArray(c, o);
            c41.intoArray(c, o + L);
            o += ldc;
            c50.intoArray(c, o);
            c51.intoArray(c, o + L);
            o += ldc;
            c60.intoArray(c, o);
            c61.intoArray(c, o + L);
            o += ldc;
            c70.intoArray(c, o);
            c71.intoArray(c, o + L);
        }
    }

    /** {@link #kernel8x2} for a tile of 4 rows by 3 vectors (256-bit vectors, 16 registers). */
    private static void kernel4x3(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc,
            boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * 3 * L;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, bp, bi + 2 * L);
            int ai = ao + p * 4;
            DoubleVector a0 = DoubleVector.broadcast(S, ap[ai]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c02 = b2.fma(a0, c02);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c12 = b2.fma(a1, c12);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            c22 = b2.fma(a2, c22);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            c32 = b2.fma(a3, c32);
        }
        // Written out rather than through a helper taking vectors: a call C2 does not inline
        // would box each vector argument into an object.
        int o = co;
        if (add) {
            DoubleVector.fromArray(S, c, o).add(c00).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c01).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(c02).intoArray(c, o + 2 * L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c10).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c11).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(c12).intoArray(c, o + 2 * L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c20).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c21).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(c22).intoArray(c, o + 2 * L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c30).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c31).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(c32).intoArray(c, o + 2 * L);
        } else {
            c00.intoArray(c, o);
            c01.intoArray(c, o + L);
            c02.intoArray(c, o + 2 * L);
            o += ldc;
            c10.intoArray(c, o);
            c11.intoArray(c, o + L);
            c12.intoArray(c, o + 2 * L);
            o += ldc;
            c20.intoArray(c, o);
            c21.intoArray(c, o + L);
            c22.intoArray(c, o + 2 * L);
            o += ldc;
            c30.intoArray(c, o);
            c31.intoArray(c, o + L);
            c32.intoArray(c, o + 2 * L);
        }
    }

    /** {@link #kernel8x2InPlace} for a tile of 4 rows by 3 vectors (256-bit vectors, 16 registers). */
    private static void kernel4x3InPlace(double[] a, int ao, int lda, double[] bp, int bo, int kc, double[] c, int co,
            int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * 3 * L;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, bp, bi + 2 * L);
            int ai = ao + p;
            DoubleVector a0 = DoubleVector.broadcast(S, a[ai]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c02 = b2.fma(a0, c02);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ai + lda]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c12 = b2.fma(a1, c12);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ai + 2 * lda]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            c22 = b2.fma(a2, c22);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ai + 3 * lda]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            c32 = b2.fma(a3, c32);
        }
        // Written out rather than through a helper taking vectors: a call C2 does not inline
        // would box each vector argument into an object.
        int o = co;
        if (add) {
            DoubleVector.fromArray(S, c, o).add(c00).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c01).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(c02).intoArray(c, o + 2 * L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c10).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c11).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(c12).intoArray(c, o + 2 * L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c20).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c21).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(c22).intoArray(c, o + 2 * L);
            o += ldc;
            DoubleVector.fromArray(S, c, o).add(c30).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(c31).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(c32).intoArray(c, o + 2 * L);
        } else {
            c00.intoArray(c, o);
            c01.intoArray(c, o + L);
            c02.intoArray(c, o + 2 * L);
            o += ldc;
            c10.intoArray(c, o);
            c11.intoArray(c, o + L);
            c12.intoArray(c, o + 2 * L);
            o += ldc;
            c20.intoArray(c, o);
            c21.intoArray(c, o + L);
            c22.intoArray(c, o + 2 * L);
            o += ldc;
            c30.intoArray(c, o);
            c31.intoArray(c, o + L);
            c32.intoArray(c, o + 2 * L);
        }
    }
}
