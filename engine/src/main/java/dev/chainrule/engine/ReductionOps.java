package dev.chainrule.engine;

import dev.chainrule.engine.internal.Strided;
import java.util.Arrays;

/**
 * Reductions (sum, mean, max, logsumexp) and their inverse, broadcasting ({@link Expand}).
 * A reduction walks its input row by row with {@link Strided}, reading the output with stride 0
 * along the reduced axes; its backward walks the same way to spread the grad back.
 */
final class ReductionOps {
    private ReductionOps() {
    }

    /** Input strides, and the strides with which the keep-dims output is read over the input. */
    private static int[][] strides(int[] inShape, int[] keepShape) {
        return new int[][] {Shapes.strides(inShape), Shapes.broadcastStrides(keepShape, inShape)};
    }

    // ---------------------------------------------------------------- sum and mean

    static Tensor sum(Tensor x, int[] axes, boolean keepDims, boolean mean) {
        String name = mean ? "mean" : "sum";
        boolean[] mask = Shapes.axisMask(name, axes, x.shape);
        int[] keep = Shapes.reduced(x.shape, mask, true);
        int count = x.data.length / Math.max(1, Shapes.size(name, keep));
        if (mean && count == 0) {
            throw new IllegalArgumentException("mean: shape " + Shapes.str(x.shape)
                    + " has no elements along the reduced axes");
        }
        double scale = mean ? 1.0 / count : 1.0;
        double[] out = new double[Shapes.size(name, keep)];
        double[] xd = x.data;
        Strided.forEachRow(x.shape, strides(x.shape, keep), (off, st, len) -> {
            int i = off[0];
            int o = off[1];
            int so = st[1];
            if (so == 0) {
                double s = 0;
                for (int k = 0; k < len; k++) {
                    s += xd[i + k];
                }
                out[o] += s;
            } else {
                for (int k = 0; k < len; k++) {
                    out[o + k * so] += xd[i + k];
                }
            }
        });
        if (mean) {
            for (int k = 0; k < out.length; k++) {
                out[k] *= scale;
            }
        }
        int[] shape = Shapes.reduced(x.shape, mask, keepDims);
        return Tensor.make(new Sum(name, keep, scale), out, shape, x);
    }

    /** Σ (or mean: Σ × scale) over some axes. */
    static final class Sum extends TensorOp {
        private final int[] keepShape;
        private final double scale;

        Sum(String name, int[] keepShape, double scale) {
            super(name, name.equals("sum") ? "Σ" : "mean");
            this.keepShape = keepShape;
            this.scale = scale;
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            Tensor x = out.inputs[0];
            double[] g = out.grad;
            double c = scale;
            Strided.forEachRow(x.shape, strides(x.shape, keepShape), (off, st, len) -> {
                int i = off[0];
                int o = off[1];
                int so = st[1];
                for (int k = 0; k < len; k++) {
                    gx[i + k] += c * g[o + k * so];
                }
            });
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            Tensor x = out.inputs[0];
            Tensor gx = g.reshape(keepShape).expand(x.shape);
            return new Tensor[] {scale == 1 ? gx : gx.mul(scale)};
        }
    }

    /**
     * {@code t} summed over the axes along which {@code shape} was broadcast to t's shape: the
     * grad of a broadcast operand. Built from tensor ops, so it can be differentiated again.
     */
    static Tensor sumTo(Tensor t, int[] shape) {
        if (Arrays.equals(t.shape, shape)) {
            return t;
        }
        int shift = t.shape.length - shape.length;
        int[] axes = new int[t.shape.length];
        int n = 0;
        for (int d = 0; d < t.shape.length; d++) {
            if (d < shift || (shape[d - shift] == 1 && t.shape[d] != 1)) {
                axes[n++] = d;
            }
        }
        Tensor s = n == 0 ? t : t.sum(Arrays.copyOf(axes, n), true);
        return Arrays.equals(s.shape, shape) ? s : s.reshape(shape);
    }

    // ---------------------------------------------------------------- expand

    static Tensor expand(Tensor x, int[] target) {
        int[] shape = Shapes.broadcast("expand", x.shape, target);
        if (!Arrays.equals(shape, target)) {
            throw new IllegalArgumentException("expand: " + Shapes.str(x.shape) + " cannot be expanded to "
                    + Shapes.str(target));
        }
        double[] y = new double[Shapes.size("expand", target)];
        Strided.copy(target, strides(target, x.shape), x.data, y);
        return Tensor.make(new Expand(), y, target, x);
    }

