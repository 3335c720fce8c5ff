package dev.chainrule.checker;

import java.util.List;

/**
 * One entry of the catalogue of mistakes students make in backprop by hand: a small, declared
 * transformation of the program, of its backward pass or of the update, that the checker
 * recomputes the whole network with. An answer that matches the recomputed number at the
 * precision written is named as that mistake; a right answer that also matches it is
 * {@link Verdict#UNCLEAR}.
 *
 * <p>Adding a mistake is one class implementing this and its test, plus a line in
 * {@link Catalogue}.
 */
interface Mistake {
    /** A short name for the catalogue table, such as "activation derivative left out". */
    String name();

    /**
     * At most this many variants per entry: each is a recomputation of the network, and a long
     * program should not make checking one answer quadratic in its size.
     */
    int MAX_VARIANTS = 400;

    /** The ways this mistake can be made on {@code net} (at each node where it can), each recomputed. */
    List<Variant> variants(Network net);
}
