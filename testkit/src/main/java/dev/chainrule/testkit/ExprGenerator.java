package dev.chainrule.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Seeded random expression graphs over k inputs, with bounds on depth and size, that reuse
 * sub-expressions ({@code a + a}, diamonds), and points inside every operator's domain.
 *
 * <pre>{@code
 * ExprGenerator g = ExprGenerator.over(3).maxDepth(5).maxSize(16);
 * Random r = new Random(42);
 * Expr e = g.next(r);           // e.g. t1 = x * y \n f = sin(t1) + t1 ^ 2
 * double[] x = g.pointFor(e, r);
 * }</pre>
 *
 * <p>Immutable; the setters return changed copies.
 */
public final class ExprGenerator {
    private static final int POINT_TRIES = 60;
    private static final int GRAPH_TRIES = 200;

    private final int inputs;
    private final List<Operator> operators;
    private final Operator featured;
    private final int maxDepth;
    private final int maxSize;
    private final double reuse;
    private final double constants;
    private final boolean allowKinks;
    private final Inputs points;

    private ExprGenerator(int inputs, List<Operator> operators, Operator featured, int maxDepth, int maxSize,
            double reuse, double constants, boolean allowKinks, Inputs points) {
        this.inputs = inputs;
        this.operators = List.copyOf(operators);
        this.featured = featured;
        this.maxDepth = maxDepth;
        this.maxSize = maxSize;
        this.reuse = reuse;
        this.constants = constants;
        this.allowKinks = allowKinks;
        this.points = points;
    }

    /**
     * Expressions over {@code inputs} inputs using every built-in operator, depth at most 4, at
     * most 12 distinct nodes, reusing a sub-expression 30% of the time, away from kinks.
     *
     * @param inputs the inputs
     * @return the resulting expr generator
     * @throws IllegalArgumentException if {@code inputs < 1}
     */
    public static ExprGenerator over(int inputs) {
        if (inputs < 1) {
            throw new IllegalArgumentException("ExprGenerator.over: need at least 1 input, got " + inputs);
        }
        return new ExprGenerator(inputs, Operator.builtins(), null, 4, 12, 0.3, 0.1, false, Inputs.of(inputs));
    }

