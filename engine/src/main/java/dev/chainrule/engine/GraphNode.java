package dev.chainrule.engine;

/**
 * What {@link Topo} needs of a node, scalar or tensor: its inputs as an array and a mark for the
 * walk in progress. Package-private so that nothing outside the engine can add node kinds.
 */
abstract class GraphNode {
    /** The last graph walk that visited this node; see {@link Topo}. */
    int mark;

    /** The node's inputs, in order, duplicates kept. The live array: do not modify. */
    abstract GraphNode[] inputArray();
}
