package dev.chainrule.checker;

/**
 * The local derivatives a backward pass multiplies by. The standard rule takes each op's own; a
 * mistake in the catalogue is often a rule that changes a few of them (σ′ left out, σ′ taken at
 * the net input, one path of a sum left out).
 */
interface BackwardRule {
    /**
     * Each op's own local derivative, except that σ′ and tanh′ are taken from the node's output as a
     * student computes them by hand (out(1 − out), 1 − out²). At true values the two agree to rounding;
     * at a student's rounded output carried forward, only this form reproduces the student's number.
     */
    BackwardRule STANDARD = (tape, values, node, input, standard) -> switch (tape.opName(node)) {
        case "sigmoid" -> values[node] * (1 - values[node]);
        case "tanh" -> 1 - values[node] * values[node];
        default -> standard;
    };

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
