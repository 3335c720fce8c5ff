package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The graph walk's order is the depth-first post-order of a plain recursive walk (inputs in order,
 * each node once), whatever the graph's depth: the order of a backward sweep, and so the order in
 * which grads are added up, depends on it.
 */
class TopoTest {

    @Test
    void orderIsTheRecursiveDepthFirstPostOrderOnRandomGraphsDeeperThanTheRecursionLimit() {
        Random r = new Random(17);
        int deep = 0;
        for (int round = 0; round < 40; round++) {
            Value root = randomGraph(r, 50 + r.nextInt(5000));
            assertSameOrder(reference(root), Topo.order(root), "round " + round);
            if (referenceDepth > 2 * Topo.MAX_RECURSION) {
                deep++;
            }
        }
        // Most graphs must take the walk far past its recursion into the explicit stack, and back.
        assertTrue(deep >= 20, deep + " of 40 graphs went deeper than twice the recursion limit");
    }

    @Test
    void aBackwardWalkResetsTheGradsOfOpNodesOnlyAndKeepsTheSameOrderInItsChunks() {
        Value root = randomGraph(new Random(3), 20_000);
        Value[] all = Topo.order(root);
        for (Value v : all) {
            v.grad = 7;
        }
        Topo.Walk w = Topo.forBackward(root, Topo.nextEpoch());
        assertEquals(all.length, w.size());
        assertTrue(w.chunkCount() > 3, "an order of " + all.length + " nodes fills several chunks");
        int i = 0;
        for (int c = 0; c < w.chunkCount(); c++) {
            GraphNode[] chunk = w.chunk(c);
            assertTrue(w.chunkFill(c) <= chunk.length && chunk.length <= Topo.MAX_CHUNK);
            for (int k = 0; k < w.chunkFill(c); k++, i++) {
                assertSame(all[i], chunk[k], "node " + i);
                assertEquals(all[i].isLeaf() ? 7.0 : 0.0, all[i].grad, "grad of node " + i);
            }
        }
        assertEquals(all.length, i);
    }

    @Test
    void ordersEndingOnEitherSideOfAChunkBoundaryBackpropagateExactly() {
        // x_{k+1} = (x_k + x_k)·h with one shared leaf h = 0.5, then one neg if n is odd: a graph of
        // exactly n nodes with ∂x/∂x_0 = ±1 exactly, each sum fed twice. Orders of 16, 17, 48, 49 …
        // nodes end at, or one past, the end of a chunk.
        for (int n : new int[] {4, 5, 15, 16, 17, 47, 48, 49, 16_368, 16_369, 24_560, 24_561}) {
            Value x0 = Value.of(1.0);
            Value h = Value.of(0.5);
            Value x = x0;
            for (int k = 0; k < (n - 2) / 2; k++) {
                x = x.add(x).mul(h);
            }
            if ((n - 2) % 2 == 1) {
                x = x.neg();
            }
            assertEquals(n, Topo.order(x).length, "nodes");
            x.backward();
            assertEquals((n - 2) % 2 == 1 ? -1.0 : 1.0, x0.grad(), 0.0, "graph of " + n + " nodes");
        }
    }

    @Test
    void aDeepChainWithSideBranchesBackpropagatesExactly() {
        // 100,000 steps of x·c + x: far past the recursion limit, with every node used twice.
        Value x0 = Value.of(1.0);
        Value x = x0;
        double c = 1e-6;
        for (int k = 0; k < 100_000; k++) {
            x = x.mul(c).add(x);
        }
        x.backward();
        double expected = 1;
        for (int k = 0; k < 100_000; k++) {
            expected = expected * c + expected;
        }
        assertEquals(expected, x0.grad(), 0.0);
    }

    /**
     * A DAG of {@code size} op nodes over a few leaves, grown as up to four interleaved chains, each
     * started as a plain chain of 300 to 800 nodes: each
     * node takes 1 to 5 inputs in random order, mostly (90 %) the newest node of some chain (so chains run
     * deep and a walk goes down one chain and later down another, far below the recursion limit),
     * otherwise any earlier node or a leaf (so walks meet visited and unvisited inputs side by side).
     */
    private static Value randomGraph(Random r, int size) {
        List<Value> nodes = new ArrayList<>();
        List<Value> leaves = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leaves.add(Value.of(r.nextGaussian()));
        }
        nodes.addAll(leaves);
        Value[] heads = new Value[1 + r.nextInt(4)];
        for (int c = 0; c < heads.length; c++) {
            // Each chain starts as a plain chain longer than the recursion limit.
            Value h = leaves.get(c);
            for (int d = 300 + r.nextInt(500); d > 0; d--) {
                h = Value.sum(h, leaves.get(r.nextInt(leaves.size())));
                nodes.add(h);
            }
            heads[c] = h;
        }
        for (int i = 0; i < size; i++) {
            int k = 1 + r.nextInt(5);
            List<Value> in = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                int kind = r.nextInt(20);
                in.add(kind < 18 ? heads[r.nextInt(heads.length)]
                        : kind < 19 ? nodes.get(r.nextInt(nodes.size())) : leaves.get(r.nextInt(leaves.size())));
            }
            java.util.Collections.shuffle(in, r);
            Value v = Value.sum(in);
            nodes.add(v);
            heads[r.nextInt(heads.length)] = v;
        }
        // The root joins every chain, so that the whole graph hangs from it.
        List<Value> last = new ArrayList<>(List.of(heads));
        last.add(nodes.get(nodes.size() - 1));
        return Value.sum(last);
    }

    /** The deepest the last {@link #reference} walk went. */
    private static int referenceDepth;

    /** The post-order of a plain recursive depth-first walk, visited nodes kept in a set. */
    private static List<Value> reference(Value root) {
        referenceDepth = 0;
        List<Value> out = new ArrayList<>();
        Map<Value, Boolean> seen = new IdentityHashMap<>();
        // An explicit stack of (node, next input) so that the reference itself needs no deep recursion.
        List<Value> stack = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        seen.put(root, true);
        stack.add(root);
        next.add(0);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Value v = stack.get(top);
            int i = next.get(top);
            if (i < v.inputCount()) {
                next.set(top, i + 1);
                Value p = v.input(i);
                if (seen.put(p, true) == null) {
                    stack.add(p);
                    next.add(0);
                    referenceDepth = Math.max(referenceDepth, stack.size());
                }
            } else {
                out.add(v);
                stack.remove(top);
                next.remove(top);
            }
        }
        return out;
    }

    private static void assertSameOrder(List<Value> expected, Value[] actual, String where) {
        assertEquals(expected.size(), actual.length, where + ": node count");
        for (int i = 0; i < actual.length; i++) {
            assertSame(expected.get(i), actual[i], where + ": node " + i);
        }
    }
}
