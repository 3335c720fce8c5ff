package dev.chainrule.engine;

import java.util.Arrays;

/** Shape arithmetic for tensors: sizes, strides, NumPy broadcasting and axis checks. */
final class Shapes {
    static final int[] SCALAR = {};

    private Shapes() {
    }

    /** {@code [2, 3]}. */
    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * The number of elements of {@code shape}.
     *
     * @throws IllegalArgumentException naming {@code op} if a size is negative or the total overflows
     */
    static int size(String op, int[] shape) {
        int n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": shape " + str(shape) + " has a negative size");
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(op + ": shape " + str(shape) + " has more than "
                        + Integer.MAX_VALUE + " elements");
            }
        }
        return n;
    }

    /** Row-major strides of a contiguous tensor of this shape. */
    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }

    /**
     * Strides with which a contiguous tensor of {@code shape} is read when broadcast to
     * {@code target}: 0 along axes it is broadcast over (missing leading axes and size-1 axes).
     */
    static int[] broadcastStrides(int[] shape, int[] target) {
        int[] own = strides(shape);
        int[] s = new int[target.length];
        int shift = target.length - shape.length;
        for (int d = 0; d < shape.length; d++) {
            s[d + shift] = shape[d] == 1 && target[d + shift] != 1 ? 0 : own[d];
        }
        return s;
    }

    /**
     * The NumPy broadcast of two shapes.
     *
     * @throws IllegalArgumentException like {@code "add: [3, 2] and [4] do not broadcast: sizes
     *     2 and 4 differ and neither is 1"}
     */
    static int[] broadcast(String op, int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int d = 0; d < r; d++) {
            int da = d - (r - a.length) >= 0 ? a[d - (r - a.length)] : 1;
            int db = d - (r - b.length) >= 0 ? b[d - (r - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": " + str(a) + " and " + str(b)
                        + " do not broadcast: sizes " + da + " and " + db + " differ and neither is 1");
            }
            out[d] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * A valid axis index for a tensor of rank {@code rank}; negative axes count from the end.
     *
     * @throws IllegalArgumentException naming the op, the axis and the shape
     */
    static int axis(String op, int axis, int[] shape) {
        int r = shape.length;
        if (axis < -r || axis >= r) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape "
                    + str(shape) + " (rank " + r + ")");
        }
        return axis < 0 ? axis + r : axis;
    }

    /**
     * The number of elements before {@code axis} (the product of the sizes of the axes in front of
     * it), for walking a tensor as [outer, n, inner].
     */
    static int outer(int[] shape, int axis) {
        int n = 1;
        for (int d = 0; d < axis; d++) {
            n *= shape[d];
        }
        return n;
    }

    /** The number of elements after {@code axis}: the stride of {@code axis} in a contiguous tensor. */
    static int inner(int[] shape, int axis) {
        int n = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            n *= shape[d];
        }
        return n;
    }

    /**
     * Which axes are reduced: all if {@code axes} is empty, else the listed ones (each once).
     */
    static boolean[] axisMask(String op, int[] axes, int[] shape) {
        boolean[] m = new boolean[shape.length];
        if (axes.length == 0) {
            Arrays.fill(m, true);
            return m;
        }
        for (int a : axes) {
            int d = axis(op, a, shape);
            if (m[d]) {
                throw new IllegalArgumentException(op + ": axis " + a + " is listed twice for shape "
                        + str(shape));
            }
            m[d] = true;
        }
        return m;
    }

    /** {@code shape} with the masked axes set to 1 (keepDims) or removed. */
    static int[] reduced(int[] shape, boolean[] mask, boolean keepDims) {
        int n = 0;
        for (int d = 0; d < shape.length; d++) {
            if (keepDims || !mask[d]) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!mask[d]) {
                out[k++] = shape[d];
            } else if (keepDims) {
                out[k++] = 1;
            }
        }
        return out;
    }

    /** The last {@code n} entries dropped. */
    static int[] dropLast(int[] shape, int n) {
        return Arrays.copyOf(shape, shape.length - n);
    }
}
