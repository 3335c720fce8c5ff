package dev.chainrule.viz.explain;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Op;
import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.Value;
import dev.chainrule.viz.explain.Term.Call;
import dev.chainrule.viz.explain.Term.Num;
import dev.chainrule.viz.explain.Term.Product;
import dev.chainrule.viz.explain.Term.Ref;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scalar graph seen the way a person writes it: as named quantities (the user's labels, the
 * output, and any unnamed node that feeds several others), each computed by one statement from
 * other named quantities and constants. The unnamed nodes inside a statement (the {@code 0.01 −
 * out_o1} and its square in {@code E_o1 = ½(0.01 − out_o1)²}) are folded into it, so that a
 * local derivative is taken through the whole statement, as on paper.
 *
 * <p>Everything is iterative or bounded: a statement of more than {@link #FORMULA_LIMIT} ops gets
 * its local derivatives as numbers only.
 */
final class NamedGraph {
    /** The most ops a statement may have for its derivative to be written as a formula. */
    static final int FORMULA_LIMIT = 64;

    private final Graph graph;
    private final Value[] values;
    private final boolean[] named;
    private final int[][] inputs;
    /** For each named non-leaf node: the ids of its statement's nodes (itself and its unnamed parts), ascending. */
    private final Map<Integer, int[]> statements = new HashMap<>();
    /** For each named non-leaf node: the named nodes its statement reads, in order of first use. */
    private final Map<Integer, List<Integer>> namedInputs = new HashMap<>();
    private final List<List<Integer>> consumers;
    private final Map<Integer, Map<Integer, Double>> localValues = new HashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();

    /**
     * @param graph     a scalar graph view
     * @param everyNode whether every node is a quantity of its own (one op per statement, as the
     *                  slide deck steps through it), rather than only the named ones
     */
    NamedGraph(Graph graph, boolean everyNode) {
        this.graph = graph;
        int n = graph.size();
        values = new Value[n];
        inputs = new int[n][];
        int[] uses = new int[n];
        for (Graph.Entry e : graph.nodes()) {
            if (!(e.node() instanceof Value v)) {
                throw new IllegalArgumentException("a derivation needs a graph of scalar Values; node '" + e.name()
                        + "' is a tensor of shape " + Arrays.toString(e.shape()));
            }
            values[e.id()] = v;
            List<Integer> in = e.inputIds();
            inputs[e.id()] = new int[in.size()];
            for (int k = 0; k < in.size(); k++) {
                inputs[e.id()][k] = in.get(k);
                uses[in.get(k)]++;
            }
        }
        named = new boolean[n];
        for (int id = 0; id < n; id++) {
            Graph.Entry e = graph.nodes().get(id);
            boolean leaf = inputs[id].length == 0;
            named[id] = everyNode || e.label() != null || id == n - 1 || (!leaf && uses[id] > 1);
            if (leaf && e.label() == null && !everyNode) {
                named[id] = false;   // a constant of the program
            }
        }
        for (int id = 0; id < n; id++) {
            if (named[id]) {
                byName.putIfAbsent(name(id), id);
            }
        }
        consumers = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            consumers.add(new ArrayList<>());
        }
        for (int id = 0; id < n; id++) {
            if (named[id] && inputs[id].length > 0) {
                collectStatement(id);
                for (int u : namedInputs.get(id)) {
                    consumers.get(u).add(id);
                }
            }
        }
    }

    private void collectStatement(int c) {
        Set<Integer> members = new LinkedHashSet<>();
        Set<Integer> reads = new LinkedHashSet<>();
        List<Integer> stack = new ArrayList<>();
        stack.add(c);
        members.add(c);
        while (!stack.isEmpty()) {
            int t = stack.remove(stack.size() - 1);
            int[] in = inputs[t];
            for (int k = in.length - 1; k >= 0; k--) {
                int i = in[k];
                if (named[i]) {
                    continue;
                }
                if (inputs[i].length > 0 && members.add(i)) {
                    stack.add(i);
                }
            }
        }
        // Named reads in the order they are written: a left-to-right walk of the statement.
        List<Integer> walk = new ArrayList<>();
        walk.add(c);
        while (!walk.isEmpty()) {
            int t = walk.remove(walk.size() - 1);
            int[] in = inputs[t];
            for (int k = in.length - 1; k >= 0; k--) {
                int i = in[k];
                if (named[i]) {
                    continue;
                }
                if (inputs[i].length > 0) {
                    walk.add(i);
                }
            }
            for (int i : in) {
                if (named[i]) {
                    reads.add(i);
                }
            }
        }
        int[] ids = members.stream().mapToInt(Integer::intValue).sorted().toArray();
        statements.put(c, ids);
        namedInputs.put(c, List.copyOf(reads));
    }

    int size() {
        return values.length;
    }

    int output() {
        return values.length - 1;
    }

    boolean isNamed(int id) {
        return named[id];
    }

    String name(int id) {
        return graph.nodes().get(id).name();
    }

    double value(int id) {
        return values[id].data();
    }

    /** The id of the named node called {@code name} (the first, if several share it), or -1. */
    int find(String name) {
        return byName.getOrDefault(name, -1);
    }

    /** The named nodes whose statements read named node {@code u}, in graph order. */
    List<Integer> consumers(int u) {
        return consumers.get(u);
    }

    /** The named nodes statement {@code c} reads. */
    List<Integer> reads(int c) {
        return namedInputs.getOrDefault(c, List.of());
    }

    /** ∂c/∂u through c's statement, as a number: the statement's own backward pass from c. */
    double localValue(int c, int u) {
        return localValues.computeIfAbsent(c, this::statementBackward).getOrDefault(u, 0.0);
    }

    /** ∂c/∂u for every named node u that statement c reads, by one backward pass through the statement. */
    private Map<Integer, Double> statementBackward(int c) {
        int[] members = statements.get(c);
        Map<Integer, Double> adjoint = new HashMap<>();
        Map<Integer, Double> reads = new HashMap<>();
        adjoint.put(c, 1.0);
        for (int m = members.length - 1; m >= 0; m--) {
            int t = members[m];
            Double a = adjoint.get(t);
            if (a == null) {
                continue;
            }
            Value v = values[t];
            for (int k = 0; k < inputs[t].length; k++) {
                int i = inputs[t][k];
                if (named[i]) {
                    reads.merge(i, a * v.op().localDerivative(v, k), Double::sum);
                } else if (inputs[i].length > 0) {
                    adjoint.merge(i, a * v.op().localDerivative(v, k), Double::sum);
                }
            }
        }
        return reads;
    }

    /**
     * ∂c/∂u through c's statement as a formula in the names, with constants folded; null if the
     * statement is too long to write, or an op on the way gives no derivative formula.
     */
    Term localFormula(int c, int u) {
        int[] members = statements.get(c);
        if (members.length > FORMULA_LIMIT) {
            return null;
        }
        Term t = derivative(c, c, u, members);
        return t == null ? null : Fold.fold(t);
    }

    /** The formula of ∂t/∂u inside statement c (t is c or one of its unnamed parts). Depth ≤ FORMULA_LIMIT. */
    private Term derivative(int c, int t, int u, int[] members) {
        if (t == u) {
            return new Num(1);
        }
        if (t != c && (named[t] || inputs[t].length == 0)) {
            return new Num(0);
        }
        List<Term> terms = new ArrayList<>();
        for (int k = 0; k < inputs[t].length; k++) {
            int i = inputs[t][k];
            if (!reaches(i, u, c)) {
                continue;
            }
            Term local = localTerm(t, k, c);
            Term inner = derivative(c, i, u, members);
            if (local == null || inner == null) {
                return null;
            }
            terms.add(new Product(List.of(local, inner)));
        }
        return terms.isEmpty() ? new Num(0) : new Term.Sum(terms);
    }

    /** Whether u is reached from i without leaving statement c. */
    private boolean reaches(int i, int u, int c) {
        if (i == u) {
            return true;
        }
        if (named[i] || inputs[i].length == 0) {
            return false;
        }
        List<Integer> stack = new ArrayList<>(List.of(i));
        Set<Integer> seen = new LinkedHashSet<>(stack);
        while (!stack.isEmpty()) {
            int t = stack.remove(stack.size() - 1);
            for (int j : inputs[t]) {
                if (j == u) {
                    return true;
                }
                if (!named[j] && inputs[j].length > 0 && seen.add(j)) {
                    stack.add(j);
                }
            }
        }
        return false;
    }

    /**
     * The op's own derivative formula for node t's input k, from its registry template, in the
     * names of statement {@code c} (t's own name if t is c, else t's expression); null if the op
     * gives no formula.
     */
    Term localTerm(int t, int k, int c) {
        Op op = values[t].op();
        OpInfo info = op.info();
        if (!info.hasDerivativeFormulas()) {
            return null;
        }
        Map<String, Term> slots = slots(t, info, op, c);
        slots.put("out", t == c ? ref(t) : expression(t, c));
        return Template.derivative(info.derivativeTemplate(k), slots);
    }

    private Map<String, Term> slots(int t, OpInfo info, Op op, int c) {
        List<Term> args = new ArrayList<>();
        for (int i : inputs[t]) {
            args.add(expression(i, c));
        }
        return opSlots(info, op, args);
    }

    /**
     * What an op's formula placeholders stand for: {@code x} (one input) or {@code a}, {@code b}
     * (two) for the given input terms, and each parameter's value ({@code p} too for an op with
     * one, as in x^p). {@code out} is left for the caller.
     */
    static Map<String, Term> opSlots(OpInfo info, Op op, List<Term> args) {
        Map<String, Term> slots = new HashMap<>();
        if (args.size() == 1) {
            slots.put("x", args.get(0));
        } else if (args.size() == 2) {
            slots.put("a", args.get(0));
            slots.put("b", args.get(1));
        }
        double[] params = op.parameters();
        for (int p = 0; p < info.parameters().size() && p < params.length; p++) {
            slots.put(info.parameters().get(p).name(), new Num(params[p]));
        }
        if (params.length == 1) {
            slots.put("p", new Num(params[0]));
        }
        return slots;
    }

    private Ref ref(int id) {
        return new Ref(name(id), value(id));
    }

    /** How node i reads inside statement c: its name, its value if a constant, else its own expression. */
    Term expression(int i, int c) {
        if (named[i] && i != c) {
            return ref(i);
        }
        if (inputs[i].length == 0) {
            return new Num(value(i));
        }
        if (i == c) {
            return ref(i);
        }
        Op op = values[i].op();
        OpInfo info = op.info();
        List<Term> args = new ArrayList<>();
        for (int j : inputs[i]) {
            args.add(expression(j, c));
        }
        if (info.kind() == OpInfo.Kind.ARITHMETIC) {
            Map<String, Term> slots = slots(i, info, op, c);
            try {
                return Template.forward(info.formula(), slots);
            } catch (IllegalArgumentException notArithmetic) {
                // written as a call below
            }
        }
        String symbol = op.symbol();
        return new Call(symbol.codePointCount(0, symbol.length()) == 1 && !symbol.equals("+") ? symbol : op.name(), args);
    }

    /** The number of ops in named node c's statement (0 for a leaf). */
    int statementSize(int c) {
        int[] m = statements.get(c);
        return m == null ? 0 : m.length;
    }
}
