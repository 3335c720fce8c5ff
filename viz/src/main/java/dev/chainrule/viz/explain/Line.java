package dev.chainrule.viz.explain;

import java.util.List;
import java.util.Objects;

/**
 * One line of a derivation: a left-hand side and the formulas it equals, in order, such as
 * {@code ∂out_o1/∂net_o1 = out_o1·(1 − out_o1) = 0.75136507·(1 − 0.75136507) = 0.186815602};
 * an indentation depth (the parts of a quantity are one deeper than the quantity); and an
 * optional note in words.
 */
public final class Line {

    /** What a line says. */
    public enum Kind {
        /** The chain rule for a quantity: ∂E/∂w5 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5. */
        CHAIN,
        /** A node that feeds several others: its gradient is the sum over those paths. */
        PATHS,
        /** A local derivative: the op's formula in the user's names, then in numbers, then its value. */
        LOCAL,
        /** The chain rule's product in numbers. */
        PRODUCT,
        /** One path's term of a sum over paths, in numbers. */
        TERM,
        /** The sum over paths in numbers. */
        SUM,
        /** A quantity derived earlier, with its value. */
        ABOVE,
        /** A quantity whose derivation was left out (a limit was reached), with its value. */
        LEFT_OUT,
        /** The gradient-descent update w⁺ = w − η·∂E/∂w. */
        UPDATE,
        /** A quantity with nothing to derive (the output itself, or a node the output does not depend on). */
        GIVEN
    }

    /**
     * One formula on the right of an equals sign.
     *
     * @param formula the formula
     * @param numbers whether it is written with each name replaced by its value
     */
    public record Side(Formula formula, boolean numbers) {
        /**
         * Checks the formula is given.
         *
         * @param formula the formula on the right of the equals sign
         * @param numbers whether it is written with each name replaced by its value
         * @throws NullPointerException if {@code formula} is null
         */
        public Side {
            Objects.requireNonNull(formula, "formula");
        }
    }

    private final Kind kind;
    private final int depth;
    private final Formula left;
    private final List<Side> sides;
    private final String note;

    Line(Kind kind, int depth, Term left, List<Side> sides, String note) {
        this.kind = kind;
        this.depth = depth;
        this.left = new Formula(left);
        this.sides = List.copyOf(sides);
        this.note = note;
    }

    /**
     * {@return what the line says, such as {@link Kind#CHAIN} for the chain rule of a quantity or
     * {@link Kind#LOCAL} for a local derivative}
     */
    public Kind kind() {
        return kind;
    }

    /**
     * {@return how deep the line is nested: 0 for the quantity asked for, one more for each part of
     * a part}
     */
    public int depth() {
        return depth;
    }

    /** {@return the left-hand side, such as ∂E_total/∂w5 or δ_net_o1} */
    public Formula left() {
        return left;
    }

    /**
     * {@return the right-hand sides in order, each after an equals sign; the last is the value when
     * the line has one; never empty, unmodifiable}
     */
    public List<Side> sides() {
        return sides;
    }

    /**
     * {@return a remark in words (in Unicode), such as "out_h1 feeds net_o1 and net_o2: the paths
     * add", or {@code null} if the line has none}
     */
    public String note() {
        return note;
    }

    /** The line in Unicode, 9 significant digits. */
    @Override
    public String toString() {
        return DerivationWriter.text(Notation.UNICODE, Digits.DEFAULT).line(this);
    }
}
