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
        return walk(root, nextEpoch(), false).toArray(new Value[0]);
    }

    /** The same, marking with {@code mark} (from {@link #nextEpoch()}) for a sweep that {@link #claim}s. */
    static Value[] order(Value root, int mark) {
        return walk(root, mark, false).toArray(new Value[0]);
    }

    /** The same for a tensor graph. */
    static Tensor[] order(Tensor root) {
        return walk(root, nextEpoch(), false).toArray(new Tensor[0]);
    }

    /** The same for a tensor graph, marking with {@code mark}. */
    static Tensor[] order(Tensor root, int mark) {
        return walk(root, mark, false).toArray(new Tensor[0]);
    }

    /**
     * The order of any graph for a backward sweep, marking with {@code mark}: as {@link #order(Value)}, but
     * every node made by an op has its grad reset as the walk passes it (one pass over the graph less than
     * resetting afterwards), and the order stays in the walk's chunks (no copy into one array).
     */
    static Walk forBackward(GraphNode root, int mark) {
        return walk(root, mark, true);
    }

    private static Walk walk(GraphNode root, int mark, boolean resetGrads) {
        Walk w = new Walk(mark, resetGrads);
        root.mark = mark;
        w.visit(root, 0);
        return w;
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

    /** The largest chunk of an order: 32 KB of references. */
    static final int MAX_CHUNK = 8192;

    /**
     * One depth-first walk and the order it makes: each node's inputs in order, each node placed
     * after its inputs. Up to {@link #MAX_RECURSION} levels it recurses, which is faster than keeping
     * a stack by hand (about 10 % of a training step's walk); below that, the same walk continues
     * with an explicit stack, so that a chain of any length works on any thread stack. Both place
     * the nodes in exactly the same order.
     *
     * <p>The order is kept in chunks of 16, 32, … up to {@link #MAX_CHUNK} references, filled in
     * turn: one array grown by doubling allocated and copied twice the references it kept (and a
     * training step of 38,000 nodes spent a fifth of its allocation on that).
     */
    static final class Walk {
        private final int mark;
        private final boolean resetGrads;
        private GraphNode[][] chunks = new GraphNode[8][];
        private int chunkCount;
        private GraphNode[] current;
        private int fill;
        private int size;

        private Walk(int mark, boolean resetGrads) {
            this.mark = mark;
            this.resetGrads = resetGrads;
            current = new GraphNode[16];
            chunks[chunkCount++] = current;
        }

        /** {@return how many nodes the order holds} */
        int size() {
            return size;
        }

        /** {@return how many chunks the order fills} Chunk 0 holds the first nodes placed. */
        int chunkCount() {
            return chunkCount;
        }

        /**
         * {@return chunk {@code c} of the order}
         *
         * @param c the chunk's index, below {@link #chunkCount()}
         */
        GraphNode[] chunk(int c) {
            return chunks[c];
        }

        /**
         * {@return how many nodes chunk {@code c} holds: all of its length except in the last chunk}
         *
         * @param c the chunk's index, below {@link #chunkCount()}
         */
        int chunkFill(int c) {
            return c == chunkCount - 1 ? fill : chunks[c].length;
        }

        /**
         * The order in one array of exactly {@link #size()} nodes, of {@code type}'s element type (the
         * cast in the copy is safe because a node's inputs are of its own kind).
         */
        <T extends GraphNode> T[] toArray(T[] type) {
            T[] out = Arrays.copyOf(type, size);
            int at = 0;
            for (int c = 0; c < chunkCount; c++) {
                int n = chunkFill(c);
                System.arraycopy(chunks[c], 0, out, at, n);
                at += n;
            }
            return out;
        }

        /** Walks the inputs of {@code v} (already marked) not yet visited, then places v. */
        private void visit(GraphNode v, int depth) {
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
        private void visitDeep(GraphNode from) {
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
        private void place(GraphNode v) {
            if (fill == current.length) {
                nextChunk();
            }
            if (resetGrads && v.madeByOp()) {
                v.resetGrad();
            }
            current[fill++] = v;
            size++;
        }

        private void nextChunk() {
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
            }
            current = new GraphNode[Math.min(current.length * 2, MAX_CHUNK)];
            chunks[chunkCount++] = current;
            fill = 0;
        }
    }
}
