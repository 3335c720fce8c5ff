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

    /** The forward function. */
    public abstract double apply(double a, double b);

    /** ∂y/∂a, where {@code y = apply(a, b)}. */
    public abstract double derivativeA(double a, double b, double y);

    /** ∂y/∂b, where {@code y = apply(a, b)}. */
    public abstract double derivativeB(double a, double b, double y);

    /** ∂y/∂a built from Value ops; {@code y} is the node itself. */
    public abstract Value derivativeA(Value a, Value b, Value y);

    /** ∂y/∂b built from Value ops; {@code y} is the node itself. */
    public abstract Value derivativeB(Value a, Value b, Value y);

    @Override
    public final int arity() {
        return 2;
    }

    @Override
    public final double localDerivative(Value node, int i) {
        double a = node.parents[0].data;
        double b = node.parents[1].data;
        return i == 0 ? derivativeA(a, b, node.data) : derivativeB(a, b, node.data);
    }

    @Override
    public final Value localDerivativeGraph(Value node, int i) {
        Value a = node.parents[0];
        Value b = node.parents[1];
        return i == 0 ? derivativeA(a, b, node) : derivativeB(a, b, node);
    }

    @Override
    final void backward(Value node) {
        Value a = node.parents[0];
        Value b = node.parents[1];
        double up = node.grad;
        double ga = up * derivativeA(a.data, b.data, node.data);
        double gb = up * derivativeB(a.data, b.data, node.data);
        a.grad += ga;
        b.grad += gb;
        if (!Double.isFinite(ga)) {
            Autograd.backwardProduced(this, node, 0, ga);
        }
        if (!Double.isFinite(gb)) {
            Autograd.backwardProduced(this, node, 1, gb);
        }
    }
}
