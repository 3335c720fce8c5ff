package dev.chainrule.nn;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One neuron: {@code activation(b + w1·x1 + w2·x2 + …)}.
 *
 * <p>The sum is one Σ node whose inputs are the bias, then each product w_i·x_i, added left to
 * right starting from b. That is micrograd's order, so a micrograd model rebuilt here gives
 * the same float64 bits.
 *
 * <pre>{@code
 * Neuron n = new Neuron(2, Activation.TANH, new Random(42));
 * Value out = n.forward(1.0, -2.0);
 * }</pre>
 *
 * <p>Parameters are {@code w1 … wn}, then {@code b}, unless a {@link Layer} or {@link MLP}
 * prefixes them or {@link #rename(String...)} renames them.
 */
public final class Neuron implements Module {
    private final List<Value> weights;
    private final Value bias;
    private final Activation activation;

    /**
     * A neuron with a bias, weights drawn uniformly from [−1, 1) and bias 0 (micrograd's
     * initialisation).
     *
     * @param nin the number of inputs, at least 1
     * @param activation the activation
     * @param rng the source of the initial weights
     */
    public Neuron(int nin, Activation activation, Random rng) {
        this(nin, activation, true, rng);
    }

    /**
     * A neuron, with or without a bias; weights uniform in [−1, 1), bias 0.
     *
     * @param nin the number of inputs
     * @param activation the activation
     * @param bias the bias
     * @param rng the random source; seed it for repeatable results
     * @throws IllegalArgumentException if {@code nin < 1}
     */
    public Neuron(int nin, Activation activation, boolean bias, Random rng) {
        this(initialWeights(nin, rng, ""), bias ? Value.of(0.0, "b") : null, activation);
    }

    private Neuron(List<Value> weights, Value bias, Activation activation) {
        this.weights = List.copyOf(weights);
        this.bias = bias;
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    /**
     * A neuron made of the given Values, so parameters can be shared or named by hand (for
     * example the textbook's w1, w2 and a bias b1 shared with another neuron). Values without a
     * label are labelled {@code w1 … wn} and {@code b}.
     *
     * @param weights the weights, at least one (the Values are used, not copied)
     * @param bias the bias, or {@code null} for none
     * @param activation the activation
     * @return A neuron made of the given Values, so parameters can be shared or named by hand (for example
     *     the textbook's w1, w2 and a bias b1 shared with another neuron)
     * @throws IllegalArgumentException if {@code weights} is empty
     */
    public static Neuron of(List<Value> weights, Value bias, Activation activation) {
        Objects.requireNonNull(weights, "weights");
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("Neuron.of: a neuron needs at least one weight");
        }
        for (int i = 0; i < weights.size(); i++) {
            Value w = Objects.requireNonNull(weights.get(i), "Neuron.of: weight " + i + " is null");
            if (w.label() == null) {
                w.label("w" + (i + 1));
            }
        }
        if (bias != null && bias.label() == null) {
            bias.label("b");
        }
        return new Neuron(weights, bias, activation);
    }

    /**
     * A neuron with a bias whose weights and bias all start at 0 (the classic start of the
     * perceptron and of logistic regression).
     *
     * @param nin the number of inputs
     * @param activation the activation
     * @return A neuron with a bias whose weights and bias all start at 0 (the classic start of the
     *     perceptron and of logistic regression)
     * @throws IllegalArgumentException if {@code nin < 1}
     */
    public static Neuron zeros(int nin, Activation activation) {
        if (nin < 1) {
            throw new IllegalArgumentException("Neuron: nin must be at least 1, got " + nin);
        }
        List<Value> ws = new ArrayList<>(nin);
        for (int i = 0; i < nin; i++) {
            ws.add(Value.of(0.0, "w" + (i + 1)));
        }
        return new Neuron(ws, Value.of(0.0, "b"), activation);
    }

    static List<Value> initialWeights(int nin, Random rng, String prefix) {
        if (nin < 1) {
            throw new IllegalArgumentException("Neuron: nin must be at least 1, got " + nin);
        }
        Objects.requireNonNull(rng, "rng");
        List<Value> ws = new ArrayList<>(nin);
        for (int i = 0; i < nin; i++) {
            ws.add(Value.of(rng.nextDouble() * 2 - 1, prefix + "w" + (i + 1)));
        }
        return ws;
    }

    /**
     * The neuron's output for {@code x}.
     *
     * @param x one Value per input (not modified)
     * @return the neuron's output for {@code x}
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public Value forward(List<Value> x) {
        if (x.size() != weights.size()) {
            throw new IllegalArgumentException("Neuron: expects " + weights.size() + " inputs, got "
                    + x.size());
        }
        // One Σ node over b, w1·x1, w2·x2, …, filled in place (no list of terms copied into it).
        Value sum = bias != null ? Value.affine(bias, weights, x) : Value.dot(weights, x);
        return activation.apply(sum);
    }

    /**
     * {@return the neuron's output for constant inputs {@code x}}
     *
     * @param x the input
     */
    public Value forward(double... x) {
        return forward(Parameters.inputs(x));
    }

    /** {@return the weights, in input order} */
    public List<Value> weights() {
        return weights;
    }

    /** {@return the bias, or {@code null} if this neuron has none} */
    public Value bias() {
        return bias;
    }

    /** {@return whether this neuron has a bias} */
    public boolean hasBias() {
        return bias != null;
    }

    /** {@return the activation} */
    public Activation activation() {
        return activation;
    }

    /** {@return the number of inputs} */
    public int nin() {
        return weights.size();
    }

    /** The weights, then the bias if there is one. */
    @Override
    public List<Value> parameters() {
        List<Value> ps = new ArrayList<>(weights);
        if (bias != null) {
            ps.add(bias);
        }
        return Parameters.lastOccurrences(ps);
    }

    /** For example {@code ReluNeuron(2)}, as micrograd prints it. */
    @Override
    public String toString() {
        String a = activation.name().charAt(0) + activation.name().substring(1).toLowerCase();
        return a.replace("_", "") + "Neuron(" + weights.size() + ")";
    }
}
