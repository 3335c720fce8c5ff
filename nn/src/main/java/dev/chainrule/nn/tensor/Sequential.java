package dev.chainrule.nn.tensor;

import dev.chainrule.engine.Tensor;
import dev.chainrule.nn.Activation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Modules applied one after another. The parameters of the k-th module that has any are
 * prefixed {@code lk.}: an MLP's parameters are {@code l1.weight, l1.bias, l2.weight, …}.
 *
 * <pre>{@code
 * Sequential net = Sequential.mlp(64, List.of(64, 10), Activation.RELU, Init.heNormal(), new Random(0));
 * Tensor loss = Losses.softmaxCrossEntropy(net.forward(x), labels);
 * }</pre>
 */
public final class Sequential implements TensorModule {
    private final List<TensorModule> modules;

    /**
     * Chains {@code modules}, prefixing their parameter names.
     *
     * @param modules the modules to chain, in order
     * @throws IllegalArgumentException if there are no modules
     */
    public Sequential(TensorModule... modules) {
        this(List.of(modules));
    }

    /**
     * Chains {@code modules}, prefixing their parameter names.
     *
     * @param modules the modules to chain, in order
     * @throws IllegalArgumentException if there are no modules
     */
    public Sequential(List<TensorModule> modules) {
        Objects.requireNonNull(modules, "modules");
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("Sequential: no modules given");
        }
        this.modules = List.copyOf(modules);
        int k = 0;
        for (TensorModule m : this.modules) {
            if (!m.parameters().isEmpty()) {
                TensorModule.prefix(m, "l" + (++k) + ".");
            }
        }
    }

    /**
     * A multi-layer perceptron: {@code Linear} layers of the given sizes, {@code hidden} after
     * every layer but the last, whose output is linear (logits or scores).
     *
     * @param nin the number of input features
     * @param sizes the units of each layer, the last being the number of outputs
     * @param hidden the activation of the hidden layers
     * @param init how weights are drawn (biases start at 0)
     * @param rng the source of the initial weights
     * @return A multi-layer perceptron: {@code Linear} layers of the given sizes, {@code hidden} after every
     *     layer but the last, whose output is linear (logits or scores)
     * @throws IllegalArgumentException if {@code sizes} is empty or a size is below 1
     */
    public static Sequential mlp(int nin, List<Integer> sizes, Activation hidden, Init init, Random rng) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("Sequential.mlp: no layer sizes given");
        }
        List<TensorModule> ms = new ArrayList<>();
        int in = nin;
        for (int i = 0; i < sizes.size(); i++) {
            ms.add(new Linear(in, sizes.get(i), init, rng));
            if (i + 1 < sizes.size()) {
                ms.add(new ActivationLayer(hidden));
            }
            in = sizes.get(i);
        }
        return new Sequential(ms);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (TensorModule m : modules) {
            h = m.forward(h);
        }
        return h;
    }

    /** {@return the modules, in order} */
    public List<TensorModule> modules() {
        return modules;
    }

    @Override
    public List<Tensor> parameters() {
        IdentityHashMap<Tensor, Boolean> seen = new IdentityHashMap<>();
        List<Tensor> out = new ArrayList<>();
        for (TensorModule m : modules) {
            for (Tensor p : m.parameters()) {
                if (seen.put(p, Boolean.TRUE) == null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** For example {@code Sequential[Linear(64 -> 64), RELU, Linear(64 -> 10)]}. */
    @Override
    public String toString() {
        return "Sequential" + modules;
    }
}
