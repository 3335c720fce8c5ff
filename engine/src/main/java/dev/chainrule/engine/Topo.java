package dev.chainrule.engine;

import java.util.Arrays;

/**
 * Topological order of a graph (scalar or tensor), by a depth-first walk that recurses a bounded
 * number of levels and continues with an explicit stack below them, so that a chain of any length
 * works on the default thread stack.
 *
 * <p>Visited nodes are marked with a fresh epoch number instead of being kept in a set: no
 * hashing and no allocation per node. This is why a graph must not be walked by two threads at
 * once. Backward passes check the marks again as they sweep ({@link #claim}), so that two
 * passes overlapping on a node are detected and throw instead of adding into the same grads.
 */
final class Topo {
    private static int epoch;

    private Topo() {
    }

    /** A fresh mark for one walk (and the sweep that follows it); never 0 and never negative. */
    static synchronized int nextEpoch() {
        epoch = epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
        return epoch;
    }

    /** Every node {@code root} depends on, inputs before the nodes made from them, root last. */
    static Value[] order(Value root) {
        return walk(root, new Value[16], nextEpoch(), false).trimmed();
    }

    /** The same, marking with {@code mark} (from {@link #nextEpoch()}) for a sweep that {@link #claim}s. */
    static Value[] order(Value root, int mark) {
        return walk(root, new Value[16], mark, false).trimmed();
    }

    /** The same for a tensor graph. */
    static Tensor[] order(Tensor root) {
        return walk(root, new Tensor[16], nextEpoch(), false).trimmed();
    }

    /** The same for a tensor graph, marking with {@code mark}. */
    static Tensor[] order(Tensor root, int mark) {
        return walk(root, new Tensor[16], mark, false).trimmed();
    }

    /**
     * The order of any graph for a backward sweep, marking with {@code mark}: as {@link #order(Value)}, but
     * every node made by an op has its grad reset as the walk passes it (one pass over the graph less than
     * resetting afterwards), and the array is not trimmed to size (a copy of 4 bytes a node).
     */
    static Walk<GraphNode> forBackward(GraphNode root, int mark) {
        return walk(root, new GraphNode[16], mark, true);
    }

    /**
     * A walk's result: {@code nodes[0..size)} in topological order, inputs first; the array may be longer.
     *
     * @param <T> the node type
     */
    static final class Walk<T extends GraphNode> {
        final T[] nodes;
        final int size;

        Walk(T[] nodes, int size) {
            this.nodes = nodes;
            this.size = size;
        }

        /** The nodes in an array of exactly {@link #size}. */
        T[] trimmed() {
            return size == nodes.length ? nodes : Arrays.copyOf(nodes, size);
        }
    }

    /**
     * Called by a sweep for each node of its order, once, in any order: checks that the node still
     * carries this walk's {@code mark} and marks it as swept ({@code ~mark}). A node whose mark
     * changed was reached by another thread's walk since ours, and a node met twice was marked
     * again by such a walk in the middle of ours (so our order lists it twice): either way two
     * passes are adding into the same grads, and this one throws. The node is then poisoned (mark
     * 0 matches no walk), so that the other pass, if it has not reached the node yet, throws too.
     * One load and one store on a node the sweep touches anyway: scalar training steps and deep chains do not show it in their timings.
     *
     * @throws java.util.ConcurrentModificationException if the node is in use by another walk
     */
    static void claim(GraphNode node, int mark) {
        if (node.mark != mark) {
            node.mark = 0;
            throw new java.util.ConcurrentModificationException("backward: a node of this graph was reached by "
                    + "another thread's backward (or graph walk) while this one ran; graphs that share nodes "
                    + "(a parameter, an input) must not run backward concurrently: run them one after the other, "
                    + "or give each thread its own copy of the shared leaves. The grads of the shared nodes are "
                    + "now unreliable: zero them and run again");
        }
        node.mark = ~mark;
    }

    /**
     * How deep the walk recurses before an explicit stack takes over: frames of a few dozen bytes, so
     * a few kilobytes of any thread's stack.
     */
    static final int MAX_RECURSION = 200;

    /**
     * The walk, filling {@code out} (grown as needed); with {@code resetGrads}, each node made by an op has
     * its grad reset when it is placed. The result keeps out's element type, so no copy into a Value[] or
     * Tensor[] is needed (it cost 4 bytes a node: 16 MB for a graph of 4,000,000 nodes). The cast is safe
     * because a node's inputs are of its own kind.
     */
    @SuppressWarnings("unchecked")
    private static <T extends GraphNode> Walk<T> walk(T root, T[] out, int mark, boolean resetGrads) {
        Walker w = new Walker(out, mark, resetGrads);
        root.mark = mark;
        w.visit(root, 0);
        return new Walk<>((T[]) w.out, w.n);
    }

    /**
     * One depth-first walk: each node's inputs in order, each node placed after its inputs. Up to
     * {@link #MAX_RECURSION} levels it recurses, which is faster than keeping a stack by hand (about
     * 10 % of a training step's walk: the JIT keeps the frame in registers); below that, the same
     * walk continues with an explicit stack, so that a chain of any length works on any thread stack.
     * Both place the nodes in exactly the same order.
     */
    private static final class Walker {

        GraphNode[] out;
        int n;
        final int mark;
        final boolean resetGrads;

        Walker(GraphNode[] out, int mark, boolean resetGrads) {
            this.out = out;
            this.mark = mark;
            this.resetGrads = resetGrads;
        }

        /** Walks the inputs of {@code v} (already marked) not yet visited, then places v. */
        void visit(GraphNode v, int depth) {
            GraphNode[] ps = v.inputArray();
            for (GraphNode p : ps) {
                if (p.mark != mark) {
                    p.mark = mark;
                    if (depth < MAX_RECURSION) {
                        visit(p, depth + 1);
                    } else {
                        visitDeep(p);
                    }
                }
            }
            place(v);
        }

        /** As {@link #visit}, with an explicit stack instead of recursion. */
        void visitDeep(GraphNode from) {
            GraphNode[] stack = new GraphNode[16];
            int[] next = new int[16];
            int sp = 0;
            stack[sp] = from;
            next[sp] = 0;
            sp++;
            while (sp > 0) {
                GraphNode v = stack[sp - 1];
                int i = next[sp - 1];
                GraphNode[] ps = v.inputArray();
                // Skip inputs already visited, so the stack grows only for new nodes.
                while (i < ps.length && ps[i].mark == mark) {
                    i++;
                }
                if (i < ps.length) {
                    next[sp - 1] = i + 1;
                    GraphNode p = ps[i];
                    p.mark = mark;
                    if (sp == stack.length) {
                        stack = Arrays.copyOf(stack, sp * 2);
                        next = Arrays.copyOf(next, sp * 2);
                    }
                    stack[sp] = p;
                    next[sp] = 0;
                    sp++;
                } else {
                    place(v);
                    sp--;
                }
            }
        }

        /** Appends {@code v} to the order (its inputs are all there), resetting its grad for a backward sweep. */
        void place(GraphNode v) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            if (resetGrads && v.madeByOp()) {
                v.resetGrad();
            }
            out[n++] = v;
        }
    }
}
