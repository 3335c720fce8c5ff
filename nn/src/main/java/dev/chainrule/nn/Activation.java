package dev.chainrule.nn;

import dev.chainrule.engine.Value;

/**
 * The activation a neuron applies to its weighted sum.
 *
 * <p>{@link #LINEAR} adds no node: the neuron's output is its sum itself (as in micrograd's
 * linear output layer). Every other activation adds one node, named after the op.
 */
public enum Activation {
    /** No activation: the output is the weighted sum. */
    LINEAR,
    /** max(0, x). */
    RELU,
    /** tanh(x). */
    TANH,
    /** σ(x) = 1/(1 + e^−x). */
    SIGMOID,
    /** Heaviside step (1 if x ≥ 0, else 0); passes no gradient. Used by the perceptron. */
    STEP,
    /** x for x &gt; 0, else 0.01·x. */
    LEAKY_RELU,
    /** log(1 + e^x). */
    SOFTPLUS,
    /** ELU with alpha 1. */
    ELU,
    /** GELU (tanh form). */
    GELU,
    /** x·σ(x). */
    SILU;

    /**
     * Applies this activation to {@code x}.
     *
     * @param x the weighted sum (not modified)
     * @return the activated value; {@code x} itself for {@link #LINEAR}
     */
    public Value apply(Value x) {
        switch (this) {
            case LINEAR:
                return x;
            case RELU:
                return x.relu();
            case TANH:
                return x.tanh();
            case SIGMOID:
                return x.sigmoid();
            case STEP:
                return x.step();
            case LEAKY_RELU:
                return x.leakyRelu(0.01);
            case SOFTPLUS:
                return x.softplus();
            case ELU:
                return x.elu();
            case GELU:
                return x.gelu();
            case SILU:
                return x.silu();
            default:
                throw new AssertionError(this);
        }
    }
}
