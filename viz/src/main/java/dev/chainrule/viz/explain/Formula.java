package dev.chainrule.viz.explain;

import java.util.Objects;

/**
 * One side of a derivation line: a formula in the user's names, such as
 * {@code out_o1·(1 − out_o1)} or {@code ∂E_total/∂out_o1 · ∂out_o1/∂net_o1}, that knows the value
 * of every name in it, so that it can be written in names or in numbers, in any
 * {@link Notation}. Immutable.
 *
 * <pre>{@code
 * Formula f = line.sides().get(0).formula();
 * f.write(Notation.UNICODE, 9, false)   // "out_o1·(1 − out_o1)"
 * f.write(Notation.UNICODE, 9, true)    // "0.75136507·(1 − 0.75136507)"
 * f.write(Notation.LATEX, 9, false)     // "out_{o1} \cdot (1 - out_{o1})"
 * }</pre>
 */
public final class Formula {
    private final Term term;

    Formula(Term term) {
        this.term = Objects.requireNonNull(term, "term");
    }

    Term term() {
        return term;
    }

    /**
     * The formula written out.
     *
     * @param notation Unicode, ASCII or LaTeX
     * @param digits   significant digits for numbers (1 to 17)
     * @param numbers  whether every name is written as its value
     * @return the formula as text in that notation, in names or, when {@code numbers}, with each name
     *     replaced by its value written to {@code digits} significant digits
     * @throws IllegalArgumentException if digits is below 1 or above 17
     */
    public String write(Notation notation, int digits, boolean numbers) {
        Objects.requireNonNull(notation, "notation");
        return new TermWriter(notation, Explainer.checkDigits(digits), numbers).write(term);
    }

    /**
     * {@return the formula's value, computed from the values of its names with the op registry's own
     * functions; NaN if it is words rather than arithmetic}
     */
    public double value() {
        return TermValue.of(term);
    }

    /**
     * {@return whether the formula is a single name, number, constant, ∂a/∂b or δ, which writing in
     * numbers would only repeat}
     */
    public boolean isAtom() {
        return term instanceof Term.Num || term instanceof Term.Ref || term instanceof Term.Partial
                || term instanceof Term.Delta || term instanceof Term.Constant;
    }

    /** The formula in Unicode with 9 significant digits, in names. */
    @Override
    public String toString() {
        return write(Notation.UNICODE, Digits.DEFAULT, false);
    }
}
