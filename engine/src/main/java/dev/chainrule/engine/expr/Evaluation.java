package dev.chainrule.engine.expr;

import dev.chainrule.engine.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The graph one {@link Program#evaluate(Map, String)} built: every named node, the inputs and
 * the output. Run {@code output().backward()} to fill in the grads.
 *
 * <pre>{@code
 * Evaluation ev = Program.parse("x = 3; y = x^2").evaluate(Map.of());
 * ev.output().backward();
 * ev.node("x").grad();   // 6
 * }</pre>
 */
public final class Evaluation {
    private final Map<String, Value> nodes;
    private final List<String> inputs;
    private final String outputName;

    Evaluation(Map<String, Value> nodes, List<String> inputs, String outputName) {
        this.nodes = Collections.unmodifiableMap(nodes);
        this.inputs = inputs;
        this.outputName = outputName;
    }

    /** {@return every named node by name, in the order the program names them} */
    public Map<String, Value> nodes() {
        return nodes;
    }

    /**
     * The node called {@code name}.
     *
     * @param name the name
     * @return the node called {@code name}
     * @throws IllegalArgumentException if the program has no such node
     */
    public Value node(String name) {
        Value v = nodes.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the program has no node named '" + name + "'");
        }
        return v;
    }

    /** {@return the names of the inputs (the leaves the user can set), in order} */
    public List<String> inputs() {
        return inputs;
    }

    /** {@return the output node} */
    public Value output() {
        return nodes.get(outputName);
    }

    /** {@return the output's name} */
    public String outputName() {
        return outputName;
    }
}
