package dev.chainrule.viz.explain;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The worked derivation of one gradient, ∂output/∂node, as a teacher writes it on the board: the
 * chain rule in the user's names, each factor's local derivative as a formula and a number, the
 * sum over paths where a node feeds several others (each path's upstream gradient a named
 * δ, derived once), the product, and the gradient-descent update when a learning rate is given.
 * Made by {@link Explainer}; written out by {@link DerivationWriter}.
 */
public final class Derivation {
    private final String output;
    private final String wrt;
    private final double value;
    private final Double learningRate;
    private final double updated;
    private final List<Line> lines;
    private final int leftOut;

    Derivation(String output, String wrt, double value, Double learningRate, double updated, List<Line> lines,
            int leftOut) {
        this.output = output;
        this.wrt = wrt;
        this.value = value;
        this.learningRate = learningRate;
        this.updated = updated;
        this.lines = List.copyOf(lines);
        this.leftOut = leftOut;
    }

    /** The output's name, such as {@code E_total}. */
    public String output() {
        return output;
    }

    /** The name of the node the gradient is taken with respect to, such as {@code w5}. */
    public String wrt() {
        return wrt;
    }

    /** ∂output/∂wrt as the derivation computes it (the product and sums it writes out). */
    public double value() {
        return value;
    }

    /** wrt − η·∂output/∂wrt, if a learning rate was given. */
    public OptionalDouble updated() {
        return learningRate == null ? OptionalDouble.empty() : OptionalDouble.of(updated);
    }

    /** The lines, in the order they are written. */
    public List<Line> lines() {
        return lines;
    }

    /**
     * How many quantities are given by their value only, because the derivation reached its
     * limit ({@link Explainer.Builder#maxSteps(int)}); 0 if nothing was left out.
     */
    public int leftOut() {
        return leftOut;
    }

    /** The derivation in Unicode text, 9 significant digits. */
    @Override
    public String toString() {
        return DerivationWriter.text(Notation.UNICODE, Digits.DEFAULT).write(List.of(this));
    }
}
