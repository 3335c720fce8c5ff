package dev.chainrule.checker;

import dev.chainrule.engine.BinaryOp;
import dev.chainrule.engine.CustomOp;
import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Node;
import dev.chainrule.engine.Op;
import dev.chainrule.engine.UnaryOp;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program's graph as arrays, in topological order (every node after its inputs), so that the
 * checker can run the forward and the backward pass again under other assumptions: with a
 * student's rounded numbers in place of the true ones, or with a mistake made on purpose.
 *
 * <p>Local derivatives come from the engine's own ops ({@link Value#localDerivative(int)}), read
 * after the node values are loaded, so a mistake never re-implements an op's rule.
 */
final class Tape {
    private final Value[] node;
    private final int[][] inputs;
    private final int[][] consumers;
    private final String[] name;
    private final Map<String, Integer> index = new HashMap<>();

    private Tape(List<Value> order, Map<Value, String> names) {
        node = order.toArray(new Value[0]);
        Map<Value, Integer> id = new IdentityHashMap<>();
        for (int i = 0; i < node.length; i++) {
            id.put(node[i], i);
        }
        inputs = new int[node.length][];
        List<List<Integer>> users = new ArrayList<>();
        name = new String[node.length];
        for (int i = 0; i < node.length; i++) {
            users.add(new ArrayList<>());
            name[i] = names.get(node[i]);
            if (name[i] != null) {
                index.put(name[i], i);
            }
        }
        for (int i = 0; i < node.length; i++) {
            inputs[i] = new int[node[i].inputCount()];
            for (int k = 0; k < inputs[i].length; k++) {
                inputs[i][k] = id.get(node[i].input(k));
                users.get(inputs[i][k]).add(i);
            }
        }
        consumers = new int[node.length][];
        for (int i = 0; i < node.length; i++) {
            consumers[i] = users.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Every node that the evaluation's named nodes depend on, each once, inputs first. */
    static Tape of(Evaluation ev) {
        Map<Value, String> names = new IdentityHashMap<>();
        for (Map.Entry<String, Value> e : ev.nodes().entrySet()) {
            names.putIfAbsent(e.getValue(), e.getKey());
        }
        List<Value> order = new ArrayList<>();
        for (Node n : Graph.topologicalOrder(ev.nodes().values())) {
            order.add((Value) n);   // a Value's inputs are Values
        }
        return new Tape(order, names);
    }

    int size() {
        return node.length;
    }

    /** The node's index, or -1 when no node has that name. */
    int indexOf(String nodeName) {
        Integer i = index.get(nodeName);
        return i == null ? -1 : i;
    }

    /** The program's name for the node, or null for an unnamed one (a constant, a sub-expression). */
    String name(int i) {
        return name[i];
    }

    /** The node's name, or how it is computed when it has none (sigmoid(net_h1)). */
    String describe(int i) {
        if (name[i] != null) {
            return name[i];
        }
        if (isLeaf(i)) {
            return Decimal.human(node[i].data(), 10);
        }
        StringBuilder s = new StringBuilder(opName(i)).append('(');
        for (int k = 0; k < inputs[i].length; k++) {
            s.append(k == 0 ? "" : ", ").append(name[inputs[i][k]] == null ? "…" : name[inputs[i][k]]);
        }
        return s.append(')').toString();
    }

    boolean isLeaf(int i) {
        return node[i].isLeaf();
    }

    String opName(int i) {
        return node[i].opName();
    }

    int[] inputs(int i) {
        return inputs[i];
    }

    int[] consumers(int i) {
        return consumers[i];
    }

    /** Which nodes {@code root} depends on, itself included. */
    boolean[] ancestors(int root) {
        boolean[] a = new boolean[node.length];
        a[root] = true;
        for (int i = root; i >= 0; i--) {
            if (a[i]) {
                for (int in : inputs[i]) {
                    a[in] = true;
                }
            }
        }
        return a;
    }

    /** Which nodes depend on {@code from} and are depended on by {@code root}: the paths between them. */
    boolean[] between(int from, int root) {
        boolean[] a = ancestors(root);
        boolean[] d = new boolean[node.length];
        d[from] = true;
        for (int i = from; i < node.length; i++) {
            if (d[i]) {
                for (int c : consumers[i]) {
                    d[c] = true;
                }
            }
            d[i] &= a[i];
        }
        return d;
    }

    /** The node's name, or else the name of the first named node computed from it (net_o1 for w5·out_h1). */
    String named(int i) {
        int at = i;
        while (name[at] == null && consumers[at].length > 0) {
            at = consumers[at][0];
        }
        return name[at] != null ? name[at] : describe(i);
    }

    /** The first named node that a leaf feeds (net_h1 for w1), or null when it feeds none. */
    String feeds(int leaf) {
        return consumers[leaf].length == 0 ? null : named(consumers[leaf][0]);
    }

    /** Every node's value as the evaluation made it. */
    double[] initialValues() {
        double[] v = new double[node.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = node[i].data();
        }
        return v;
    }

    /**
     * Runs the forward pass from the given leaf values.
     *
     * @param leaves    a value for every node; only the leaves' are read
     * @param overrides values to use in place of a node's computed one (the student's own numbers), by index
     * @param computed  receives each node's value as computed from its inputs, before any override
     * @return each node's value as used further on (overrides applied)
     */
    double[] forward(double[] leaves, Map<Integer, Double> overrides, double[] computed) {
        double[] used = new double[node.length];
        for (int i = 0; i < node.length; i++) {
            double v;
            if (isLeaf(i)) {
                v = leaves[i];
            } else {
                double[] x = new double[inputs[i].length];
                for (int k = 0; k < x.length; k++) {
                    x[k] = used[inputs[i][k]];
                }
                v = apply(node[i].op(), x);
            }
            computed[i] = v;
            Double o = overrides.get(i);
            used[i] = o == null ? v : o;
        }
        return used;
    }

    /**
     * Runs the backward pass from {@code root} at the given values.
     *
     * @param values        every node's value (as {@link #forward} returned them)
     * @param rule          the local derivatives to use (the standard ones, or a mistake's)
     * @param adjoints      ∂root/∂node to use in place of the computed one, by index
     * @param locals        local derivatives to use in place of the op's, by {@link #edge}
     * @param computed      receives each node's ∂root/∂node as computed, before any override
     * @return each node's ∂root/∂node as used further on (overrides applied)
     */
    double[] backward(int root, double[] values, BackwardRule rule, Map<Integer, Double> adjoints,
                      Map<Long, Double> locals, double[] computed) {
        load(values);
        double[] used = new double[node.length];
        double[] sum = new double[node.length];
        sum[root] = rule.seed(this, root);
        for (int i = root; i >= 0; i--) {
            computed[i] = sum[i];
            Double o = adjoints.get(i);
            used[i] = o == null ? sum[i] : o;
            if (used[i] == 0 || isLeaf(i)) {
                continue;
            }
            for (int k = 0; k < inputs[i].length; k++) {
                Double given = locals.get(edge(i, k));
                double local = given != null ? given
                        : rule.local(this, values, i, k, node[i].localDerivative(k).orElse(0));
                sum[inputs[i][k]] += used[i] * local;
            }
        }
        return used;
    }

    /** A key for the edge from node {@code i} back to its input {@code k}. */
    static long edge(int i, int k) {
        return ((long) i << 20) | k;
    }

    /** Puts the values into the graph's nodes, so that local derivatives are taken there. */
    private void load(double[] values) {
        for (int i = 0; i < node.length; i++) {
            if (node[i].data() != values[i] && !Double.isNaN(values[i])) {
                node[i].setData(values[i]);
            }
        }
    }

    /** The op's forward function, at plain numbers. */
    private static double apply(Op op, double[] x) {
        if (op instanceof UnaryOp u) {
            return u.apply(x[0]);
        }
        if (op instanceof BinaryOp b) {
            return b.apply(x[0], x[1]);
        }
        if (op instanceof CustomOp c) {
            return c.apply(x);
        }
        if (op.name().equals("sum")) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            return s;
        }
        throw new IllegalStateException("the checker cannot recompute the op '" + op.name() + "'");
    }
}