    /**
     * {@return a copy that uses exactly these operators}
     *
     * @param ops the ops
     */
    public ExprGenerator operators(List<Operator> ops) {
        Objects.requireNonNull(ops, "ops");
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("ExprGenerator.operators: the list is empty");
        }
        return new ExprGenerator(inputs, ops, featured, maxDepth, maxSize, reuse, constants, allowKinks, points);
    }

    /**
     * {@return a copy that also uses {@code extra}}
     *
     * @param extra the extra
     */
    public ExprGenerator with(Operator... extra) {
        List<Operator> l = new ArrayList<>(operators);
        l.addAll(List.of(extra));
        return operators(l);
    }

    /**
     * A copy in which every expression contains {@code op} (it is also added to the operators):
     * the way to test a custom op inside random graphs.
     *
     * @param op the operator
     * @return A copy in which every expression contains {@code op} (it is also added to the operators): the
     *     way to test a custom op inside random graphs
     */
    public ExprGenerator featuring(Operator op) {
        Objects.requireNonNull(op, "op");
        List<Operator> l = new ArrayList<>(operators);
        if (!l.contains(op)) {
            l.add(op);
        }
        return new ExprGenerator(inputs, l, op, maxDepth, maxSize, reuse, constants, allowKinks, points);
    }

    /**
     * A copy with at most this many operators on any path from the output to a leaf.
     *
     * @param depth the most operators on a path
     * @return A copy with at most this many operators on any path from the output to a leaf
     * @throws IllegalArgumentException if {@code depth < 1}
     */
    public ExprGenerator maxDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("ExprGenerator.maxDepth: need at least 1, got " + depth);
        }
        return new ExprGenerator(inputs, operators, featured, depth, maxSize, reuse, constants, allowKinks, points);
    }

    /**
     * A copy with at most this many distinct nodes (leaves included).
     *
     * @param size the size
     * @return A copy with at most this many distinct nodes (leaves included)
     * @throws IllegalArgumentException if {@code size < 2}
     */
    public ExprGenerator maxSize(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("ExprGenerator.maxSize: need at least 2, got " + size);
        }
        return new ExprGenerator(inputs, operators, featured, maxDepth, size, reuse, constants, allowKinks, points);
    }

    /**
     * A copy that reuses an existing sub-expression with this probability instead of making a new
     * one (0 gives trees, higher values give more diamonds and {@code a + a}).
     *
     * @param p the exponent
     * @return A copy that reuses an existing sub-expression with this probability instead of making a new
     *     one (0 gives trees, higher values give more diamonds and {@code a + a})
     * @throws IllegalArgumentException unless {@code 0 <= p < 1}
     */
    public ExprGenerator reuse(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("ExprGenerator.reuse: need 0 <= p < 1, got " + p);
        }
        return new ExprGenerator(inputs, operators, featured, maxDepth, maxSize, p, constants, allowKinks, points);
    }

    /**
     * A copy whose points may sit at kinks (relu at 0, max at a tie): inputs are sometimes exactly
     * 0 or equal to each other. Where the whole function has a kink, GradCheck passes it if the
     * analytic value lies between the one-sided slopes. Where an op <em>inside</em> the graph sits
     * at its kink, a disagreement is counted as a kink rather than failed: reverse mode combines
     * the ops' one-sided conventions, which need not give a derivative of the whole
     * ({@code min(relu(y), y)} at y = 0 has derivative 1, the backward pass gives 0.5).
     *
     * @param allow whether allow
     * @return A copy whose points may sit at kinks (relu at 0, max at a tie): inputs are sometimes exactly 0
     *     or equal to each other
     */
    public ExprGenerator allowKinks(boolean allow) {
        return new ExprGenerator(inputs, operators, featured, maxDepth, maxSize, reuse, constants, allow, points);
    }

    /**
     * A copy drawing points from {@code inputs} (which must have this generator's input count).
     *
     * @param in the number of inputs
     * @return A copy drawing points from {@code inputs} (which must have this generator's input count)
     * @throws IllegalArgumentException if the counts differ
     */
    public ExprGenerator points(Inputs in) {
        Objects.requireNonNull(in, "in");
        if (in.count() != inputs) {
            throw new IllegalArgumentException("ExprGenerator.points: " + in.count() + " inputs given for "
                    + inputs);
        }
        return new ExprGenerator(inputs, operators, featured, maxDepth, maxSize, reuse, constants, allowKinks, in);
    }

    /** {@return the number of inputs} */
    public int inputCount() {
        return inputs;
    }

    /** {@return whether points may sit at kinks} */
    public boolean allowsKinks() {
        return allowKinks;
    }

    /**
     * The next expression that has an admissible point (see {@link #pointFor}).
     *
     * @param random the random source; seed it for repeatable results
     * @return the next expression that has an admissible point (see {@link #pointFor})
     * @throws IllegalStateException if 200 expressions in a row had no admissible point
     */
    public Expr next(Random random) {
        for (int t = 0; t < GRAPH_TRIES; t++) {
            Expr e = grow(random);
            if (e.size() > maxSize || (featured != null && !contains(e, featured))) {
                continue;
            }
            return e;
        }
        throw new IllegalStateException("ExprGenerator: no expression with operator '"
                + (featured == null ? "?" : featured.name()) + "' in " + GRAPH_TRIES
                + " tries; raise maxSize or maxDepth");
    }

    /**
     * A point at which every operator of {@code e} is inside its domain, every value is finite and
     * at most 1e4 in size, and (unless kinks are allowed) no kink is near; {@code null} if 60
     * draws found none.
     *
     * @param e the e
     * @param random the random source; seed it for repeatable results
     * @return A point at which every operator of {@code e} is inside its domain, every value is finite and
     *     at most 1e4 in size, and (unless kinks are allowed) no kink is near; {@code null} if 60 draws
     *     found none
     */
    public double[] pointFor(Expr e, Random random) {
        for (int t = 0; t < POINT_TRIES; t++) {
            double[] x = points.next(random);
            if (allowKinks) {
                for (int i = 0; i < x.length; i++) {
                    double u = random.nextDouble();
                    if (u < 0.15) {
                        x[i] = 0;
                    } else if (u < 0.25 && i > 0) {
                        x[i] = x[random.nextInt(i)];
                    }
                }
            }
            if (Admissibility.problem(e, x, allowKinks) == null) {
                return x;
            }
        }
        return null;
    }

    private static boolean contains(Expr e, Operator op) {
        for (Expr n : e.nodes()) {
            if (n.operator() == op) {
                return true;
            }
        }
        return false;
    }

    /** Grows one expression top-down, sharing from a pool of the nodes made so far. */
    private Expr grow(Random r) {
        List<Expr> pool = new ArrayList<>();
        int[] budget = {maxSize};
        return node(r, maxDepth, pool, budget, true);
    }

    private Expr node(Random r, int depth, List<Expr> pool, int[] budget, boolean root) {
        if (!root && !pool.isEmpty() && r.nextDouble() < reuse) {
            Expr shared = pool.get(r.nextInt(pool.size()));
            if (shared.depth() <= depth) {
                return shared;
            }
        }
        if (depth == 0 || budget[0] <= 1 || (!root && r.nextDouble() < 0.2)) {
            return leaf(r, pool, budget);
        }
        Operator op = pick(r);
        if (op.arity() + 1 > budget[0]) {
            return leaf(r, pool, budget);
        }
        budget[0]--;
        Expr[] args = new Expr[op.arity()];
        for (int i = 0; i < args.length; i++) {
            // a + a: the same argument twice, now and then.
            args[i] = i > 0 && r.nextDouble() < reuse / 3 ? args[0] : node(r, depth - 1, pool, budget, false);
        }
        Expr e = Expr.apply(op, args);
        pool.add(e);
        return e;
    }

    private Operator pick(Random r) {
        if (featured != null && r.nextDouble() < 0.3) {
            return featured;
        }
        return operators.get(r.nextInt(operators.size()));
    }

    private Expr leaf(Random r, List<Expr> pool, int[] budget) {
        budget[0]--;
        if (r.nextDouble() < constants) {
            return Expr.constant(Math.round(r.nextDouble() * 40 - 20) / 10.0);
        }
        Expr in = Expr.input(r.nextInt(inputs));
        for (Expr p : pool) {
            if (p.isInput() && p.inputIndex() == in.inputIndex()) {
                return p;
            }
        }
        pool.add(in);
        return in;
    }
}
