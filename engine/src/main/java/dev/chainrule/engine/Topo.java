package dev.chainrule.engine;

import java.util.Arrays;

/**
 * Topological order of a graph (scalar or tensor), by an iterative depth-first walk with an
 * explicit stack, so that a chain of any length works on the default thread stack.
 *
 * <p>Visited nodes are marked with a fresh epoch number instead of being kept in a set: no
 * hashing and no allocation per node. This is why a graph must not be walked by two threads at
 * once.
 */
final class Topo {
    private static int epoch;

    private Topo() {
    }

    private static synchronized int nextEpoch() {
        epoch = epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
        return epoch;
    }

    /** Every node {@code root} depends on, inputs before the nodes made from them, root last. */
    static Value[] order(Value root) {
        return walk(root, new Value[16]);
    }

    /** The same for a tensor graph. */
    static Tensor[] order(Tensor root) {
        return walk(root, new Tensor[16]);
    }

    /**
     * The walk, filling {@code out} (grown as needed). The result keeps out's element type, so
     * no copy into a Value[] or Tensor[] is needed (it cost 4 bytes a node: 16 MB for W2).
     * The cast is safe because a node's inputs are of its own kind.
     */
    @SuppressWarnings("unchecked")
    private static <T extends GraphNode> T[] walk(T root, T[] out) {
        int mark = nextEpoch();
        int n = 0;
        GraphNode[] stack = new GraphNode[16];
        int[] next = new int[16];
        int sp = 0;
        root.mark = mark;
        stack[sp] = root;
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
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = (T) v;
                sp--;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
