package dev.chainrule.engine;

import dev.chainrule.engine.internal.Strided;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ops that move data without arithmetic: reshape, permute, slice, concat, stack, indexSelect,
 * gather. Each copies its data (results never share an array with their input) and its backward
 * moves the grad back the same way, adding where an element was used more than once.
 */
final class ShapeOps {
    private ShapeOps() {
    }

    // ---------------------------------------------------------------- reshape

    static Tensor reshape(Tensor x, int[] newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        int known = 1;
        for (int d = 0; d < s.length; d++) {
            if (s[d] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: " + Shapes.str(x.shape) + " to "
                            + Shapes.str(newShape) + ": only one size may be -1");
                }
                infer = d;
            } else if (s[d] < 0) {
                throw new IllegalArgumentException("reshape: " + Shapes.str(x.shape) + " to "
                        + Shapes.str(newShape) + ": negative size " + s[d]);
            } else {
                known *= s[d];
            }
        }
        if (infer >= 0 && known != 0 && x.data.length % known == 0) {
            s[infer] = x.data.length / known;
        }
        int n = infer >= 0 && s[infer] == -1 ? -1 : Shapes.size("reshape", s);
        if (n != x.data.length) {
            throw new IllegalArgumentException("reshape: " + Shapes.str(x.shape) + " to " + Shapes.str(newShape)
                    + ": " + x.data.length + " elements do not fit");
        }
        return Tensor.make(new Reshape(), x.data.clone(), s, x);
    }

    /** The same elements in another shape. */
    static final class Reshape extends TensorOp {
        Reshape() {
            super("reshape", "reshape");
        }

        @Override
        void backward(Tensor out) {
            Tensor x = out.inputs[0];
            if (x.requiresGrad) {
                addInto(x.gradBuffer(), out.grad);
            }
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            return new Tensor[] {g.reshape(out.inputs[0].shape)};
        }
    }

    private static void addInto(double[] target, double[] g) {
        for (int i = 0; i < g.length; i++) {
            target[i] += g[i];
        }
    }

    /**
     * With both arrays viewed as [outer, size, inner], copies the {@code len} slices of {@code src}
     * that start at index {@code srcStart} of its axis into {@code dst} from index
     * {@code dstStart} on. Slice, concat and indexSelect move their data this way.
     */
    private static void copySlices(double[] src, int srcSize, int srcStart, double[] dst, int dstSize, int dstStart,
            int outer, int len, int inner) {
        for (int o = 0; o < outer; o++) {
            System.arraycopy(src, (o * srcSize + srcStart) * inner, dst, (o * dstSize + dstStart) * inner, len * inner);
        }
    }

    /** As {@link #copySlices}, but adding into {@code dst}: how the grads move back. */
    private static void addSlices(double[] src, int srcSize, int srcStart, double[] dst, int dstSize, int dstStart,
            int outer, int len, int inner) {
        for (int o = 0; o < outer; o++) {
            int from = (o * srcSize + srcStart) * inner;
            int to = (o * dstSize + dstStart) * inner;
            for (int k = 0; k < len * inner; k++) {
                dst[to + k] += src[from + k];
            }
        }
    }

    // ---------------------------------------------------------------- permute

    static Tensor permute(Tensor x, int[] order) {
        int r = x.shape.length;
        boolean[] seen = new boolean[r];
        boolean ok = order.length == r;
        for (int i = 0; ok && i < r; i++) {
            ok = order[i] >= 0 && order[i] < r && !seen[order[i]];
            if (ok) {
                seen[order[i]] = true;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(order)
                    + " is not an order of the " + r + " axes of " + Shapes.str(x.shape));
        }
        int[] perm = order.clone();
        int[] shape = new int[r];
        for (int i = 0; i < r; i++) {
            shape[i] = x.shape[perm[i]];
        }
        double[] y = new double[x.data.length];
        Strided.copy(shape, readStrides(x.shape, perm, shape), x.data, y);
        return Tensor.make(new Permute(perm), y, shape, x);
    }

    private static int[][] readStrides(int[] inShape, int[] perm, int[] outShape) {
        int[] own = Shapes.strides(inShape);
        int[] read = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            read[i] = own[perm[i]];
        }
        return new int[][] {Shapes.strides(outShape), read};
    }

    /** Axes reordered: output axis i is input axis perm[i]. */
    static final class Permute extends TensorOp {
        private final int[] perm;

        Permute(int[] perm) {
            super(isSwapOfLastTwo(perm) ? "transpose" : "permute", isSwapOfLastTwo(perm) ? "ᵀ" : "permute");
            this.perm = perm;
        }

        private static boolean isSwapOfLastTwo(int[] perm) {
            int r = perm.length;
            for (int i = 0; i < r - 2; i++) {
                if (perm[i] != i) {
                    return false;
                }
            }
            return r >= 2 && perm[r - 2] == r - 1 && perm[r - 1] == r - 2;
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            Strided.addBack(out.shape, readStrides(out.inputs[0].shape, perm, out.shape), out.grad, gx);
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            int[] inverse = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                inverse[perm[i]] = i;
            }
            return new Tensor[] {g.permute(inverse)};
        }
    }

    // ---------------------------------------------------------------- slice and concat

    static Tensor slice(Tensor x, int axis, int from, int to) {
        int a = Shapes.axis("slice", axis, x.shape);
        int n = x.shape[a];
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("slice: [" + from + ", " + to + ") is out of range for axis "
                    + axis + " of size " + n + " in " + Shapes.str(x.shape));
        }
        int outer = Shapes.outer(x.shape, a);
        int inner = Shapes.inner(x.shape, a);
        int len = to - from;
        int[] shape = x.shape.clone();
        shape[a] = len;
        double[] y = new double[outer * len * inner];
        copySlices(x.data, n, from, y, len, 0, outer, len, inner);
        return Tensor.make(new Slice(a, from, to), y, shape, x);
    }

    /** A range of indices along one axis. */
    static final class Slice extends TensorOp {
        private final int axis;
        private final int from;
        private final int to;

        Slice(int axis, int from, int to) {
            super("slice", "[" + from + ":" + to + "]");
            this.axis = axis;
            this.from = from;
            this.to = to;
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            int[] xs = out.inputs[0].shape;
            int len = to - from;
            addSlices(out.grad, len, 0, gx, xs[axis], from, Shapes.outer(xs, axis), len, Shapes.inner(xs, axis));
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            int[] shape = out.inputs[0].shape;
            Tensor[] parts = new Tensor[3];
            int n = 0;
            if (from > 0) {
                int[] s = shape.clone();
                s[axis] = from;
                parts[n++] = Tensor.constant(new double[Shapes.size("slice", s)], s);
            }
            parts[n++] = g;
            if (to < shape[axis]) {
                int[] s = shape.clone();
                s[axis] = shape[axis] - to;
                parts[n++] = Tensor.constant(new double[Shapes.size("slice", s)], s);
            }
            return new Tensor[] {n == 1 ? g : concat(axis, Arrays.copyOf(parts, n))};
        }
    }

    static Tensor concat(int axis, Tensor... tensors) {
        Objects.requireNonNull(tensors, "tensors");
        if (tensors.length == 0) {
            throw new IllegalArgumentException("concat: no tensors to join");
        }
        Tensor first = Objects.requireNonNull(tensors[0], "concat: tensor 0 is null");
        int a = Shapes.axis("concat", axis, first.shape);
        int total = 0;
        for (int t = 0; t < tensors.length; t++) {
            Tensor x = Objects.requireNonNull(tensors[t], "concat: tensor " + t + " is null");
            boolean ok = x.shape.length == first.shape.length;
            for (int d = 0; ok && d < x.shape.length; d++) {
                ok = d == a || x.shape[d] == first.shape[d];
            }
            if (!ok) {
                throw new IllegalArgumentException("concat: " + Shapes.str(first.shape) + " and "
                        + Shapes.str(x.shape) + " differ outside axis " + axis);
            }
            total += x.shape[a];
        }
        int[] shape = first.shape.clone();
        shape[a] = total;
        int outer = Shapes.outer(shape, a);
        int inner = Shapes.inner(shape, a);
        double[] y = new double[Shapes.size("concat", shape)];
        int[] starts = new int[tensors.length + 1];
        for (int t = 0; t < tensors.length; t++) {
            starts[t + 1] = starts[t] + tensors[t].shape[a];
        }
        for (int t = 0; t < tensors.length; t++) {
            int len = tensors[t].shape[a];
            copySlices(tensors[t].data, len, 0, y, total, starts[t], outer, len, inner);
        }
        return Tensor.make(new Concat(a, starts), y, shape, tensors.clone());
    }

    /** Tensors joined along one axis. */
    static final class Concat extends TensorOp {
        private final int axis;
        private final int[] starts;

        Concat(int axis, int[] starts) {
            super("concat", "concat");
            this.axis = axis;
            this.starts = starts;
        }

        @Override
        void backward(Tensor out) {
            double[] g = out.grad;
            int total = out.shape[axis];
            int outer = Shapes.outer(out.shape, axis);
            int inner = Shapes.inner(out.shape, axis);
            for (int t = 0; t < out.inputs.length; t++) {
                Tensor x = out.inputs[t];
                if (!x.requiresGrad) {
                    continue;
                }
                int len = x.shape[axis];
                addSlices(g, total, starts[t], x.gradBuffer(), len, 0, outer, len, inner);
            }
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            Tensor[] gs = new Tensor[out.inputs.length];
            for (int t = 0; t < gs.length; t++) {
                gs[t] = g.slice(axis, starts[t], starts[t + 1]);
            }
            return gs;
        }
    }

    static Tensor stack(int axis, Tensor... tensors) {
        Objects.requireNonNull(tensors, "tensors");
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: no tensors to join");
        }
        int[] shape = Objects.requireNonNull(tensors[0], "stack: tensor 0 is null").shape;
        int r = shape.length;
        if (axis < -(r + 1) || axis > r) {
            throw new IllegalArgumentException("stack: axis " + axis + " is out of range for shape "
                    + Shapes.str(shape) + " (a new axis goes from 0 to " + r + ")");
        }
        int a = axis < 0 ? axis + r + 1 : axis;
        int[] withAxis = new int[r + 1];
        for (int d = 0, k = 0; d <= r; d++) {
            withAxis[d] = d == a ? 1 : shape[k++];
        }
        Tensor[] parts = new Tensor[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            Tensor x = Objects.requireNonNull(tensors[t], "stack: tensor " + t + " is null");
            if (!Arrays.equals(x.shape, shape)) {
                throw new IllegalArgumentException("stack: " + Shapes.str(shape) + " and "
                        + Shapes.str(x.shape) + " differ");
            }
            parts[t] = x.reshape(withAxis);
        }
        return concat(a, parts);
    }

    // ---------------------------------------------------------------- indexSelect and gather

    static Tensor indexSelect(Tensor x, int axis, int[] indices) {
        int a = Shapes.axis("indexSelect", axis, x.shape);
        int n = x.shape[a];
        for (int idx : indices) {
            if (idx < 0 || idx >= n) {
                throw new IllegalArgumentException("indexSelect: index " + idx + " is out of range for axis "
                        + axis + " of size " + n + " in " + Shapes.str(x.shape));
            }
        }
        int[] idx = indices.clone();
        int outer = Shapes.outer(x.shape, a);
        int inner = Shapes.inner(x.shape, a);
        int[] shape = x.shape.clone();
        shape[a] = idx.length;
        double[] y = new double[outer * idx.length * inner];
        for (int k = 0; k < idx.length; k++) {
            copySlices(x.data, n, idx[k], y, idx.length, k, outer, 1, inner);
        }
        return Tensor.make(new IndexSelect(a, idx), y, shape, x);
    }

    /** Slices picked by index along one axis. */
    static final class IndexSelect extends TensorOp {
        private final int axis;
        private final int[] indices;

        IndexSelect(int axis, int[] indices) {
            super("indexSelect", "select");
            this.axis = axis;
            this.indices = indices;
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            int[] xs = out.inputs[0].shape;
            int outer = Shapes.outer(xs, axis);
            int inner = Shapes.inner(xs, axis);
            for (int k = 0; k < indices.length; k++) {
                addSlices(out.grad, indices.length, k, gx, xs[axis], indices[k], outer, 1, inner);
            }
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            Tensor x = out.inputs[0];
            int n = x.shape[axis];
            int outer = Shapes.outer(x.shape, axis);
            int inner = Shapes.inner(x.shape, axis);
            int[] positions = new int[out.data.length];
            for (int o = 0; o < outer; o++) {
                for (int k = 0; k < indices.length; k++) {
                    for (int i = 0; i < inner; i++) {
                        positions[(o * indices.length + k) * inner + i] = (o * n + indices[k]) * inner + i;
                    }
                }
            }
            return new Tensor[] {scatter(g, positions, x.shape)};
        }
    }

    static Tensor gather(Tensor x, int axis, int[] indices) {
        int a = Shapes.axis("gather", axis, x.shape);
        int n = x.shape[a];
        int outer = Shapes.outer(x.shape, a);
        int inner = Shapes.inner(x.shape, a);
        if (indices.length != outer * inner) {
            throw new IllegalArgumentException("gather: " + indices.length + " indices for shape "
                    + Shapes.str(x.shape) + " along axis " + axis + " (needs " + outer * inner + ")");
        }
        int[] src = new int[indices.length];
        double[] y = new double[indices.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int p = o * inner + i;
                int idx = indices[p];
                if (idx < 0 || idx >= n) {
                    throw new IllegalArgumentException("gather: index " + idx + " at position " + p
                            + " is out of range for axis " + axis + " of size " + n + " in " + Shapes.str(x.shape));
                }
                src[p] = (o * n + idx) * inner + i;
                y[p] = x.data[src[p]];
            }
        }
        int[] shape = new int[x.shape.length - 1];
        for (int d = 0, k = 0; d < x.shape.length; d++) {
            if (d != a) {
                shape[k++] = x.shape[d];
            }
        }
        return Tensor.make(new Gather(src), y, shape, x);
    }

    /**
     * Picks elements by flat position: {@code y[p] = x[source[p]]}. Made by gather, and by the
     * gradient graph of a scatter.
     */
    static final class Gather extends TensorOp {
        private final int[] source;

        Gather(int[] source) {
            super("gather", "gather");
            this.source = source;
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            addAt(gx, source, out.grad);
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            return new Tensor[] {scatter(g, source, out.inputs[0].shape)};
        }
    }

    /** {@code y[p] = x[source[p]]}, shaped {@code shape}. */
    static Tensor pick(Tensor x, int[] source, int[] shape) {
        double[] y = new double[source.length];
        for (int p = 0; p < source.length; p++) {
            y[p] = x.data[source[p]];
        }
        return Tensor.make(new Gather(source), y, shape, x);
    }

    /** Zeros of {@code shape} with {@code g[p]} added at {@code target[p]}: the grad of a pick. */
    static Tensor scatter(Tensor g, int[] target, int[] shape) {
        double[] y = new double[Shapes.size("scatter", shape)];
        addAt(y, target, g.data);
        return Tensor.make(new Scatter(target), y, shape.clone(), g);
    }

    /**
     * {@code into[positions[p]] += values[p]} for every p: adds each value at its flat position,
     * summing where a position repeats. The backward of picking elements by position.
     */
    static void addAt(double[] into, int[] positions, double[] values) {
        for (int p = 0; p < positions.length; p++) {
            into[positions[p]] += values[p];
        }
    }

    /** Adds each element of its input at a flat position of a zero tensor. */
    static final class Scatter extends TensorOp {
        private final int[] target;

        Scatter(int[] target) {
            super("scatter", "scatter");
            this.target = target;
        }

        @Override
        void backward(Tensor out) {
            Tensor g = out.inputs[0];
            if (!g.requiresGrad) {
                return;
            }
            double[] gg = g.gradBuffer();
            double[] up = out.grad;
            for (int p = 0; p < target.length; p++) {
                gg[p] += up[target[p]];
            }
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor up) {
            return new Tensor[] {pick(up, target, out.inputs[0].shape)};
        }
    }
}
