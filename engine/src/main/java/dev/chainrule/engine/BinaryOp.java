package dev.chainrule.engine;

/**
 * An op of two inputs: {@code y = f(a, b)}, with both partial derivatives given as numbers and
 * as graphs.
 */
public abstract class BinaryOp extends Op {

    /**
     * @param name   the op's name, shown in tables and graphs
     * @param symbol the short symbol drawn in graphs, or {@code null} to draw the name
     */
    protected BinaryOp(String name, String symbol) {
        super(name, symbol);
    }

    /**
     * An op with its metadata (domain, kinks, formula, derivative formulas ...), as the built-in
     * ops are declared.
     *
     * @param info the metadata, of arity 2, with two derivative formulas
     */
    protected BinaryOp(OpInfo.Builder info) {
        super(UnaryOp.requireArity(info, 2));
    }

    /**
     * {@return the forward function}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public abstract double apply(double a, double b);

    /**
     * {@return ∂y/∂a, where {@code y = apply(a, b)}}
     *
     * @param a the first operand
     * @param b the second operand
     * @param y the op's output, {@code apply(a, b)}
     */
    public abstract double derivativeA(double a, double b, double y);

    /**
     * {@return ∂y/∂b, where {@code y = apply(a, b)}}
     *
     * @param a the first operand
     * @param b the second operand
     * @param y the op's output, {@code apply(a, b)}
     */
    public abstract double derivativeB(double a, double b, double y);

    /**
     * {@return ∂y/∂a built from Value ops; {@code y} is the node itself}
     *
     * @param a the first operand
     * @param b the second operand
     * @param y the op's output, {@code apply(a, b)}
     */
    public abstract Value derivativeA(Value a, Value b, Value y);

    /**
     * {@return ∂y/∂b built from Value ops; {@code y} is the node itself}
     *
     * @param a the first operand
     * @param b the second operand
     * @param y the op's output, {@code apply(a, b)}
     */
    public abstract Value derivativeB(Value a, Value b, Value y);

    /**
     * An optional fast path for tensors: loops over one broadcast row at a time that give the same
     * numbers as {@link #apply(double, double)} and the derivatives element by element, bit for
     * bit, without a call per element. Element k of a row is {@code a[i + k·si]},
     * {@code b[j + k·sj]} and {@code y[o + k]} (a stride of 0 repeats a broadcast element). Add,
     * subtract and multiply declare one.
     */
    public interface RowFastPath {
        /**
         * {@code y[o + k] = apply(a[i + k·si], b[j + k·sj])} for k &lt; len; only y is modified.
         *
         * @param a the first operand's data
         * @param i where a's row starts
         * @param si a's stride along the row (0 when broadcast)
         * @param b the second operand's data
         * @param j where b's row starts
         * @param sj b's stride along the row (0 when broadcast)
         * @param y the output's data (contiguous)
         * @param o where the output's row starts
         * @param len the row's length
         */
        void forward(double[] a, int i, int si, double[] b, int j, int sj, double[] y, int o, int len);

        /**
         * {@code ga[i + k·si] += g[o + k] · ∂y/∂a} for k &lt; len; only ga is modified.
         *
         * @param a the first operand's data
         * @param i where a's row starts
         * @param si a's stride along the row (0 when broadcast)
         * @param b the second operand's data
         * @param j where b's row starts
         * @param sj b's stride along the row (0 when broadcast)
         * @param y the output's data (contiguous)
         * @param g the upstream gradient, laid out as y
         * @param o where the output's row starts
         * @param ga a's gradient, added to
         * @param len the row's length
         */
        void backwardA(double[] a, int i, int si, double[] b, int j, int sj, double[] y, double[] g, int o,
                double[] ga, int len);

        /**
         * {@code gb[j + k·sj] += g[o + k] · ∂y/∂b} for k &lt; len; only gb is modified.
         *
         * @param a the first operand's data
         * @param i where a's row starts
         * @param si a's stride along the row (0 when broadcast)
         * @param b the second operand's data
         * @param j where b's row starts
         * @param sj b's stride along the row (0 when broadcast)
         * @param y the output's data (contiguous)
         * @param g the upstream gradient, laid out as y
         * @param o where the output's row starts
         * @param gb b's gradient, added to
         * @param len the row's length
         */
        void backwardB(double[] a, int i, int si, double[] b, int j, int sj, double[] y, double[] g, int o,
                double[] gb, int len);
    }

    /** {@return this op's row fast path over tensors, or {@code null} (the default) to call it per element} */
    public RowFastPath rowFastPath() {
        return null;
    }

    /**
     * The gradients {@code g·∂y/∂a} and {@code g·∂y/∂b} written with tensor ops (before they are
     * summed back over broadcast axes), for higher-order gradients of tensor graphs; or
     * {@code null} (the default), and the engine evaluates {@link #derivativeA(Value, Value, Value)}
     * and {@link #derivativeB(Value, Value, Value)} per element instead (slower). Either entry of
     * the array may be {@code null} to use the per-element rule for that input only.
     *
     * @param a   the first input (not modified)
     * @param b   the second input (not modified)
     * @param out the node, {@code f(a, b)} (not modified)
     * @param g   the gradient flowing into {@code out} (not modified)
     * @return the gradients {@code g·∂y/∂a} and {@code g·∂y/∂b} written with tensor ops (before they are
     *     summed back over broadcast axes), for higher-order gradients of tensor graphs; or {@code null}
     *     (the default), and the engine evaluates {@link #derivativeA(Value, Value, Value)} and {@link
     *     #derivativeB(Value, Value, Value)} per element instead (slower)
     */
    public Tensor[] tensorGradients(Tensor a, Tensor b, Tensor out, Tensor g) {
        return null;
    }

    @Override
    public final int arity() {
        return 2;
    }

    @Override
    public final double localDerivative(Value node, int i) {
        double a = node.inputs[0].data;
        double b = node.inputs[1].data;
        return i == 0 ? derivativeA(a, b, node.data) : derivativeB(a, b, node.data);
    }

    @Override
    public final Value localDerivativeGraph(Value node, int i) {
        Value a = node.inputs[0];
        Value b = node.inputs[1];
        return i == 0 ? derivativeA(a, b, node) : derivativeB(a, b, node);
    }

    @Override
    final void backward(Value node) {
        Value a = node.inputs[0];
        Value b = node.inputs[1];
        double up = node.grad;
        double ga = up * derivativeA(a.data, b.data, node.data);
        double gb = up * derivativeB(a.data, b.data, node.data);
        a.grad += ga;
        b.grad += gb;
    }
}
