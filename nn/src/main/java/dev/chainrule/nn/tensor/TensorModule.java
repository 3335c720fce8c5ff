package dev.chainrule.nn.tensor;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model on tensors: a forward function of a batch and named {@link Tensor} parameters. A
 * parameter's name is its tensor's {@linkplain Tensor#label() label}.
 *
 * <pre>{@code
 * Sequential net = Sequential.mlp(64, List.of(64, 10), Activation.RELU, Init.heNormal(), new Random(0));
 * Tensor logits = net.forward(x);           // x: [batch, 64]
 * }</pre>
 */
public interface TensorModule {

    /**
     * The module's output for a batch.
     *
     * @param x the input, typically [batch, features] (not modified)
     * @return the module's output for a batch
     */
    Tensor forward(Tensor x);

    /** {@return the parameters in order, each once; empty for a module without any} */
    List<Tensor> parameters();

    /**
     * The parameters by name, in order.
     *
     * @return the parameters by name, in order
     * @throws IllegalStateException if a parameter has no label or two share one
     */
    default Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<Tensor> ps = parameters();
        for (int i = 0; i < ps.size(); i++) {
            String name = ps.get(i).label();
            if (name == null) {
                throw new IllegalStateException("parameter " + i + " has no name; give it a label");
            }
            if (out.put(name, ps.get(i)) != null) {
                throw new IllegalStateException("two parameters are named '" + name + "'");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The parameter called {@code name}.
     *
     * @param name the name
     * @return the parameter called {@code name}
     * @throws IllegalArgumentException if there is none; the message lists the names there are
     */
    default Tensor parameter(String name) {
        Map<String, Tensor> named = namedParameters();
        Tensor p = named.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; the parameters are " + named.keySet());
        }
        return p;
    }

    /** {@return the number of numbers in all parameters} */
    default int parameterCount() {
        int n = 0;
        for (Tensor p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /** Clears every parameter's gradient; call it before each backward pass. */
    default void zeroGrad() {
        for (Tensor p : parameters()) {
            p.clearGrad();
        }
    }

    /**
     * The index of the largest output of each row (the predicted class), computed without a graph.
     *
     * @param x the inputs, [batch, features]
     * @return the index of the largest output of each row (the predicted class), computed without a graph
     * @throws IllegalStateException if the output is not [batch, classes]
     */
    default int[] predictClasses(Tensor x) {
        Tensor out;
        try (Autograd.Scope s = Autograd.noGrad()) {
            out = forward(x);
        }
        if (out.rank() != 2) {
            throw new IllegalStateException("predictClasses: the output has shape "
                    + java.util.Arrays.toString(out.shape()) + "; expected [batch, classes]");
        }
        int rows = out.shape(0);
        int cols = out.shape(1);
        double[] d = out.dataArray();
        int[] classes = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < cols; c++) {
                if (d[r * cols + c] > d[r * cols + best]) {
                    best = c;
                }
            }
            classes[r] = best;
        }
        return classes;
    }

    /**
     * Prefixes every parameter label of {@code module} with {@code prefix}.
     *
     * @param module the module
     * @param prefix the prefix
     */
    static void prefix(TensorModule module, String prefix) {
        for (Tensor p : new ArrayList<>(module.parameters())) {
            p.label(prefix + p.label());
        }
    }
}
