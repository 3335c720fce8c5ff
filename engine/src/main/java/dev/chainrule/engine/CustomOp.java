package dev.chainrule.engine;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A user-defined op of any arity, built from two functions: the forward and its gradient.
 * No engine code needs to change; the op's name shows in tables and rendered graphs.
 *
 * <pre>{@code
 * CustomOp hypot = CustomOp.of("hypot", 2,
 *         x -> Math.hypot(x[0], x[1]),
 *         (x, y, grad) -> { grad[0] = x[0] / y; grad[1] = x[1] / y; });
 * Value r = Value.apply(hypot, Value.of(3), Value.of(4));   // 5
 * }</pre>
 *
 * <p>A {@code CustomOp} has numeric derivatives only. To take higher-order gradients through a
 * custom op, subclass {@link UnaryOp} or {@link BinaryOp} and give the graph-building form too.
 */
public final class CustomOp extends Op {

    /** The forward function of a custom op. */
    @FunctionalInterface
    public interface Forward {
        /**
         * @param x the input values (not modified)
         * @return the output value
         */
        double apply(double[] x);
    }

    /** The gradient of a custom op. */
    @FunctionalInterface
    public interface Gradient {
        /**
         * Writes ∂y/∂x_i into {@code grad[i]} for every input.
         *
         * @param x    the input values (not modified)
         * @param y    the output value, {@code forward(x)} (not modified)
         * @param grad where the local derivatives go (modified)
         */
        void gradient(double[] x, double y, double[] grad);
    }

    private final int arity;
    private final Forward forward;
    private final Gradient gradient;

    private CustomOp(String name, String symbol, int arity, Forward forward, Gradient gradient) {
        super(name, symbol);
        if (arity < 1) {
            throw new IllegalArgumentException("custom op '" + name + "': arity must be at least 1, got " + arity);
        }
        this.arity = arity;
        this.forward = Objects.requireNonNull(forward, "forward");
        this.gradient = Objects.requireNonNull(gradient, "gradient");
    }

    private CustomOp(OpInfo.Builder info, Forward forward, Gradient gradient) {
        super(requireFixedArity(info));
        this.arity = info.arity();
        this.forward = Objects.requireNonNull(forward, "forward");
        this.gradient = Objects.requireNonNull(gradient, "gradient");
    }

    private static OpInfo.Builder requireFixedArity(OpInfo.Builder info) {
        if (Objects.requireNonNull(info, "info").arity() < 1) {
            throw new IllegalArgumentException("custom op '" + info.name() + "': arity must be at least 1, got "
                    + info.arity());
        }
        return info;
    }

    /**
     * A custom op with its metadata, above all the derivative formulas that worked derivations
     * ({@code chainrule explain}, the slide deck) write for it; without them a derivation shows
     * ∂y/∂x with its number. Placeholders as in {@link OpInfo.Builder#derivatives(String...)}.
     *
     * <pre>{@code
     * CustomOp cube = CustomOp.of(OpInfo.builder("cube", "³", 1).derivatives("3·{x}²"),
     *         x -> x[0] * x[0] * x[0], (x, y, grad) -> grad[0] = 3 * x[0] * x[0]);
     * }</pre>
     *
     * @param info     the name, symbol, arity (at least 1) and one derivative formula per input
     * @param forward  y = f(x)
     * @param gradient fills ∂y/∂x_i
     * @return the op, to apply with {@code Value.apply(op, inputs...)}
     * @throws IllegalStateException    if the formulas are not one per input
     * @throws IllegalArgumentException if the arity is not at least 1
     */
    public static CustomOp of(OpInfo.Builder info, Forward forward, Gradient gradient) {
        return new CustomOp(info, forward, gradient);
    }

    /**
     * A custom op of {@code arity} inputs.
     *
     * @param name     shown in tables and graphs
     * @param arity    how many inputs it takes (at least 1)
     * @param forward  y = f(x)
     * @param gradient fills ∂y/∂x_i
     * @return A custom op of {@code arity} inputs
     */
    public static CustomOp of(String name, int arity, Forward forward, Gradient gradient) {
        return new CustomOp(name, null, arity, forward, gradient);
    }

    /**
     * {@return as {@link #of(String, int, Forward, Gradient)}, with a short symbol to draw in graphs}
     *
     * @param name the name
     * @param symbol the short symbol drawn in graphs
     * @param arity how many inputs the op takes
     * @param forward the forward function
     * @param gradient the local derivatives, one per input
     */
    public static CustomOp of(String name, String symbol, int arity, Forward forward, Gradient gradient) {
        return new CustomOp(name, symbol, arity, forward, gradient);
    }

    /**
     * A custom op of one input.
     *
     * @param name       shown in tables and graphs
     * @param forward    y = f(x)
     * @param derivative dy/dx as a function of x and y
     * @return A custom op of one input
     */
    public static CustomOp unary(String name, DoubleUnaryOperator forward, DoubleBinaryOperator derivative) {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(derivative, "derivative");
        return new CustomOp(name, null, 1, x -> forward.applyAsDouble(x[0]),
                (x, y, g) -> g[0] = derivative.applyAsDouble(x[0], y));
    }

    @Override
    public int arity() {
        return arity;
    }

    /**
     * Runs the forward function on {@code x} (not modified).
     *
     * @param x the inputs, one per operand
     * @return the op's value
     */
    public double apply(double[] x) {
        return forward.apply(x);
    }

    private double[] gradients(Value node) {
        double[] x = new double[arity];
        for (int i = 0; i < arity; i++) {
            x[i] = node.inputs[i].data;
        }
        double[] g = new double[arity];
        gradient.gradient(x, node.data, g);
        return g;
    }

    @Override
    public double localDerivative(Value node, int i) {
        return gradients(node)[i];
    }

    @Override
    public Value localDerivativeGraph(Value node, int i) {
        throw new UnsupportedOperationException("custom op '" + name()
                + "' has only numeric derivatives; to take higher-order gradients through it,"
                + " subclass UnaryOp or BinaryOp and implement the Value form of its derivative");
    }

    @Override
    void backward(Value node) {
        double[] g = gradients(node);
        for (int i = 0; i < arity; i++) {
            node.inputs[i].grad += node.grad * g[i];
        }
    }
}
