package dev.chainrule.engine;

/**
 * What the graph walk ({@link Topo}) and the backward pass ({@link Backward}) need of a node,
 * scalar or tensor. Package-private so that nothing outside the engine can add node kinds.
 * {@link Node} is the public, read-only face of the same nodes; {@link Graph.Entry} is a node's
 * place in one {@link Graph}.
 */
abstract class GraphNode {
    /** The last graph walk that visited this node; see {@link Topo}. */
    int mark;

    /** The node's inputs, in order, duplicates kept. The live array: do not modify. */
    abstract GraphNode[] inputArray();

    /** Whether an op made this node (it is not a leaf). */
    abstract boolean madeByOp();

    /** Forgets the grad of a node made by an op, before a backward sweep. */
    abstract void resetGrad();

    /**
     * Seeds the sweep's output with {@code seed} (1 for a scalar output): a leaf adds it to its
     * grad, a node made by an op takes it.
     */
    abstract void seedGrad(double[] seed);

    /**
     * Adds this node's grad × ∂node/∂input into each input's grad with {@code +=}.
     *
     * @return false if there was nothing to pass on (a tensor that needs no grad)
     */
    abstract boolean propagate();

    /** Throws an {@link AnomalyException} if an input's grad is NaN or infinite. */
    abstract void checkInputGrads();

    /** How anomaly messages name this node, such as {@code 'r'} or {@code 'x' [2]}. */
    abstract String anomalyName();
}
