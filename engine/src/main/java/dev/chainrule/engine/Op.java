package dev.chainrule.engine;

import java.util.Objects;

/**
 * A scalar operation: its forward function and its local derivatives, defined side by side.
 *
 * <p>Every op is one small class. Subclass {@link UnaryOp} or {@link BinaryOp} (or build one
 * with {@link CustomOp}); the compiler then forces you to supply both the numeric local
 * derivative used by {@link Value#backward()} and its graph-building form used for
 * higher-order gradients ({@link Grad}). The op's {@link #name()} shows wherever ops are named:
 * tables, rendered graphs, error messages.
 *
 * <p>{@code Op} itself cannot be subclassed outside this package, so every op is guaranteed to
 * have a derivative rule.
 */
public abstract class Op {
    private final String name;
    private final String symbol;
    private volatile OpInfo info;

    Op(String name, String symbol) {
        this.name = requireName(name);
        this.symbol = symbol == null || symbol.isEmpty() ? this.name : symbol;
    }

    /** An op described by {@code info} (a built-in, or a user op that gave its metadata). */
    Op(OpInfo.Builder info) {
        this(info.name(), info.symbol());
        this.info = info.build(this);
    }

    /** One op of a family that shares its metadata (leaky_relu with some slope), drawn as {@code symbol}. */
    Op(OpInfo info, String symbol) {
        this(info.name(), symbol == null ? info.symbol() : symbol);
        this.info = info;
    }

    static String requireName(String name) {
        Objects.requireNonNull(name, "op name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("op name must not be blank");
        }
        return name;
    }

    /** {@return the op's name, for example {@code "sigmoid"} or {@code "leaky_relu"}} */
    public final String name() {
        return name;
    }

    /** {@return the short symbol drawn in graphs, for example {@code "σ"} or {@code "+"}; the name if none} */
    public final String symbol() {
        return symbol;
    }

    /**
     * The op's metadata: for a built-in op everything {@link OpRegistry} lists (domain, kinks,
     * parameters, formula, derivative formulas); for a user-defined op that gave none, its name,
     * symbol and arity.
     *
     * @return the op's metadata: for a built-in op everything {@link OpRegistry} lists (domain, kinks,
     *     parameters, formula, derivative formulas); for a user-defined op that gave none, its name, symbol
     *     and arity
     */
    public final OpInfo info() {
        OpInfo i = info;
        if (i == null) {
            i = OpInfo.plain(this, name, symbol, arity());
            info = i;
        }
        return i;
    }

    /**
     * The values of this op's constant parameters, in the order {@link OpInfo#parameters()} lists
     * them: leaky_relu's slope, elu's alpha, a constant power's exponent. Empty for an op without
     * parameters. Tools that write an op's derivative formula fill them in from here
     * ({@link OpInfo#derivativeFormula(int, java.util.List, String, double...)}).
     *
     * @return the parameter values, a fresh array
     */
    public double[] parameters() {
        return new double[0];
    }

    /** {@return the number of inputs, or {@code -1} for an op that takes any number of inputs} */
    public abstract int arity();

    /**
     * The local derivative ∂node/∂input_i at the node's current input values, as a number.
     *
     * @param node a node this op produced (not modified)
     * @param i    the input's position
     * @return the local derivative ∂node/∂input_i at the node's current input values, as a number
     */
    public abstract double localDerivative(Value node, int i);

    /**
     * The local derivative ∂node/∂input_i built as a graph of Values, so that it can be
     * differentiated again.
     *
     * @param node the node
     * @param i the index
     * @return the local derivative ∂node/∂input_i built as a graph of Values, so that it can be
     *     differentiated again
     * @throws UnsupportedOperationException if this op has no graph-building derivative
     */
    public abstract Value localDerivativeGraph(Value node, int i);

    /** Adds node.grad × ∂node/∂input_i to each input's grad. Subclasses specialise for speed. */
    abstract void backward(Value node);

    @Override
    public String toString() {
        return name;
    }
}
