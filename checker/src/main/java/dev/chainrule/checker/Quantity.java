package dev.chainrule.checker;

import java.util.Objects;

/**
 * What one answer is about: a node's value, a gradient, a parameter's value after the update, or
 * the update step itself. Names are the program's (the student's own).
 *
 * @param kind what kind of number it is
 * @param node the node it is about: the w of dE/dw, of w', of Δw
 * @param of   for a gradient, the node differentiated (the E of dE/dw); otherwise {@code null}
 */
public record Quantity(Kind kind, String node, String of) {

    /** What kind of number an answer gives. */
    public enum Kind {
        /** A node's value, such as {@code out_h1 = 0.5933}. */
        VALUE,
        /** ∂of/∂node, such as {@code dE/dw5 = 0.0822}. */
        GRADIENT,
        /** A parameter after one gradient-descent step, w − η·∂E/∂w, such as {@code w5' = 0.3589}. */
        UPDATED,
        /** The step itself, Δw = −η·∂E/∂w, such as {@code Δw5 = -0.0411}. */
        STEP
    }

    /**
     * Checks that the names are given where the kind needs them.
     *
     * @param kind the kind
     * @param node the node
     * @param of the of
     */
    public Quantity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(node, "node");
        if ((kind == Kind.GRADIENT) != (of != null)) {
            throw new IllegalArgumentException("a gradient needs the node differentiated, and only a gradient has one");
        }
    }

    /** {@return the quantity in standard notation: out_h1, ∂E/∂w5, w5', Δw5} */
    public String symbol() {
        return switch (kind) {
            case VALUE -> node;
            case GRADIENT -> "∂" + of + "/∂" + node;
            case UPDATED -> node + "'";
            case STEP -> "Δ" + node;
        };
    }
}
