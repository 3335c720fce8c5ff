package dev.chainrule.engine;

import dev.chainrule.engine.internal.Strided;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

/**
 * Elementwise tensor ops. They are driven by the scalar ops of {@link Ops} (or any user
 * {@link UnaryOp}/{@link BinaryOp}): the forward calls {@code apply}, the backward calls the
 * numeric {@code derivative}, so each formula exists once, in the scalar op.
 *
 * <p>Ops may declare fast paths, and these loops use them: whole-array loops for a one-input op
 * ({@link UnaryOp#fastPath()}, ReLU's), row loops for a two-input op
 * ({@link BinaryOp#rowFastPath()}, add, sub and mul), and gradient graphs written with tensor ops
 * ({@link BinaryOp#tensorGradients}, add, sub, mul and div). Without one, every other op's
 * derivative becomes a {@link Lifted} node that evaluates the scalar op's graph-form derivative
 * per element (slower, and only made by {@link Grad}).
 */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    // ---------------------------------------------------------------- unary

    static Tensor unary(UnaryOp f, Tensor x) {
        double[] xd = x.data;
        double[] y = new double[xd.length];
        UnaryOp.FastPath fast = f.fastPath();
        if (fast != null) {
            fast.forward(xd, y);
        } else {
            for (int i = 0; i < xd.length; i++) {
                y[i] = f.apply(xd[i]);
            }
        }
        return Tensor.make(new Unary(f), y, x.shape, x);
    }

    /** y = f(x) elementwise. */
    static final class Unary extends TensorOp {
        private final UnaryOp f;

        Unary(UnaryOp f) {
            super(f.name(), f.symbol());
            this.f = f;
        }

        @Override
        void backward(Tensor out) {
            double[] gx = inputGrad(out, 0);
            if (gx == null) {
                return;
            }
            Tensor x = out.inputs[0];
            double[] g = out.grad;
            double[] xd = x.data;
            double[] y = out.data;
            UnaryOp.FastPath fast = f.fastPath();
            if (fast != null) {
                fast.backward(xd, y, g, gx);
                return;
            }
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * f.derivative(xd[i], y[i]);
            }
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            Tensor x = out.inputs[0];
            Tensor d = Lifted.apply(f.name() + "'", v -> f.derivative(v[0], v[0].apply(f)),
                    (a, unused) -> f.derivative(a, f.apply(a)), x);
            return new Tensor[] {g.mul(d)};
        }
    }

    // ---------------------------------------------------------------- binary

    static Tensor binary(BinaryOp f, Tensor a, Tensor b) {
        Objects.requireNonNull(b, () -> f.name() + ": other operand is null");
        int[] shape = Shapes.broadcast(f.name(), a.shape, b.shape);
        double[] y = new double[Shapes.size(f.name(), shape)];
        double[] ad = a.data;
        double[] bd = b.data;
        BinaryOp.RowFastPath fast = f.rowFastPath();
        if (fast != null && forwardRows(fast, shape, a, b, y)) {
            return Tensor.make(new Binary(f), y, shape, a, b);
        }
        Strided.forEachRow(shape, strides(shape, a, b), (off, st, len) -> {
            int o = off[0];
            int i = off[1];
            int j = off[2];
            int si = st[1];
            int sj = st[2];
            if (fast != null) {
                fast.forward(ad, i, si, bd, j, sj, y, o, len);
                return;
            }
            for (int k = 0; k < len; k++) {
                y[o + k] = f.apply(ad[i + k * si], bd[j + k * sj]);
            }
        });
        return Tensor.make(new Binary(f), y, shape, a, b);
    }

    /**
     * The row length with which {@code part} repeats over {@code full}: the product of part's
     * axes if they (leading 1s dropped) are full's last axes, as a bias [n] over [m, n]; 1 for a
     * single value; -1 otherwise.
     */
    static int repeatedRow(int[] full, int[] part) {
        int lead = 0;
        while (lead < part.length && part[lead] == 1) {
            lead++;
        }
        int axes = part.length - lead;
        if (axes > full.length) {
            return -1;
        }
        int n = 1;
        for (int d = 0; d < axes; d++) {
            if (part[lead + d] != full[full.length - axes + d]) {
                return -1;
            }
            n *= part[lead + d];
        }
        return n;
    }

    /**
     * The forward of a fast path without {@link Strided}'s walk, for the layouts of a layer and
     * a loss: one operand of the output's shape and the other of the same shape, one repeated
     * row or one value. Rows are the output's rows, in order, so the numbers are the walk's.
     *
     * @return false, having done nothing, for any other layout
     */
    private static boolean forwardRows(BinaryOp.RowFastPath fast, int[] shape, Tensor a, Tensor b, double[] y) {
        double[] ad = a.data;
        double[] bd = b.data;
        int size = y.length;
        if (Arrays.equals(a.shape, shape)) {
            int n = repeatedRow(shape, b.shape);
            if (bd.length == 1) {
                fast.forward(ad, 0, 1, bd, 0, 0, y, 0, size);
            } else if (n > 0) {
                for (int o = 0; o < size; o += n) {
                    fast.forward(ad, o, 1, bd, 0, 1, y, o, n);
                }
            } else {
                return false;
            }
            return true;
        }
        if (Arrays.equals(b.shape, shape)) {
            int n = repeatedRow(shape, a.shape);
            if (ad.length == 1) {
                fast.forward(ad, 0, 0, bd, 0, 1, y, 0, size);
            } else if (n > 0) {
                for (int o = 0; o < size; o += n) {
                    fast.forward(ad, 0, 1, bd, o, 1, y, o, n);
                }
            } else {
                return false;
            }
            return true;
        }
        return false;
    }

    /**
     * The backward of a fast path for the layouts of {@link #forwardRows}, into the grads given
     * (null for an operand that needs none).
     *
     * @return false, having done nothing, for any other layout
     */
    private static boolean backwardRows(BinaryOp.RowFastPath fast, Tensor out, double[] ga, double[] gb) {
        Tensor a = out.inputs[0];
        Tensor b = out.inputs[1];
        double[] ad = a.data;
        double[] bd = b.data;
        double[] y = out.data;
        double[] g = out.grad;
        int size = y.length;
        boolean aFull = Arrays.equals(a.shape, out.shape);
        if (!aFull && !Arrays.equals(b.shape, out.shape)) {
            return false;
        }
        int n = aFull ? repeatedRow(out.shape, b.shape) : repeatedRow(out.shape, a.shape);
        if ((aFull ? bd.length : ad.length) == 1) {
            // One row over the whole output, the single value read with stride 0.
            int si = aFull ? 1 : 0;
            int sj = aFull ? 0 : 1;
            if (ga != null) {
                fast.backwardA(ad, 0, si, bd, 0, sj, y, g, 0, ga, size);
            }
            if (gb != null) {
                fast.backwardB(ad, 0, si, bd, 0, sj, y, g, 0, gb, size);
            }
            return true;
        }
        if (n <= 0) {
            return false;
        }
        if (ga != null) {
            for (int o = 0; o < size; o += n) {
                fast.backwardA(ad, aFull ? o : 0, 1, bd, aFull ? 0 : o, 1, y, g, o, ga, n);
            }
        }
        if (gb != null) {
            for (int o = 0; o < size; o += n) {
                fast.backwardB(ad, aFull ? o : 0, 1, bd, aFull ? 0 : o, 1, y, g, o, gb, n);
            }
        }
        return true;
    }

    private static int[][] strides(int[] shape, Tensor a, Tensor b) {
        return new int[][] {Shapes.strides(shape), Shapes.broadcastStrides(a.shape, shape),
            Shapes.broadcastStrides(b.shape, shape)};
    }

    /** y = f(a, b) elementwise with broadcasting. */
    static final class Binary extends TensorOp {
        private final BinaryOp f;

        Binary(BinaryOp f) {
            super(f.name(), f.symbol());
            this.f = f;
        }

        @Override
        void backward(Tensor out) {
            Tensor a = out.inputs[0];
            Tensor b = out.inputs[1];
            double[] g = out.grad;
            double[] y = out.data;
            double[] ad = a.data;
            double[] bd = b.data;
            BinaryOp.RowFastPath fast = f.rowFastPath();
            if (fast != null && backwardRows(fast, out, a.requiresGrad ? a.gradBuffer() : null,
                    b.requiresGrad ? b.gradBuffer() : null)) {
                return;
            }
            int[][] strides = strides(out.shape, a, b);
            if (a.requiresGrad) {
                double[] ga = a.gradBuffer();
                Strided.forEachRow(out.shape, strides, (off, st, len) -> {
                    int o = off[0];
                    int i = off[1];
                    int j = off[2];
                    int si = st[1];
                    int sj = st[2];
                    if (fast != null) {
                        fast.backwardA(ad, i, si, bd, j, sj, y, g, o, ga, len);
                        return;
                    }
                    for (int k = 0; k < len; k++) {
                        ga[i + k * si] += g[o + k] * f.derivativeA(ad[i + k * si], bd[j + k * sj], y[o + k]);
                    }
                });
            }
            if (b.requiresGrad) {
                double[] gb = b.gradBuffer();
                Strided.forEachRow(out.shape, strides, (off, st, len) -> {
                    int o = off[0];
                    int i = off[1];
                    int j = off[2];
                    int si = st[1];
                    int sj = st[2];
                    if (fast != null) {
                        fast.backwardB(ad, i, si, bd, j, sj, y, g, o, gb, len);
                        return;
                    }
                    for (int k = 0; k < len; k++) {
                        gb[j + k * sj] += g[o + k] * f.derivativeB(ad[i + k * si], bd[j + k * sj], y[o + k]);
                    }
                });
            }
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            Tensor a = out.inputs[0];
            Tensor b = out.inputs[1];
            Tensor ga;
            Tensor gb;
            Tensor[] declared = f.tensorGradients(a, b, out, g);
            if (declared != null && declared[0] != null) {
                ga = declared[0];
            } else {
                ga = g.mul(Lifted.apply(f.name() + "'a", v -> f.derivativeA(v[0], v[1], Value.apply(f, v)),
                        (x, z) -> f.derivativeA(x, z, f.apply(x, z)), a, b));
            }
            if (declared != null && declared[1] != null) {
                gb = declared[1];
            } else {
                gb = g.mul(Lifted.apply(f.name() + "'b", v -> f.derivativeB(v[0], v[1], Value.apply(f, v)),
                        (x, z) -> f.derivativeB(x, z, f.apply(x, z)), a, b));
            }
            return new Tensor[] {ReductionOps.sumTo(ga, a.shape), ReductionOps.sumTo(gb, b.shape)};
        }
    }

    // ---------------------------------------------------------------- lifted scalar functions

    /**
     * An elementwise function of one or two broadcast tensors, given as a function of scalar
     * Values. It exists for higher-order gradients: it is how the derivative of an arbitrary
     * scalar op appears in a tensor graph. Its forward uses the numeric form when there is one;
     * its backward builds a small Value graph per element (so it allocates per element: it is
     * only made by {@link Grad}).
     */
    static final class Lifted extends TensorOp {
        private final Function<Value[], Value> fn;

        private Lifted(String name, Function<Value[], Value> fn) {
            super(name, name);
            this.fn = fn;
        }

        /**
         * @param fast the same function in numbers (the second argument is 0 for one input), or
         *             {@code null} to evaluate {@code fn} per element
         */
        static Tensor apply(String name, Function<Value[], Value> fn, DoubleBinaryOperator fast,
                Tensor... in) {
            int[] shape = in.length == 1 ? in[0].shape : Shapes.broadcast(name, in[0].shape, in[1].shape);
            double[] y = new double[Shapes.size(name, shape)];
            forEachElement(shape, in, (o, v, at) -> {
                if (fast != null) {
                    y[o] = fast.applyAsDouble(v[0], v.length > 1 ? v[1] : 0);
                } else {
                    y[o] = fn.apply(leaves(v)).data;
                }
            });
            return Tensor.make(new Lifted(name, fn), y, shape, in);
        }

        @Override
        void backward(Tensor out) {
            Tensor[] in = out.inputs;
            double[] g = out.grad;
            double[][] gi = new double[in.length][];
            for (int k = 0; k < in.length; k++) {
                gi[k] = in[k].requiresGrad ? in[k].gradBuffer() : null;
            }
            forEachElement(out.shape, in, (o, v, at) -> {
                Value[] x = leaves(v);
                Value r;
                try (Autograd.Scope s = Autograd.recording()) {
                    r = fn.apply(x);
                }
                r.backward();
                for (int k = 0; k < in.length; k++) {
                    if (gi[k] != null) {
                        gi[k][at[k]] += g[o] * x[k].grad;
                    }
                }
            });
        }

        @Override
        Tensor[] gradGraph(Tensor out, Tensor g) {
            Tensor[] in = out.inputs;
            Tensor[] result = new Tensor[in.length];
            for (int k = 0; k < in.length; k++) {
                int which = k;
                Tensor d = apply(name + "'", v -> Grad.of(fn.apply(v), v)[which], null, in);
                result[k] = ReductionOps.sumTo(g.mul(d), in[k].shape);
            }
            return result;
        }

        private static Value[] leaves(double[] v) {
            Value[] x = new Value[v.length];
            for (int k = 0; k < v.length; k++) {
                x[k] = new Value(v[k], null, Value.NO_INPUTS);
            }
            return x;
        }

        private interface ElementFn {
            /**
             * @param outIndex the output element's flat index
             * @param inputs   the inputs' values there (reused between calls)
             * @param at       the inputs' flat indices there (reused between calls)
             */
            void at(int outIndex, double[] inputs, int[] at);
        }

        /** Calls {@code fn} for every output element, in row-major order, with broadcast inputs. */
        private static void forEachElement(int[] shape, Tensor[] in, ElementFn fn) {
            int[][] strides = new int[in.length + 1][];
            strides[0] = Shapes.strides(shape);
            for (int k = 0; k < in.length; k++) {
                strides[k + 1] = Shapes.broadcastStrides(in[k].shape, shape);
            }
            double[] v = new double[in.length];
            int[] at = new int[in.length];
            Strided.forEachRow(shape, strides, (off, step, len) -> {
                for (int j = 0; j < len; j++) {
                    for (int k = 0; k < in.length; k++) {
                        at[k] = off[k + 1] + j * step[k + 1];
                        v[k] = in[k].data[at[k]];
                    }
                    fn.at(off[0] + j, v, at);
                }
            });
        }
    }

    // ---------------------------------------------------------------- comparisons

    static Tensor compare(String name, Tensor a, Tensor b) {
        Objects.requireNonNull(b, () -> name + ": other operand is null");
        int[] shape = Shapes.broadcast(name, a.shape, b.shape);
        double[] y = new double[Shapes.size(name, shape)];
        double[] ad = a.data;
        double[] bd = b.data;
        int code = Arrays.asList("gt", "ge", "lt", "le", "eq").indexOf(name);
        Strided.forEachRow(shape, strides(shape, a, b), (off, st, len) -> {
            for (int k = 0; k < len; k++) {
                double x = ad[off[1] + k * st[1]];
                double z = bd[off[2] + k * st[2]];
                boolean r;
                switch (code) {
                    case 0: r = x > z; break;
                    case 1: r = x >= z; break;
                    case 2: r = x < z; break;
                    case 3: r = x <= z; break;
                    default: r = x == z;
                }
                y[off[0] + k] = r ? 1 : 0;
            }
        });
        return Tensor.constant(y, shape);
    }
}
