package dev.chainrule.nn;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A fully connected layer of scalar neurons that all see the same inputs.
 *
 * <p>Parameters are named {@code n1.w1, n1.w2, n1.b, n2.w1, …}; a bias shared by the layer
 * ({@link Bias#SHARED}) is named {@code b} and comes after all the weights.
 *
 * <pre>{@code
 * Layer hidden = new Layer(2, 3, Activation.RELU, new Random(7));
 * List<Value> h = hidden.forward(Value.of(1.0), Value.of(2.0));
 * }</pre>
 */
public final class Layer implements Module {
    private final List<Neuron> neurons;

    /**
     * A layer whose neurons each have their own bias (weights uniform in [−1, 1), biases 0).
     *
     * @param nin inputs per neuron, at least 1
     * @param nout the number of neurons, at least 1
     * @param activation the activation
     * @param rng the random source; seed it for repeatable results
     */
    public Layer(int nin, int nout, Activation activation, Random rng) {
        this(nin, nout, activation, Bias.PER_NEURON, rng);
    }

    /**
     * A layer with the given bias arrangement (weights uniform in [−1, 1), biases 0).
     *
     * @param nin the number of inputs
     * @param nout the nout
     * @param activation the activation
     * @param bias the bias
     * @param rng the random source; seed it for repeatable results
     * @throws IllegalArgumentException if {@code nin} or {@code nout} is below 1
     */
    public Layer(int nin, int nout, Activation activation, Bias bias, Random rng) {
        this(build(nin, nout, activation, bias, rng));
    }

    private Layer(List<Neuron> neurons) {
        this.neurons = List.copyOf(neurons);
    }

    private static List<Neuron> build(int nin, int nout, Activation activation, Bias bias, Random rng) {
        if (nout < 1) {
            throw new IllegalArgumentException("Layer: nout must be at least 1, got " + nout);
        }
        Objects.requireNonNull(bias, "bias");
        Value shared = bias == Bias.SHARED ? Value.of(0.0, "b") : null;
        List<Neuron> out = new ArrayList<>(nout);
        for (int j = 0; j < nout; j++) {
            String prefix = "n" + (j + 1) + ".";
            List<Value> ws = Neuron.initialWeights(nin, rng, prefix);
            Value b = switch (bias) {
                case NONE -> null;
                case PER_NEURON -> Value.of(0.0, prefix + "b");
                case SHARED -> shared;
            };
            out.add(Neuron.of(ws, b, activation));
        }
        return out;
    }

    /**
     * A layer of the given neurons, which may share parameters. If their names clash (neurons made
     * with the default names all have {@code w1}), every neuron's parameters are prefixed
     * {@code n1., n2., …}; distinct names are kept.
     *
     * @param neurons at least one; all must have the same number of inputs
     * @return A layer of the given neurons, which may share parameters
     * @throws IllegalArgumentException if the list is empty or the input counts differ
     */
    public static Layer of(List<Neuron> neurons) {
        Objects.requireNonNull(neurons, "neurons");
        if (neurons.isEmpty()) {
            throw new IllegalArgumentException("Layer.of: a layer needs at least one neuron");
        }
        int nin = neurons.get(0).nin();
        for (int j = 0; j < neurons.size(); j++) {
            if (neurons.get(j).nin() != nin) {
                throw new IllegalArgumentException("Layer.of: neuron " + j + " has " + neurons.get(j).nin()
                        + " inputs but neuron 0 has " + nin);
            }
        }
        Parameters.prefixIfClashing(neurons.stream().map(Neuron::parameters).toList(), "n");
        return new Layer(neurons);
    }

    /**
     * {@return convenience for {@link #of(List)}}
     *
     * @param neurons the neurons
     */
    public static Layer of(Neuron... neurons) {
        return of(List.of(neurons));
    }

    /**
     * The outputs of every neuron for {@code x}, in neuron order.
     *
     * @param x the input
     * @return the outputs of every neuron for {@code x}, in neuron order
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public List<Value> forward(List<Value> x) {
        if (x.size() != nin()) {
            throw new IllegalArgumentException("Layer: expects " + nin() + " inputs, got " + x.size());
        }
        List<Value> out = new ArrayList<>(neurons.size());
        for (Neuron n : neurons) {
            out.add(n.forward(x));
        }
        return out;
    }

    /**
     * {@return convenience for {@link #forward(List)}}
     *
     * @param x the input
     */
    public List<Value> forward(Value... x) {
        return forward(List.of(x));
    }

    /**
     * {@return the outputs for constant inputs}
     *
     * @param x the input
     */
    public List<Value> forward(double... x) {
        return forward(Parameters.inputs(x));
    }

    /** {@return the neurons, in order} */
    public List<Neuron> neurons() {
        return neurons;
    }

    /** {@return the number of inputs per neuron} */
    public int nin() {
        return neurons.get(0).nin();
    }

    /** {@return the number of neurons (outputs)} */
    public int nout() {
        return neurons.size();
    }

    @Override
    public List<Value> parameters() {
        List<Value> uses = new ArrayList<>();
        for (Neuron n : neurons) {
            uses.addAll(n.weights());
            if (n.bias() != null) {
                uses.add(n.bias());
            }
        }
        return Parameters.lastOccurrences(uses);
    }

    /** For example {@code Layer of [ReluNeuron(2), ReluNeuron(2)]}. */
    @Override
    public String toString() {
        return "Layer of " + neurons;
    }
}
