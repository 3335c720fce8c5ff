package dev.chainrule.engine.internal;

import dev.chainrule.engine.UnaryOp;

/**
 * ReLU over whole tensors, its declared fast path ({@link UnaryOp#fastPath()}): the forward {@code y = x > 0 ? x : 0}
 * and the backward {@code gx += g · (x > 0 ? 1 : 0)}, the formula of {@code Ops.RELU} element
 * for element (−0 gives +0 and NaN stays NaN, as there).
 *
 * <p>Why not through {@code UnaryOp.apply}: C2 compiles the select on doubles as a branch,
 * which mispredicts on every other element of random signs, and whether the virtual call is
 * inlined depends on the profile the JIT happens to see; ReLU over activations was 10–20% of
 * an MLP training step, and the share varied from one JVM run to the next. On the Vector API
 * (when the JVM has the module, see {@link MatMulKernel#VECTOR}) the select is a compare and a
 * blend, without branches, for tensors of at least {@link #VECTOR_SIZE} elements.
 */
public final class ReluLoops {
    /**
     * Elements below which the plain loop runs. The Vector API is fast only once C2 has compiled
     * its caller; before that (and after a deoptimisation) it runs as slow Java emulation. Small
     * tensors take long to get there (in the 1,600-element layers of a small full-batch MLP the emulation still showed
     * in the timed steps), and gain little from it.
     */
    public static final int VECTOR_SIZE = 4096;

    private ReluLoops() {
    }

    /** ReLU's declared fast path ({@link UnaryOp#fastPath()}). */
    public static final UnaryOp.FastPath FAST_PATH = new UnaryOp.FastPath() {
        @Override
        public void forward(double[] x, double[] y) {
            ReluLoops.forward(x, y);
        }

        @Override
        public void backward(double[] x, double[] y, double[] g, double[] gx) {
            ReluLoops.backward(x, g, gx);
        }
    };

    /** {@code y[i] = relu(x[i])}. */
    public static void forward(double[] x, double[] y) {
        if (MatMulKernel.VECTOR && x.length >= VECTOR_SIZE) {
            VectorRelu.forward(x, y);
        } else {
            forwardPlain(x, y, 0);
        }
    }

    /** {@code gx[i] += g[i] · relu'(x[i])}. */
    public static void backward(double[] x, double[] g, double[] gx) {
        if (MatMulKernel.VECTOR && x.length >= VECTOR_SIZE) {
            VectorRelu.backward(x, g, gx);
        } else {
            backwardPlain(x, g, gx, 0);
        }
    }

    /** The forward from index {@code from} on, one element at a time. */
    public static void forwardPlain(double[] x, double[] y, int from) {
        for (int i = from; i < x.length; i++) {
            double v = x[i];
            y[i] = v <= 0 ? 0 : v;
        }
    }

    /** The backward from index {@code from} on, one element at a time. */
    public static void backwardPlain(double[] x, double[] g, double[] gx, int from) {
        for (int i = from; i < x.length; i++) {
            gx[i] += g[i] * (x[i] > 0 ? 1.0 : 0.0);
        }
    }
}
