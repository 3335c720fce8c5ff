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

    /**
     * {@return the output's name, such as {@code E_total}: its label, or {@code "n" + id} for an
     * unlabelled node}
     */
    public String output() {
        return output;
    }

    /**
     * {@return the name the gradient is taken with respect to, such as {@code w5}, as it was asked
     * for (also when it is not one of {@link Explainer#names()})}
     */
    public String wrt() {
        return wrt;
    }

    /**
     * {@return ∂output/∂wrt as the derivation computes it (the product and sums it writes out);
     * 1 for the output itself, 0 for a name the output does not depend on or that is not one of
     * {@link Explainer#names()}}
     */
    public double value() {
        return value;
    }

    /**
     * {@return the gradient-descent update wrt − η·∂output/∂wrt, from wrt's value in the graph; empty
     * if no learning rate was given or {@link #wrt()} is not one of {@link Explainer#names()}
     * (there is no value to update)}
     */
    public OptionalDouble updated() {
        return learningRate == null || Double.isNaN(updated) ? OptionalDouble.empty() : OptionalDouble.of(updated);
    }

    /**
     * {@return the lines, in the order they are written, each with its nesting in
     * {@link Line#depth()}; never empty, unmodifiable}
     */
    public List<Line> lines() {
        return lines;
    }

    /**
     * How many quantities are given by their value only, because the derivation reached its
     * limit ({@link Explainer.Builder#maxSteps(int)}); 0 if nothing was left out.
     *
     * @return the number of {@link Line.Kind#LEFT_OUT} lines, 0 or more
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
