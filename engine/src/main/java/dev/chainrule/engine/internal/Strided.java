package dev.chainrule.engine.internal;

/**
 * Walks an index space row by row for several strided operands at once. This is the one loop
 * behind broadcasting, reductions, transposes and broadcast-summed gradients: each operand has a
 * stride per axis (0 where it is broadcast or reduced), adjacent axes that are laid out
 * contiguously for every operand are merged, and the callback gets one innermost row at a time,
 * so the per-element work is a plain counted loop with no object per element.
 */
public final class Strided {

    /** Handles one innermost row. */
    public interface Row {
        /**
         * @param off  the offset of the row's first element in each operand (do not modify)
         * @param step the stride along the row in each operand (do not modify)
         * @param len  the row's length
         */
        void row(int[] off, int[] step, int len);
    }

    private Strided() {
    }

    /**
     * Calls {@code fn} for every innermost row of {@code shape}, in row-major order.
     *
     * @param strides {@code strides[k][d]} is operand k's stride along axis d
     */
    public static void forEachRow(int[] shape, int[][] strides, Row fn) {
        int r = shape.length;
        int ops = strides.length;
        for (int d : shape) {
            if (d == 0) {
                return;
            }
        }
        int[] dims = new int[r];
        int[][] st = new int[ops][r];
        int m = 0;
        for (int d = r - 1; d >= 0; d--) {
            if (shape[d] == 1) {
                continue;
            }
            boolean merge = m > 0;
            for (int k = 0; k < ops && merge; k++) {
                merge = strides[k][d] == st[k][m - 1] * dims[m - 1];
            }
            if (merge) {
                dims[m - 1] *= shape[d];
            } else {
                dims[m] = shape[d];
                for (int k = 0; k < ops; k++) {
                    st[k][m] = strides[k][d];
                }
                m++;
            }
        }
        int[] off = new int[ops];
        int[] step = new int[ops];
        if (m == 0) {
            fn.row(off, step, 1);
            return;
        }
        for (int k = 0; k < ops; k++) {
            step[k] = st[k][0];
        }
        int len = dims[0];
        int[] idx = new int[m];
        while (true) {
            fn.row(off, step, len);
            int d = 1;
            while (d < m) {
                idx[d]++;
                for (int k = 0; k < ops; k++) {
                    off[k] += st[k][d];
                }
                if (idx[d] < dims[d]) {
                    break;
                }
                for (int k = 0; k < ops; k++) {
                    off[k] -= st[k][d] * dims[d];
                }
                idx[d] = 0;
                d++;
            }
            if (d == m) {
                return;
            }
        }
    }

    /**
     * {@code y[o] = x[i]} for every element: operand 0 is {@code y}, contiguous, and operand 1 is
     * {@code x}, read with its strides. This is the forward of a broadcast or a transpose.
     */
    public static void copy(int[] shape, int[][] strides, double[] x, double[] y) {
        forEachRow(shape, strides, (off, st, len) -> {
            int o = off[0];
            int i = off[1];
            int si = st[1];
            if (si == 1) {
                System.arraycopy(x, i, y, o, len);
                return;
            }
            for (int k = 0; k < len; k++) {
                y[o + k] = x[i + k * si];
            }
        });
    }

    /**
     * The backward of {@link #copy}: {@code gx[i] += g[o]} for every element, so an element of x
     * that was read more than once (a broadcast) gets the sum of its grads.
     */
    public static void addBack(int[] shape, int[][] strides, double[] g, double[] gx) {
        forEachRow(shape, strides, (off, st, len) -> {
            int o = off[0];
            int i = off[1];
            int si = st[1];
            if (si == 1) {
                // A unit stride as a constant: C2 vectorises this loop, not the strided one.
                for (int k = 0; k < len; k++) {
                    gx[i + k] += g[o + k];
                }
                return;
            }
            for (int k = 0; k < len; k++) {
                gx[i + k * si] += g[o + k];
            }
        });
    }
}
