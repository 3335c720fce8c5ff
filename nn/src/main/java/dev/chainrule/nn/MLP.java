package dev.chainrule.nn;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A multi-layer perceptron of scalar neurons: layers applied one after another.
 *
 * <p>Parameters are named {@code l1.n1.w1, l1.n1.b, …} (layer, neuron, weight, all from 1), a
 * layer's shared bias {@code l1.b}. {@link #rename(String...)} gives textbook names.
 *
 * <pre>{@code
 * // micrograd's moons model: 2-16-16-1, ReLU hidden layers, linear output
 * MLP model = new MLP(2, List.of(16, 16, 1),
 *         List.of(Activation.RELU, Activation.RELU, Activation.LINEAR), new Random(1337));
 * Value score = model.forward(0.5, -0.2).get(0);
 * }</pre>
 */
public final class MLP implements Module {
    private final List<Layer> layers;

    /**
     * An MLP whose neurons each have a bias.
     *
     * @param nin the number of inputs
     * @param sizes the number of neurons in each layer
     * @param activations one activation per layer
     * @param rng the source of the initial weights (uniform in [−1, 1); biases start at 0)
     * @throws IllegalArgumentException if the lists are empty or differ in length
     */
    public MLP(int nin, List<Integer> sizes, List<Activation> activations, Random rng) {
        this(nin, sizes, activations, Bias.PER_NEURON, rng);
    }

    /**
     * An MLP with the given bias arrangement in every layer.
     *
     * @param nin the number of inputs
     * @param sizes the layer sizes
     * @param activations the activations, one per layer
     * @param bias the bias
     * @param rng the random source; seed it for repeatable results
     * @throws IllegalArgumentException if the lists are empty or differ in length
     */
    public MLP(int nin, List<Integer> sizes, List<Activation> activations, Bias bias, Random rng) {
        this(build(nin, sizes, activations, bias, rng));
    }

    private MLP(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    private static List<Layer> build(int nin, List<Integer> sizes, List<Activation> activations,
            Bias bias, Random rng) {
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(activations, "activations");
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("MLP: no layer sizes given");
        }
        if (sizes.size() != activations.size()) {
            throw new IllegalArgumentException("MLP: " + sizes.size() + " layer sizes but "
                    + activations.size() + " activations");
        }
        List<Layer> out = new ArrayList<>(sizes.size());
        int in = nin;
        for (int i = 0; i < sizes.size(); i++) {
            Layer l = new Layer(in, sizes.get(i), activations.get(i), bias, rng);
            Parameters.prefix(l.parameters(), "l" + (i + 1) + ".");
            out.add(l);
            in = sizes.get(i);
        }
        return out;
    }

    /**
     * An MLP of the given layers, which may share parameters. If their names clash (layers made
     * with the default names all have {@code n1.w1}), every layer's parameters are prefixed
     * {@code l1., l2., …}; distinct names, such as textbook ones, are kept.
     *
     * @param layers the layers
     * @return an MLP of the given layers, which may share parameters
     * @throws IllegalArgumentException if there are no layers or a layer's inputs do not match
     *     the previous layer's outputs
     */
    public static MLP of(List<Layer> layers) {
        Objects.requireNonNull(layers, "layers");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("MLP.of: no layers given");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).nin() != layers.get(i - 1).nout()) {
                throw new IllegalArgumentException("MLP.of: layer " + (i + 1) + " takes "
                        + layers.get(i).nin() + " inputs but layer " + i + " gives "
                        + layers.get(i - 1).nout());
            }
        }
        Parameters.prefixIfClashing(layers.stream().map(Layer::parameters).toList(), "l");
        return new MLP(layers);
    }

    /**
     * {@return convenience for {@link #of(List)}}
     *
     * @param layers the layers
     */
    public static MLP of(Layer... layers) {
        return of(List.of(layers));
    }

    /**
     * The outputs of the last layer for {@code x}.
     *
     * @param x the input
     * @return the outputs of the last layer for {@code x}
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public List<Value> forward(List<Value> x) {
        List<Value> h = x;
        for (Layer l : layers) {
            h = l.forward(h);
        }
        return h;
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

    /** {@return the layers, in order} */
    public List<Layer> layers() {
        return layers;
    }

    /** {@return the number of inputs} */
    public int nin() {
        return layers.get(0).nin();
    }

    /** {@return the number of outputs} */
    public int nout() {
        return layers.get(layers.size() - 1).nout();
    }

    @Override
    public List<Value> parameters() {
        List<Value> uses = new ArrayList<>();
        for (Layer l : layers) {
            uses.addAll(l.parameters());
        }
        return Parameters.lastOccurrences(uses);
    }

    /** For example {@code MLP of [Layer of [...], Layer of [...]]}. */
    @Override
    public String toString() {
        return "MLP of " + layers;
    }
}
