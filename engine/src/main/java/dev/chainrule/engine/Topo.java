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
        GraphNode[] all = walk(root);
        return Arrays.copyOf(all, all.length, Value[].class);
    }

    /** The same for a tensor graph. */
    static Tensor[] order(Tensor root) {
        GraphNode[] all = walk(root);
        return Arrays.copyOf(all, all.length, Tensor[].class);
    }

    private static GraphNode[] walk(GraphNode root) {
        int mark = nextEpoch();
        GraphNode[] out = new GraphNode[16];
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
                out[n++] = v;
                sp--;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
