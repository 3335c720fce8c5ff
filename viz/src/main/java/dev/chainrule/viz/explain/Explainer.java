package dev.chainrule.viz.explain;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes out how a gradient comes about, in the user's own names, the way the course material
 * derives ∂E_total/∂w5 and ∂E_total/∂w1 for Mazur's network.
 *
 * <pre>{@code
 * Evaluation ev = Program.parse(text).evaluate(Map.of());
 * Explainer ex = Explainer.builder(ev.output()).learningRate(0.5).build();
 * Derivation d = ex.derive("w5");          // d.value() == 0.082167041..., d.updated() 0.35891648
 * System.out.print(DerivationWriter.text(Notation.UNICODE, 9).write(List.of(d)));
 * }</pre>
 *
 * <p>How a derivation is laid out:
 * <ul>
 *   <li>From the node asked about, the chain rule follows the one node each quantity feeds until
 *       it reaches the output or a node that feeds several others; the chain is written in names
 *       (∂E/∂w5 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5), each factor is worked out on a line
 *       of its own, then the product in numbers.</li>
 *   <li>A node that feeds several others (out_h1 feeds net_o1 and net_o2) gets the sum over
 *       paths: ∂E/∂out_h1 = δ_net_o1 · ∂net_o1/∂out_h1 + δ_net_o2 · ∂net_o2/∂out_h1, where each
 *       δ_c = ∂E/∂c is a named intermediate derived once and referred to afterwards.</li>
 *   <li>A local derivative ∂c/∂u is taken through c's whole statement, from each op's derivative
 *       formula in the op registry (a user op's own formula, or ∂c/∂u with its number if it gives
 *       none), and simplified by the one rule {@link Fold} documents: constants fold.</li>
 *   <li>The output as a sum of parts: the output's own factor, when it is exactly 1
 *       (E_total = E_o1 + E_o2 passes its gradient to E_o1 unchanged), joins the factor below it,
 *       so the chain reads ∂E_total/∂out_o1 · …, as the material writes it.</li>
 * </ul>
 *
 * <p>Every number is the engine's: values from the graph, local derivatives from each op's
 * {@code localDerivative}; products and sums are taken in the order they are written. A chain
 * longer than {@link #MAX_CHAIN} factors is cut at a named intermediate, whose derivation (the
 * part nearer the output) is written just before it, and at most
 * {@link Builder#maxSteps(int)} quantities are derived step by step: the rest are given with
 * their value and counted in {@link Derivation#leftOut()}, so a network of any size gives a
 * readable, bounded derivation.
 *
 * <p>An Explainer reads the graph once, when built; it needs a graph of scalar Values (the
 * backward pass need not have run). Derivations made by one {@link #deriveAll} call share their
 * intermediate quantities: a later one refers to what an earlier one derived.
 */
public final class Explainer {
    /** The most factors one chain-rule line has; a longer chain is cut at a named intermediate. */
    public static final int MAX_CHAIN = 8;
    /** The default limit on quantities derived step by step in one derivation. */
    public static final int DEFAULT_MAX_STEPS = 100;
    /** The highest step limit {@link Builder#maxSteps(int)} takes. */
    public static final int MAX_STEPS_LIMIT = 1000;

    private final NamedGraph graph;
    private final Double learningRate;
    private final int maxSteps;
    private final double[] delta;
    private final int[] distance;

    private Explainer(Builder b) {
        this.graph = new NamedGraph(Graph.of(b.output), false);
        this.learningRate = b.learningRate;
        this.maxSteps = b.maxSteps;
        this.delta = backward();
        this.distance = distances();
    }

    /**
     * An explainer of the gradients of {@code output}, with the defaults: no learning rate (no
     * update line) and at most {@value #DEFAULT_MAX_STEPS} quantities derived step by step.
     *
     * @param output the node whose gradients are explained, such as the loss {@code E_total}
     * @return the explainer, which has read the graph behind {@code output}
     * @throws NullPointerException if {@code output} is null
     * @throws IllegalArgumentException if the graph holds a tensor
     */
    public static Explainer of(Value output) {
        return builder(output).build();
    }

    /**
     * Starts an explainer of the gradients of {@code output}.
     *
     * @param output the node whose gradients are explained, such as the loss {@code E_total}
     * @return a builder with the defaults; {@link Builder#build()} reads the graph
     * @throws NullPointerException if {@code output} is null
     */
    public static Builder builder(Value output) {
        return new Builder(Objects.requireNonNull(output, "output"));
    }

    /** Options of an {@link Explainer}; {@link #build()} reads the graph. */
    public static final class Builder {
        private final Value output;
        private Double learningRate;
        private int maxSteps = DEFAULT_MAX_STEPS;

        private Builder(Value output) {
            this.output = output;
        }

        /**
         * Also writes the gradient-descent update w⁺ = w − η·∂E/∂w.
         *
         * @param eta the learning rate η, any finite number (the material uses 0.5)
         * @return this builder
         * @throws IllegalArgumentException if η is not a finite number
         */
        public Builder learningRate(double eta) {
            if (!Double.isFinite(eta)) {
                throw new IllegalArgumentException("the learning rate must be a finite number, not " + eta);
            }
            this.learningRate = eta;
            return this;
        }

        /**
         * At most {@code n} intermediate quantities (sums over paths, δ terms, cut chains) are
         * derived step by step in one derivation; the rest are given by their value (default
         * {@value Explainer#DEFAULT_MAX_STEPS}, at most {@value Explainer#MAX_STEPS_LIMIT}, which
         * keeps a derivation readable and its nesting within any thread's stack).
         *
         * @param n the most quantities derived step by step, 1 to {@value Explainer#MAX_STEPS_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException if n is below 1 or above the limit
         */
        public Builder maxSteps(int n) {
            if (n < 1 || n > MAX_STEPS_LIMIT) {
                throw new IllegalArgumentException("the step limit must be between 1 and " + MAX_STEPS_LIMIT + ", not " + n);
            }
            this.maxSteps = n;
            return this;
        }

        /**
         * Reads the graph.
         *
         * @return an explainer of the gradients of the builder's output, with these options
         * @throws IllegalArgumentException if the graph holds a tensor
         */
        public Explainer build() {
            return new Explainer(this);
        }
    }

    static int checkDigits(int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be between 1 and 17 significant digits, not " + digits);
        }
        return digits;
    }

    /** {@return the output's name: its label, or {@code "n" + id} for an unlabelled node} */
    public String output() {
        return graph.name(graph.output());
    }

    /**
     * {@return the names of the named nodes of the graph, in graph order: inputs, parameters,
     * statements and the output by their labels, and an unlabelled value used more than once as
     * {@code "n" + id}; the names {@link #derive(String)} works out}
     */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < graph.size(); id++) {
            if (graph.isNamed(id)) {
                out.add(graph.name(id));
            }
        }
        return out;
    }

    /**
     * The derivation of ∂output/∂name. A name the output does not depend on gets a one-line
     * derivation with the value 0 that says so.
     *
     * @param name the name of a node, one of {@link #names()}, such as {@code "w5"}; any other name
     *     gets the one-line derivation with the value 0
     * @return the worked derivation of the gradient of the output with respect to {@code name}
     * @throws NullPointerException if {@code name} is null
     */
    public Derivation derive(String name) {
        return new Session().derive(Objects.requireNonNull(name, "name"));
    }

    /**
     * The derivations of ∂output/∂name for each name, in {@link #teachingOrder} (output layer
     * first), sharing intermediate quantities: a later derivation refers to what an earlier one
     * derived instead of deriving it again.
     *
     * @param names the names to derive (see {@link #names()}); a name given twice is derived once
     * @return one derivation per distinct name, in teaching order
     * @throws NullPointerException if {@code names} or one of them is null
     */
    public List<Derivation> deriveAll(Collection<String> names) {
        return derive(teachingOrder(names));
    }

    /**
     * The derivations of ∂output/∂name for each name, in the order given, sharing intermediate
     * quantities as {@link #deriveAll} does.
     *
     * @param names the names to derive (see {@link #names()}); a name given twice gets two
     *     derivations, the second referring back to quantities the first derived
     * @return one derivation per name, in the order of {@code names}
     * @throws NullPointerException if {@code names} or one of them is null
     */
    public List<Derivation> derive(List<String> names) {
        Session s = new Session();
        List<Derivation> out = new ArrayList<>();
        for (String n : names) {
            out.add(s.derive(Objects.requireNonNull(n, "name")));
        }
        return out;
    }

    /**
     * The names in the order the material teaches them: nearest the output first (w5..w8 before
     * w1..w4), ties in the order given. Names the output does not depend on come last.
     *
     * @param names the names to order (see {@link #names()})
     * @return the distinct names, each once, sorted by their distance from the output in named steps;
     *     a new, modifiable list
     * @throws NullPointerException if {@code names} is null
     */
    public List<String> teachingOrder(Collection<String> names) {
        List<String> order = new ArrayList<>(new java.util.LinkedHashSet<>(names));
        order.sort(Comparator.comparingInt(n -> {
            int id = graph.find(n);
            return id < 0 ? Integer.MAX_VALUE : distance[id];
        }));
        return order;
    }

    /** δ of every named node, by one backward pass over the named quantities (for left-out lines). */
    private double[] backward() {
        double[] d = new double[graph.size()];
        d[graph.output()] = 1;
        for (int c = graph.output(); c >= 0; c--) {
            if (!graph.isNamed(c) || d[c] == 0) {
                continue;
            }
            for (int u : graph.reads(c)) {
                d[u] += d[c] * graph.localValue(c, u);
            }
        }
        return d;
    }

    /** Each named node's distance to the output in named steps. */
    private int[] distances() {
        int[] dist = new int[graph.size()];
        Arrays.fill(dist, Integer.MAX_VALUE);
        dist[graph.output()] = 0;
        for (int c = graph.output(); c >= 0; c--) {
            if (!graph.isNamed(c) || dist[c] == Integer.MAX_VALUE) {
                continue;
            }
            for (int u : graph.reads(c)) {
                dist[u] = Math.min(dist[u], dist[c] + 1);
            }
        }
        return dist;
    }

    /** One factor of a chain: ∂of/∂wrt, with its formula (null if none) and value. */
    private static final class Factor {
        int of;
        int wrt;
        final Term formula;
        final double value;

        Factor(int of, int wrt, Term formula, double value) {
            this.of = of;
            this.wrt = wrt;
            this.formula = formula;
            this.value = value;
        }

        boolean isOne() {
            return value == 1.0 && formula != null && Fold.isNumber(formula, 1);
        }
    }

    /** The quantities already derived, shared by the derivations of one call. */
    private final class Session {
        /** δ_c already derived (c a node that feeds a node with several uses), by node id. */
        private final java.util.Map<Integer, Double> deltas = new java.util.HashMap<>();
        /** ∂out/∂u already derived as a sum over paths, by node id. */
        private final java.util.Map<Integer, Double> sums = new java.util.HashMap<>();
        /** Local derivatives already written out, "of wrt" → value. */
        private final java.util.Map<String, Double> locals = new java.util.HashMap<>();
        private List<Line> lines;
        private int steps;
        private int leftOut;

        Derivation derive(String name) {
            lines = new ArrayList<>();
            steps = 0;
            leftOut = 0;
            int out = graph.output();
            String outName = graph.name(out);
            int id = graph.find(name);
            double value;
            if (id == out) {
                value = 1;
                lines.add(new Line(Line.Kind.GIVEN, 0, partial(out, out), List.of(number(1)),
                        "the output itself"));
            } else if (id < 0 || delta[id] == 0 && graph.consumers(id).isEmpty()) {
                value = 0;
                lines.add(new Line(Line.Kind.GIVEN, 0, new Term.Partial(outName, name, 0), List.of(number(0)),
                        outName + " does not depend on " + name));
            } else {
                value = chain(id, 0, false);
            }
            double updated = Double.NaN;  // no update: Derivation.updated() is then empty
            if (learningRate != null && id >= 0) {
                updated = graph.value(id) - learningRate * value;
                Term w = new Term.Ref(name, graph.value(id));
                Term rule = new Term.Sum(List.of(w, new Term.Neg(new Term.Product(List.of(
                        new Term.Ref("η", learningRate), new Term.Partial(outName, name, value))))));
                lines.add(new Line(Line.Kind.UPDATE, 0, new Term.Ref(name, updated, true),
                        List.of(side(rule, false), side(rule, true), number(updated)), null));
            }
            return new Derivation(outName, name, value, learningRate, updated, lines, leftOut);
        }

        /**
         * Writes the derivation of ∂out/∂v (as δ_v when {@code asDelta}) at {@code depth} and
         * returns its value.
         */
        private double chain(int v, int depth, boolean asDelta) {
            int out = graph.output();
            List<Factor> factors = new ArrayList<>();
            int top = -1;
            int u = v;
            while (u != out) {
                List<Integer> cs = graph.consumers(u);
                if (cs.size() != 1 || (u != v && (deltas.containsKey(u) || sums.containsKey(u)))
                        || factors.size() == MAX_CHAIN) {
                    top = u;
                    break;
                }
                int c = cs.get(0);
                factors.add(new Factor(c, u, graph.localFormula(c, u), graph.localValue(c, u)));
                u = c;
            }
            java.util.Collections.reverse(factors);   // top-down, as written
            mergeOnes(factors, top);
            Term left = asDelta ? new Term.Delta(graph.name(v), delta[v]) : partial(out, v);
            if (top == v) {
                return paths(v, depth, left);   // v itself feeds several nodes
            }
            if (top < 0 && factors.size() == 1) {
                Factor f = factors.get(0);
                return local(f, depth, left, asDelta ? partial(out, v) : null);
            }
            // A chain cut for length goes on from its top towards the output: that part is written
            // first, at the same depth, so a long chain reads as a flat run of pieces from the
            // output down, each referring to the one above it, not as ever deeper nesting.
            boolean cut = top >= 0 && graph.consumers(top).size() == 1 && !deltas.containsKey(top)
                    && !sums.containsKey(top);
            double cutValue = cut ? upstreamOf(top, depth) : 0;
            List<Term> symbols = new ArrayList<>();
            Term topTerm = top < 0 ? null : topSymbol(top);
            if (topTerm != null) {
                symbols.add(topTerm);
            }
            for (Factor f : factors) {
                symbols.add(partial(f.of, f.wrt));
            }
            List<Line.Side> chainSides = new ArrayList<>();
            if (asDelta) {
                chainSides.add(side(partial(out, v), false));
            }
            chainSides.add(side(new Term.Product(symbols), false));
            lines.add(new Line(Line.Kind.CHAIN, depth, left, chainSides, null));
            List<Term> numbers = new ArrayList<>();
            double product = 1;
            if (top >= 0) {
                double t = cut ? cutValue : upstreamOf(top, depth + 1);
                numbers.add(valued(topTerm, t));
                product *= t;
            }
            for (Factor f : factors) {
                double x = local(f, depth + 1, partial(f.of, f.wrt), null);
                numbers.add(new Term.Partial(graph.name(f.of), graph.name(f.wrt), x));
                product *= x;
            }
            lines.add(new Line(Line.Kind.PRODUCT, depth, left,
                    List.of(side(new Term.Product(numbers), true), number(product)), null));
            return product;
        }

        /** How the top of a chain is written: δ_c if derived as a δ, else ∂out/∂c. */
        private Term topSymbol(int top) {
            if (deltas.containsKey(top)) {
                return new Term.Delta(graph.name(top), deltas.get(top));
            }
            return partial(graph.output(), top);
        }

        /** Derives (or refers back to) the top of a chain: a sum over paths, a δ, or the rest of a long chain. */
        private double upstreamOf(int top, int depth) {
            if (deltas.containsKey(top)) {
                double d = deltas.get(top);
                lines.add(new Line(Line.Kind.ABOVE, depth, new Term.Delta(graph.name(top), d), List.of(number(d)),
                        "derived above"));
                return d;
            }
            if (sums.containsKey(top)) {
                double d = sums.get(top);
                lines.add(new Line(Line.Kind.ABOVE, depth, partial(graph.output(), top), List.of(number(d)),
                        "derived above"));
                return d;
            }
            Term left = partial(graph.output(), top);
            if (!takeStep()) {
                return leftOutLine(top, depth, left);
            }
            double d = graph.consumers(top).size() > 1 ? paths(top, depth, left) : chain(top, depth, false);
            sums.put(top, d);
            return d;
        }

        /** δ_c for a node c that one path of a sum goes through: derived once, then referred to. */
        private double deltaOf(int c, int depth) {
            if (deltas.containsKey(c)) {
                double d = deltas.get(c);
                lines.add(new Line(Line.Kind.ABOVE, depth, new Term.Delta(graph.name(c), d), List.of(number(d)),
                        "derived above"));
                return d;
            }
            if (sums.containsKey(c)) {
                double d = sums.get(c);
                deltas.put(c, d);
                lines.add(new Line(Line.Kind.ABOVE, depth, new Term.Delta(graph.name(c), d),
                        List.of(side(partial(graph.output(), c), false), number(d)), "derived above"));
                return d;
            }
            Term left = new Term.Delta(graph.name(c), delta[c]);
            if (!takeStep()) {
                double d = leftOutLine(c, depth, left);
                deltas.put(c, d);
                return d;
            }
            double d = chain(c, depth, true);
            deltas.put(c, d);
            return d;
        }

        /** ∂out/∂u = Σ over the nodes u feeds of δ_c · ∂c/∂u, written out at {@code depth}. */
        private double paths(int u, int depth, Term left) {
            int out = graph.output();
            List<Integer> cs = graph.consumers(u);
            List<Term> terms = new ArrayList<>();
            for (int c : cs) {
                Term local = partial(c, u);
                terms.add(c == out ? local : new Term.Product(List.of(new Term.Delta(graph.name(c), delta[c]), local)));
            }
            List<Line.Side> sides = new ArrayList<>();
            if (left instanceof Term.Delta) {
                sides.add(side(partial(out, u), false));
            }
            sides.add(side(new Term.Sum(terms), false));
            lines.add(new Line(Line.Kind.PATHS, depth, left, sides, feeds(u, cs)));
            List<Term> values = new ArrayList<>();
            double sum = 0;
            for (int c : cs) {
                Factor f = new Factor(c, u, graph.localFormula(c, u), graph.localValue(c, u));
                if (c == out) {
                    double x = local(f, depth + 1, partial(c, u), null);
                    values.add(new Term.Ref("", x));
                    sum += x;
                    continue;
                }
                double d = deltaOf(c, depth + 1);
                double x = local(f, depth + 1, partial(c, u), null);
                double term = d * x;
                Term product = new Term.Product(List.of(new Term.Delta(graph.name(c), d),
                        new Term.Partial(graph.name(c), graph.name(u), x)));
                lines.add(new Line(Line.Kind.TERM, depth + 1, product, List.of(side(product, true), number(term)),
                        null));
                values.add(new Term.Ref("", term));
                sum += term;
            }
            lines.add(new Line(Line.Kind.SUM, depth, left, List.of(side(new Term.Sum(values), true), number(sum)),
                    null));
            return sum;
        }

        private String feeds(int u, List<Integer> cs) {
            StringBuilder b = new StringBuilder(graph.name(u)).append(" feeds ");
            int shown = Math.min(cs.size(), 6);
            for (int i = 0; i < shown; i++) {
                b.append(i == 0 ? "" : i == cs.size() - 1 ? " and " : ", ").append(graph.name(cs.get(i)));
            }
            if (shown < cs.size()) {
                b.append(" and ").append(cs.size() - shown).append(" more");
            }
            return b.append(": the paths add").toString();
        }

        /**
         * Writes local derivative f (or refers back to it) and returns its value.
         *
         * @param left  the left-hand side (∂c/∂u, or a δ or ∂out/∂v it stands for)
         * @param alias a symbol written between the two (∂out/∂v after δ_v), or null
         */
        private double local(Factor f, int depth, Term left, Term alias) {
            String key = f.of + " " + f.wrt;
            List<Line.Side> sides = new ArrayList<>();
            if (alias != null) {
                sides.add(side(alias, false));
            }
            if (locals.containsKey(key) && alias == null) {
                lines.add(new Line(Line.Kind.ABOVE, depth, left, List.of(number(f.value)), "as above"));
                return f.value;
            }
            locals.put(key, f.value);
            String note = null;
            if (f.formula == null) {
                note = graph.statementSize(f.of) > NamedGraph.FORMULA_LIMIT
                        ? "the statement of " + graph.name(f.of) + " is too long to write out; its value is the engine's"
                        : "no derivative formula is given for an op of " + graph.name(f.of) + "; its value is the engine's";
            } else if (f.formula instanceof Term.Num) {
                // a constant needs no second writing
            } else if (isAtom(f.formula)) {
                sides.add(side(f.formula, false));
            } else {
                sides.add(side(f.formula, false));
                sides.add(side(f.formula, true));
            }
            sides.add(number(f.value));
            lines.add(new Line(Line.Kind.LOCAL, depth, left, sides, note));
            return f.value;
        }

        private boolean takeStep() {
            if (steps >= maxSteps) {
                return false;
            }
            steps++;
            return true;
        }

        private double leftOutLine(int id, int depth, Term left) {
            leftOut++;
            lines.add(new Line(Line.Kind.LEFT_OUT, depth, left, List.of(number(delta[id])),
                    "from the backward pass, not derived: the limit of " + maxSteps + " derivation steps was reached"));
            return delta[id];
        }

        /**
         * The output as a sum of parts: while the chain starts with the output's own factor and
         * that factor is exactly 1 (E_total = E_o1 + E_o2 passes its gradient to E_o1 unchanged),
         * it joins the factor below it, which is then written from the output: ∂E_total/∂E_o1 ·
         * ∂E_o1/∂out_o1 reads ∂E_total/∂out_o1, as the material writes it. Factors of 1 further
         * down stay, as the material writes ∂f/∂q · ∂q/∂x with ∂q/∂x = 1.
         */
        private void mergeOnes(List<Factor> factors, int top) {
            while (top < 0 && factors.size() > 1 && factors.get(0).isOne()) {
                factors.get(1).of = factors.get(0).of;
                factors.remove(0);
            }
        }

        /**
         * The symbol ∂of/∂wrt, carrying the value it would show in numbers: the gradient δ_wrt
         * when {@code of} is the output, else the local derivative through of's statement.
         */
        private Term partial(int of, int wrt) {
            double v = of == wrt ? 1 : of == graph.output() ? delta[wrt] : graph.localValue(of, wrt);
            return new Term.Partial(graph.name(of), graph.name(wrt), v);
        }
    }

    private static boolean isAtom(Term t) {
        return t instanceof Term.Num || t instanceof Term.Ref || t instanceof Term.Constant;
    }

    private static Term valued(Term symbol, double value) {
        if (symbol instanceof Term.Delta d) {
            return new Term.Delta(d.node(), value);
        }
        Term.Partial p = (Term.Partial) symbol;
        return new Term.Partial(p.of(), p.wrt(), value);
    }

    private static Line.Side side(Term t, boolean numbers) {
        return new Line.Side(new Formula(t), numbers);
    }

    private static Line.Side number(double v) {
        return new Line.Side(new Formula(new Term.Num(v)), false);
    }
}