    /** Broadcast to a larger shape; the grad is summed back. */
    static final class Expand extends TensorOp {
        Expand() {
            super("expand", "expand");
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            Strided.addBack(out.shape, strides(out.shape, out.inputs[0].shape), out.grad, gx);
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            return new Tensor[] {sumTo(g, out.inputs[0].shape)};
        }
    }

    // ---------------------------------------------------------------- max

    static Tensor max(Tensor x, int[] axes, boolean keepDims) {
        boolean[] mask = Shapes.axisMask("max", axes, x.shape);
        int[] keep = Shapes.reduced(x.shape, mask, true);
        int n = Shapes.size("max", keep);
        if (n > 0 && x.data.length == 0) {
            throw new IllegalArgumentException("max: shape " + Shapes.str(x.shape)
                    + " has no elements along the reduced axes");
        }
        double[] out = new double[n];
        int[] arg = new int[n];
        Arrays.fill(arg, -1);
        double[] xd = x.data;
        Strided.forEachRow(x.shape, strides(x.shape, keep), (off, st, len) -> {
            int i = off[0];
            int o = off[1];
            int so = st[1];
            for (int k = 0; k < len; k++) {
                double v = xd[i + k];
                int p = o + k * so;
                // Strictly greater: on a tie the first element in row-major order keeps it.
                if (arg[p] < 0 || v > out[p] || (v != v && out[p] == out[p])) {
                    out[p] = v;
                    arg[p] = i + k;
                }
            }
        });
        return Tensor.make(new Max(arg, keep), out, Shapes.reduced(x.shape, mask, keepDims), x);
    }

    /** The maximum; the grad goes to the (first) argmax. */
    static final class Max extends TensorOp {
        private final int[] argmax;
        private final int[] keepShape;

        Max(int[] argmax, int[] keepShape) {
            super("max", "max");
            this.argmax = argmax;
            this.keepShape = keepShape;
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            ShapeOps.addAt(gx, argmax, out.grad);
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            Tensor x = out.inputs[0];
            double[] hot = new double[x.data.length];
            for (int a : argmax) {
                hot[a] = 1;
            }
            return new Tensor[] {Tensor.constant(hot, x.shape).mul(g.reshape(keepShape))};
        }
    }

    // ---------------------------------------------------------------- logsumexp

    static Tensor logsumexp(Tensor x, int[] axes, boolean keepDims) {
        boolean[] mask = Shapes.axisMask("logsumexp", axes, x.shape);
        int[] keep = Shapes.reduced(x.shape, mask, true);
        Tensor m;
        try (Autograd.Scope s = Autograd.noGrad()) {
            m = max(x, axes, true);
        }
        double[] md = m.data;
        for (int p = 0; p < md.length; p++) {
            // An all −∞ slice has logsumexp −∞; shifting by 0 keeps exp from making NaN.
            if (md[p] == Double.NEGATIVE_INFINITY) {
                md[p] = 0;
            }
        }
        double[] acc = new double[md.length];
        double[] xd = x.data;
        Strided.forEachRow(x.shape, strides(x.shape, keep), (off, st, len) -> {
            int i = off[0];
            int o = off[1];
            int so = st[1];
            for (int k = 0; k < len; k++) {
                acc[o + k * so] += Math.exp(xd[i + k] - md[o + k * so]);
            }
        });
        for (int p = 0; p < acc.length; p++) {
            acc[p] = md[p] + Math.log(acc[p]);
        }
        return Tensor.make(new LogSumExp(keep), acc, Shapes.reduced(x.shape, mask, keepDims), x);
    }

    /** log Σ e^x; its grad is softmax(x) times the upstream grad. */
    static final class LogSumExp extends TensorOp {
        private final int[] keepShape;

        LogSumExp(int[] keepShape) {
            super("logsumexp", "logΣexp");
            this.keepShape = keepShape;
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            Tensor x = out.inputs[0];
            double[] g = out.grad;
            double[] y = out.data;
            double[] xd = x.data;
            Strided.forEachRow(x.shape, strides(x.shape, keepShape), (off, st, len) -> {
                int i = off[0];
                int o = off[1];
                int so = st[1];
                for (int k = 0; k < len; k++) {
                    gx[i + k] += g[o + k * so] * Math.exp(xd[i + k] - y[o + k * so]);
                }
            });
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            Tensor x = out.inputs[0];
            Tensor soft = x.sub(out.reshape(keepShape)).exp();
            return new Tensor[] {soft.mul(g.reshape(keepShape))};
        }
    }
}
