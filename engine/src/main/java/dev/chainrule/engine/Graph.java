package dev.chainrule.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A read-only view of the graph behind an output node, for renderers, the CLI and reports.
 *
 * <p>Nodes come in a deterministic topological order (inputs before the nodes made from them,
 * the output last), and each node's id is its position in that order: the same program always
 * gives the same ids. The view reads the graph when {@link #of(Node)} is called; data and grads
 * are copied then.
 *
 * <pre>{@code
 * Graph g = Graph.of(f);
 * for (Graph.Entry e : g.nodes()) {
 *     System.out.println(e.id() + " " + e.name() + " = " + e.value() + ", grad " + e.gradValue());
 * }
 * }</pre>
 */
public final class Graph {

    /** What part a node plays in the graph. */
    public enum Kind {
        /** An input, parameter or constant: no op made it. */
        LEAF,
        /** Made by an op, and used by another. */
        INTERMEDIATE,
        /** The node the view was taken of. */
        OUTPUT
    }

    /** One node of the view. */
    public static final class Entry {
        private final int id;
        private final Node node;
        private final Kind kind;
        private final int[] inputIds;
        private final double[] data;
        private final double[] grad;
        private final int[] shape;

        Entry(int id, Node node, Kind kind, int[] inputIds) {
            this.id = id;
            this.node = node;
            this.kind = kind;
            this.inputIds = inputIds;
            this.data = node.dataSnapshot();
            this.grad = node.gradSnapshot();
            this.shape = node.shape();
        }

        /** {@return the node's position in topological order; stable for the same program} */
        public int id() {
            return id;
        }

        /** {@return the node itself} */
        public Node node() {
            return node;
        }

        /** {@return leaf, intermediate or output} */
        public Kind kind() {
            return kind;
        }

        /** {@return the node's label, or {@code null}} */
        public String label() {
            return node.label();
        }

        /** {@return the label if there is one, else {@code "n" + id}} */
        public String name() {
            String l = node.label();
            return l == null ? "n" + id : l;
        }

        /** {@return the op's name, or {@code null} for a leaf} */
        public String opName() {
            return node.opName();
        }

        /** {@return the op's symbol, or {@code null} for a leaf} */
        public String opSymbol() {
            return node.opSymbol();
        }

        /** {@return the ids of the node's inputs, in order, duplicates kept} */
        public List<Integer> inputIds() {
            List<Integer> l = new ArrayList<>(inputIds.length);
            for (int i : inputIds) {
                l.add(i);
            }
            return Collections.unmodifiableList(l);
        }

        /** {@return the shape: {@code []} for a scalar} A copy. */
        public int[] shape() {
            return shape.clone();
        }

        /** {@return whether the node is a scalar} */
        public boolean isScalar() {
            return shape.length == 0;
        }

        /** {@return the data, row-major} A copy. */
        public double[] data() {
            return data.clone();
        }

        /** {@return the grad, row-major, or {@code null} if none} A copy. */
        public double[] grad() {
            return grad == null ? null : grad.clone();
        }

        /** {@return the value of a scalar node (or the first element of a tensor)} */
        public double value() {
            return data[0];
        }

        /** {@return the grad of a scalar node (or its first element); NaN if there is no grad} */
        public double gradValue() {
            return grad == null ? Double.NaN : grad[0];
        }

        /**
         * {@return ∂this/∂input_i at the current values, for scalar nodes; empty otherwise}
         *
         * @param input which input, from 0
         */
        public OptionalDouble localDerivative(int input) {
            return node.localDerivative(input);
        }

        @Override
        public String toString() {
            return "Entry(" + id + " " + name() + (opName() == null ? "" : " op " + opName())
                    + " inputs " + Arrays.toString(inputIds) + ")";
        }
    }

    private final List<Entry> nodes;

    private Graph(List<Entry> nodes) {
        this.nodes = Collections.unmodifiableList(nodes);
    }

    /**
     * {@return the view of everything {@code output} depends on}
     *
     * @param output the output node
     */
    public static Graph of(Node output) {
        List<Node> order = topologicalOrder(List.of(output));
        Map<Node, Integer> ids = new IdentityHashMap<>(order.size() * 2);
        for (int i = 0; i < order.size(); i++) {
            ids.put(order.get(i), i);
        }
        List<Entry> entries = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Node n = order.get(i);
            List<? extends Node> in = n.inputs();
            int[] inIds = new int[in.size()];
            for (int k = 0; k < inIds.length; k++) {
                inIds[k] = ids.get(in.get(k));
            }
            Kind kind = n == output ? Kind.OUTPUT : in.isEmpty() ? Kind.LEAF : Kind.INTERMEDIATE;
            entries.add(new Entry(i, n, kind, inIds));
        }
        return new Graph(entries);
    }

    /**
     * Every node the {@code outputs} depend on, themselves included, each once, every node after its
     * inputs: a depth-first post-order that visits inputs in order and the outputs one after the
     * other, iteratively (no recursion, so a chain of 1,000,000 nodes works on the default stack).
     * For one output this is the order of {@link #of(Node)}'s ids. The checker uses it to lay out
     * all the named nodes of a program at once.
     *
     * <pre>{@code
     * List<Node> order = Graph.topologicalOrder(List.of(loss, accuracy));
     * }</pre>
     *
     * @param outputs the nodes to start from; not modified
     * @return the nodes, inputs first; a new list
     */
    public static List<Node> topologicalOrder(Collection<? extends Node> outputs) {
        List<Node> out = new ArrayList<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        List<Node> stack = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        for (Node root : outputs) {
            if (seen.containsKey(root)) {
                continue;
            }
            seen.put(root, Boolean.TRUE);
            stack.add(root);
            next.add(0);
            while (!stack.isEmpty()) {
                int top = stack.size() - 1;
                Node n = stack.get(top);
                List<? extends Node> in = n.inputs();
                int i = next.get(top);
                while (i < in.size() && seen.containsKey(in.get(i))) {
                    i++;
                }
                if (i < in.size()) {
                    next.set(top, i + 1);
                    Node p = in.get(i);
                    seen.put(p, Boolean.TRUE);
                    stack.add(p);
                    next.add(0);
                } else {
                    out.add(n);
                    stack.remove(top);
                    next.remove(top);
                }
            }
        }
        return out;
    }

    /** {@return all nodes in topological order; {@code nodes().get(id)} has that id} */
    public List<Entry> nodes() {
        return nodes;
    }

    /** {@return the output node (the last one)} */
    public Entry output() {
        return nodes.get(nodes.size() - 1);
    }

    /** {@return the number of nodes} */
    public int size() {
        return nodes.size();
    }

    /**
     * {@return the first node with this label, or {@code null}}
     *
     * @param label the label shown in tables and graphs
     */
    public Entry find(String label) {
        for (Entry e : nodes) {
            if (label.equals(e.label())) {
                return e;
            }
        }
        return null;
    }
}
