package dev.chainrule.checker;

/**
 * The local derivatives a backward pass multiplies by. The standard rule takes each op's own; a
 * mistake in the catalogue is often a rule that changes a few of them (σ′ left out, σ′ taken at
 * the net input, one path of a sum left out).
 */
interface BackwardRule {
    /** Each op's own local derivative. */
    BackwardRule STANDARD = (tape, values, node, input, standard) -> standard;

    /**
     * The local derivative ∂node/∂input to use.
     *
     * @param tape     the graph
     * @param values   every node's value in this pass
     * @param node     the node's index
     * @param input    the input's position among the node's inputs
     * @param standard the op's own local derivative there
     */
    double local(Tape tape, double[] values, int node, int input, double standard);

    /** ∂root/∂root: 1, unless the mistake scales the loss. */
    default double seed(Tape tape, int root) {
        return 1;
    }
}
