package dev.chainrule.nn;

/** Whether and how a layer's neurons have a bias. */
public enum Bias {
    /** No bias: a neuron's sum is Σ w_i·x_i. */
    NONE,
    /** Each neuron has its own bias (the usual choice, and micrograd's). */
    PER_NEURON,
    /**
     * One bias shared by every neuron of the layer, as in the textbook 2-2-2 network where both
     * hidden units use b1 and both outputs use b2.
     */
    SHARED
}
