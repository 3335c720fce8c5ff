package dev.chainrule.viz.explain;

import java.util.List;

/**
 * One node of a formula tree: what a derivation line writes on either side of its equals signs.
 * Leaves are numbers, the user's names (each with its value, so that a line can be written once
 * in names and once in numbers) and derivative symbols; inner nodes are the arithmetic a
 * derivative formula needs. {@link Fold} simplifies a tree, {@link TermWriter} writes one.
 */
sealed interface Term {

    /** A number written as itself: a constant of the program or of a formula. */
    record Num(double value) implements Term {
    }

    /** A named mathematical constant: e or π. */
    record Constant(String symbol, double value) implements Term {
    }

    /**
     * A node or input by its name, with its value. {@code updated} marks the value after one
     * gradient-descent step (w5⁺).
     */
    record Ref(String name, double value, boolean updated) implements Term {
        Ref(String name, double value) {
            this(name, value, false);
        }
    }

    /** ∂of/∂wrt, with its value. */
    record Partial(String of, String wrt, double value) implements Term {
    }

    /** δ_node: a named upstream gradient ∂output/∂node, with its value. */
    record Delta(String node, double value) implements Term {
    }

    /** −x. */
    record Neg(Term x) implements Term {
    }

    /** The terms added left to right (a term may be a {@link Neg}: then it is subtracted). */
    record Sum(List<Term> terms) implements Term {
        public Sum {
            terms = List.copyOf(terms);
        }
    }

    /** The factors multiplied left to right. */
    record Product(List<Term> factors) implements Term {
        public Product {
            factors = List.copyOf(factors);
        }
    }

    /** numerator / denominator. */
    record Quotient(Term numerator, Term denominator) implements Term {
    }

    /** base ^ exponent. */
    record Power(Term base, Term exponent) implements Term {
    }

    /** A function applied to its arguments, such as σ(net_h1) or max(a, b). */
    record Call(String function, List<Term> args) implements Term {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** |x|. */
    record Abs(Term x) implements Term {
    }

    /**
     * A formula that is not arithmetic, such as relu's {@code 1 if x > 0, else 0}: its text, with
     * the terms put in where the template had placeholders. Each piece is a String or a Term.
     */
    record Words(List<Object> pieces) implements Term {
        public Words {
            pieces = List.copyOf(pieces);
        }
    }
}
