package dev.chainrule.engine;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The read-only face of a graph node, scalar or tensor. Renderers, the CLI and the test kit see
 * nodes only through this interface (usually via {@link Graph}), never through engine internals.
 */
public interface Node {

    /** {@return the node's label, such as {@code "q"} or {@code "w5"}, or {@code null} if it has none} */
    String label();

    /** {@return the name of the op that made this node ({@code "add"}, {@code "sigmoid"}), or {@code null} for a leaf} */
    String opName();

    /** {@return the short symbol of that op ({@code "+"}, {@code "σ"}), or {@code null} for a leaf} */
    String opSymbol();

    /** {@return the node's inputs in order; duplicates are kept ({@code x·x} lists x twice)} Empty for a leaf. */
    List<? extends Node> inputs();

    /** {@return the node's shape: {@code []} for a scalar} A fresh array. */
    int[] shape();

    /** {@return a copy of the node's values, row-major} */
    double[] dataSnapshot();

    /** {@return a copy of the node's gradient, row-major, or {@code null} if it has none yet} */
    double[] gradSnapshot();

    /**
     * The local derivative ∂this/∂input at the current values, where that is a single number
     * (scalar nodes); empty otherwise.
     *
     * @param input which input, from 0
     * @return the local derivative ∂this/∂input at the current values, where that is a single number (scalar
     *     nodes); empty otherwise
     */
    OptionalDouble localDerivative(int input);
}
