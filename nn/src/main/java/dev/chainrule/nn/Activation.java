package dev.chainrule.nn;

import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.UnaryOp;
import dev.chainrule.engine.Value;

/**
 * The activation a neuron applies to its weighted sum.
 *
 * <p>{@link #LINEAR} adds no node: the neuron's output is its sum itself (as in micrograd's
 * linear output layer). Every other activation adds one node, named after the op. The same
 * activations apply elementwise to tensors. Each applies the engine op of the same name in
 * {@link OpRegistry}, at its default parameters.
 */
public enum Activation {
    /** No activation: the output is the weighted sum. */
    LINEAR(null),
    /** max(0, x). */
    RELU("relu"),
    /** tanh(x). */
    TANH("tanh"),
    /** σ(x) = 1/(1 + e^−x). */
    SIGMOID("sigmoid"),
    /** Heaviside step (1 if x ≥ 0, else 0); passes no gradient. Used by the perceptron. */
    STEP("step"),
    /**
     * The course material's Sign: 1 if x ≥ 0, else −1 (a step between −1 and 1; the engine's
     * {@code sign} is signum, 0 at 0); passes no gradient.
     */
    BIPOLAR_STEP("bipolar_step"),
    /** x for x &gt; 0, else 0.01·x (the registry's default slope). */
    LEAKY_RELU("leaky_relu"),
    /** log(1 + e^x). */
    SOFTPLUS("softplus"),
    /** ELU with alpha 1. */
    ELU("elu"),
    /** GELU (tanh form). */
    GELU("gelu"),
    /** x·σ(x). */
    SILU("silu");

    /** The engine op, at the registry's default parameters; null for {@link #LINEAR}. */
    private final UnaryOp op;

    Activation(String opName) {
        this.op = opName == null ? null : (UnaryOp) OpRegistry.get(opName).op();
    }

    /** {@return the registry's metadata of the op this activation applies, or {@code null} for {@link #LINEAR}} */
    public OpInfo info() {
        return op == null ? null : op.info();
    }

    /**
     * Applies this activation to {@code x}.
     *
     * @param x the weighted sum (not modified)
     * @return the activated value; {@code x} itself for {@link #LINEAR}
     */
    public Value apply(Value x) {
        return op == null ? x : x.apply(op);
    }

    /**
     * Applies this activation elementwise to {@code x}.
     *
     * @param x the pre-activations (not modified)
     * @return the activated tensor; {@code x} itself for {@link #LINEAR}
     */
    public Tensor apply(Tensor x) {
        return op == null ? x : x.apply(op);
    }
}
