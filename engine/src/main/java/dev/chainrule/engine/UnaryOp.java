package dev.chainrule.engine;

/**
 * An op of one input: {@code y = f(x)}, with {@code dy/dx} given both as a number and as a graph.
 *
 * <pre>{@code
 * UnaryOp square = new UnaryOp("square", "x²") {
 *     public double apply(double x) { return x * x; }
 *     public double derivative(double x, double y) { return 2 * x; }
 *     public Value derivative(Value x, Value y) { return x.mul(2); }
 * };
 * Value y = Value.of(3).apply(square);  // 9, and dy/dx = 6 after backward
 * }</pre>
 */
public abstract class UnaryOp extends Op {

    /**
     * @param name   the op's name, shown in tables and graphs
     * @param symbol the short symbol drawn in graphs, or {@code null} to draw the name
     */
    protected UnaryOp(String name, String symbol) {
        super(name, symbol);
    }

    /**
     * An op with its metadata (domain, kinks, formula, derivative formula ...), as the built-in
     * ops are declared.
     *
     * @param info the metadata, of arity 1, with one derivative formula
     */
    protected UnaryOp(OpInfo.Builder info) {
        super(requireArity(info, 1));
    }

    /** One op of a family with parameters (leaky_relu with one slope), sharing its metadata. */
    UnaryOp(OpInfo info, String symbol) {
        super(info, symbol);
    }

    static OpInfo.Builder requireArity(OpInfo.Builder info, int arity) {
        if (info.arity() != arity) {
            throw new IllegalArgumentException("op '" + info.name() + "': metadata says " + info.arity()
                    + " inputs, the op takes " + arity);
        }
        return info;
    }

    /**
     * {@return the forward function}
     *
     * @param x the input
     */
    public abstract double apply(double x);

    /**
     * {@return dy/dx at {@code x}, where {@code y = apply(x)} is passed in so it need not be recomputed}
     *
     * @param x the input
     * @param y the op's output, {@code apply(x)}
     */
    public abstract double derivative(double x, double y);

    /**
     * dy/dx built from Value ops, for higher-order gradients. {@code y} is the node itself.
     *
     * @param x the input
     * @param y the op's output, {@code apply(x)}
     * @return dy/dx built from Value ops, for higher-order gradients
     * @throws UnsupportedOperationException if the op does not support higher-order gradients
     */
    public abstract Value derivative(Value x, Value y);

    /**
     * An optional fast path for tensors: loops over whole arrays that give the same numbers as
     * {@link #apply(double)} and {@link #derivative(double, double)} element by element, bit for
     * bit, but faster (no call per element, branch-free, vectorised). Declare one by overriding
     * {@link #fastPath()}; ReLU does.
     */
    public interface FastPath {
        /**
         * {@code y[i] = apply(x[i])} for every i.
         *
         * @param x the input (not modified)
         * @param y the output, as long as x (modified)
         */
        void forward(double[] x, double[] y);

        /**
         * {@code gx[i] += g[i] · derivative(x[i], y[i])} for every i.
         *
         * @param x  the input (not modified)
         * @param y  the forward's output (not modified)
         * @param g  the upstream gradient (not modified)
         * @param gx the input's gradient (modified)
         */
        void backward(double[] x, double[] y, double[] g, double[] gx);
    }

    /**
     * This op's fast path over tensors, or {@code null} (the default) to call {@link #apply} and
     * {@link #derivative(double, double)} per element.
     *
     * @return this op's fast path over tensors, or {@code null} (the default) to call {@link #apply} and
     *     {@link #derivative(double, double)} per element
     */
    public FastPath fastPath() {
        return null;
    }

    @Override
    public final int arity() {
        return 1;
    }

    @Override
    public final double localDerivative(Value node, int i) {
        return derivative(node.inputs[0].data, node.data);
    }

    @Override
    public final Value localDerivativeGraph(Value node, int i) {
        return derivative(node.inputs[0], node);
    }

    @Override
    final void backward(Value node) {
        Value x = node.inputs[0];
        double g = node.grad * derivative(x.data, node.data);
        x.grad += g;
    }
}
