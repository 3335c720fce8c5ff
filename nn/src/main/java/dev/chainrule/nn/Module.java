package dev.chainrule.nn;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scalar model: something with named {@link Value} parameters, one Value per weight.
 *
 * <p>A parameter's name is its Value's {@linkplain Value#label() label}, so the names show in
 * graphs and tables. Parameters come in a fixed order: layer by layer, neuron by neuron, each
 * neuron's weights then its bias. A parameter used in several places (a shared bias) is listed
 * once, at its last use.
 *
 * <pre>{@code
 * MLP net = new MLP(2, List.of(2, 2), List.of(Activation.SIGMOID, Activation.SIGMOID),
 *         Bias.SHARED, new Random(1));
 * net.rename("w1", "w2", "w3", "w4", "b1", "w5", "w6", "w7", "w8", "b2");
 * net.set("w1", 0.15);
 * }</pre>
 */
public interface Module {

    /**
     * The parameters in order, each once.
     *
     * @return a new list; changing it does not change the module
     */
    List<Value> parameters();

    /**
     * The parameters by name, in the order of {@link #parameters()}.
     *
     * @return an unmodifiable, ordered map
     * @throws IllegalStateException if a parameter has no label or two parameters share one
     */
    default Map<String, Value> namedParameters() {
        return Parameters.named(parameters());
    }

    /** {@return the number of parameters (a shared one counts once)} */
    default int parameterCount() {
        return parameters().size();
    }

    /** Sets the grad of every parameter to 0; call it before each backward pass. */
    default void zeroGrad() {
        for (Value p : parameters()) {
            p.clearGrad();
        }
    }

    /**
     * The parameter called {@code name}.
     *
     * @param name the name
     * @return the parameter called {@code name}
     * @throws IllegalArgumentException if there is none; the message lists the names there are
     */
    default Value parameter(String name) {
        Map<String, Value> named = namedParameters();
        Value p = named.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; the parameters are "
                    + named.keySet());
        }
        return p;
    }

    /**
     * Sets the parameter called {@code name} to {@code value}.
     *
     * @param name the name
     * @param value the value
     * @throws IllegalArgumentException if there is no such parameter or the value is NaN
     */
    default void set(String name, double value) {
        parameter(name).setData(value);
    }

    /**
     * Sets every parameter, by position (the order of {@link #parameters()}).
     *
     * @param values one value per parameter (not modified)
     * @throws IllegalArgumentException if the count differs from {@link #parameterCount()}
     */
    default void setParameters(double... values) {
        List<Value> ps = parameters();
        if (values.length != ps.size()) {
            throw new IllegalArgumentException("setParameters: the model has " + ps.size()
                    + " parameters, got " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            ps.get(i).setData(values[i]);
        }
    }

    /** {@return the current parameter values, in the order of {@link #parameters()}} */
    default double[] parameterValues() {
        List<Value> ps = parameters();
        double[] out = new double[ps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ps.get(i).data();
        }
        return out;
    }

    /**
     * Renames every parameter, by position; the names become the Values' labels.
     *
     * @param names one distinct, non-blank name per parameter (not modified)
     * @throws IllegalArgumentException if the count differs, a name is blank or repeated
     */
    default void rename(String... names) {
        List<Value> ps = parameters();
        if (names.length != ps.size()) {
            throw new IllegalArgumentException("rename: the model has " + ps.size()
                    + " parameters, got " + names.length + " names");
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new IllegalArgumentException("rename: name " + i + " is blank");
            }
            if (seen.contains(names[i])) {
                throw new IllegalArgumentException("rename: name '" + names[i] + "' is given twice");
            }
            seen.add(names[i]);
        }
        for (int i = 0; i < names.length; i++) {
            ps.get(i).label(names[i]);
        }
    }
}
