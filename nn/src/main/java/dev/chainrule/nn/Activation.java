package dev.chainrule.nn;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.util.function.UnaryOperator;

/**
 * The activation a neuron applies to its weighted sum.
 *
 * <p>{@link #LINEAR} adds no node: the neuron's output is its sum itself (as in micrograd's
 * linear output layer). Every other activation adds one node, named after the op. The same
 * activations apply elementwise to tensors.
 */
public enum Activation {
    /** No activation: the output is the weighted sum. */
    LINEAR(x -> x, x -> x),
    /** max(0, x). */
    RELU(Value::relu, Tensor::relu),
    /** tanh(x). */
    TANH(Value::tanh, Tensor::tanh),
    /** σ(x) = 1/(1 + e^−x). */
    SIGMOID(Value::sigmoid, Tensor::sigmoid),
    /** Heaviside step (1 if x ≥ 0, else 0); passes no gradient. Used by the perceptron. */
    STEP(Value::step, Tensor::step),
    /** x for x &gt; 0, else 0.01·x. */
    LEAKY_RELU(x -> x.leakyRelu(0.01), x -> x.leakyRelu(0.01)),
    /** log(1 + e^x). */
    SOFTPLUS(Value::softplus, Tensor::softplus),
    /** ELU with alpha 1. */
    ELU(Value::elu, Tensor::elu),
    /** GELU (tanh form). */
    GELU(Value::gelu, Tensor::gelu),
    /** x·σ(x). */
    SILU(Value::silu, Tensor::silu);

    private final UnaryOperator<Value> scalar;
    private final UnaryOperator<Tensor> tensor;

    Activation(UnaryOperator<Value> scalar, UnaryOperator<Tensor> tensor) {
        this.scalar = scalar;
        this.tensor = tensor;
    }

    /**
     * Applies this activation to {@code x}.
     *
     * @param x the weighted sum (not modified)
     * @return the activated value; {@code x} itself for {@link #LINEAR}
     */
    public Value apply(Value x) {
        return scalar.apply(x);
    }

    /**
     * Applies this activation elementwise to {@code x}.
     *
     * @param x the pre-activations (not modified)
     * @return the activated tensor; {@code x} itself for {@link #LINEAR}
     */
    public Tensor apply(Tensor x) {
        return tensor.apply(x);
    }
}
