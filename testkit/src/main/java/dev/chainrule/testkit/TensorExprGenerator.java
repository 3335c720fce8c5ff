package dev.chainrule.testkit;

import dev.chainrule.engine.Tensor;
import dev.chainrule.testkit.TensorExpr.Form;
import dev.chainrule.testkit.TensorExpr.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random tensor expression graphs over x [m, n], y [1, n], z [m, 1] and u [n, n]:
 * elementwise ops, broadcasting between all four forms, sum, mean, max and logsumexp along
 * either axis with and without keepDims and over everything, softmax and logSoftmax along either
 * axis, and matmul. Sizes m and n are 1 to 4, and one case in ten is 64 × 65, which takes the
 * engine's vector loops (from 4,096 elements) and multi-threaded matmul. Values are uniform in
 * [−2, 2].
 *
 * <pre>{@code
 * GradientProperties.assertGradientsMatch(TensorExprGenerator.defaults());
 * }</pre>
 */
public final class TensorExprGenerator {
    private static final List<Op> UNARY = List.of(
            new Op("exp", 1, null, Tensor::exp, null, false),
            new Op("tanh", 1, null, Tensor::tanh, null, false),
            new Op("sigmoid", 1, null, Tensor::sigmoid, null, false),
            new Op("sin", 1, null, Tensor::sin, null, false),
            new Op("softplus", 1, null, Tensor::softplus, null, false),
            new Op("square", 1, null, Tensor::square, null, false),
            new Op("neg", 1, null, Tensor::neg, null, false),
            new Op("relu", 1, null, Tensor::relu, null, false),
            new Op("gelu", 1, null, Tensor::gelu, null, false));
    private static final List<Op> BINARY = List.of(
            new Op("+", 2, null, null, Tensor::add, true),
            new Op("-", 2, null, null, Tensor::sub, true),
            new Op("*", 2, null, null, Tensor::mul, true),
            new Op("max", 2, null, null, Tensor::max, false));
    private static final String[] REDUCTIONS = {"sum", "mean", "max", "logsumexp"};

    private final int maxDepth;
    private final double large;

    private TensorExprGenerator(int maxDepth, double large) {
        this.maxDepth = maxDepth;
        this.large = large;
    }

    /** {@return depth at most 4, one case in ten 64 × 65} */
    public static TensorExprGenerator defaults() {
        return new TensorExprGenerator(4, 0.1);
    }

    /**
     * A copy with at most this many operations on any path.
     *
     * @param depth the most operators on a path
     * @return A copy with at most this many operations on any path
     * @throws IllegalArgumentException if {@code depth < 1}
     */
    public TensorExprGenerator maxDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("TensorExprGenerator.maxDepth: need at least 1, got " + depth);
        }
        return new TensorExprGenerator(depth, large);
    }

    /**
     * A copy drawing 64 × 65 inputs with probability {@code p} (else m, n in 1..4).
     *
     * @param p the exponent
     * @return A copy drawing 64 × 65 inputs with probability {@code p} (else m, n in 1..4)
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
     */
    public TensorExprGenerator large(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("TensorExprGenerator.large: need 0 <= p <= 1, got " + p);
        }
        return new TensorExprGenerator(maxDepth, p);
    }

    /**
     * {@return the next expression, its root of the full [m, n] form}
     *
     * @param r the random source for this case
     */
    public TensorExpr next(Random r) {
        List<TensorExpr> pool = new ArrayList<>();
        return node(r, Form.FULL, maxDepth, pool, true);
    }

    /**
     * Inputs x [m, n], y [1, n], z [m, 1], u [n, n], values uniform in [−2, 2].
     *
     * @param r the random source for this case
     * @return the resulting tensor array
     */
    public Tensor[] inputs(Random r) {
        int m = r.nextDouble() < large ? 64 : 1 + r.nextInt(4);
        int n = m == 64 ? 65 : 1 + r.nextInt(4);
        return new Tensor[] {tensor(r, "x", m, n), tensor(r, "y", 1, n), tensor(r, "z", m, 1), tensor(r, "u", n, n)};
    }

    /** Whether every value is one {@link #inputs} could draw (shrinking keeps to these). */
    static boolean admits(double[] flat) {
        for (double v : flat) {
            if (!(v >= -2 && v <= 2)) {
                return false;
            }
        }
        return true;
    }

    private static Tensor tensor(Random r, String label, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = -2 + 4 * r.nextDouble();
        }
        return Tensor.of(v, rows, cols).label(label);
    }

    private TensorExpr node(Random r, Form form, int depth, List<TensorExpr> pool, boolean root) {
        if (!root && r.nextDouble() < 0.25) {
            for (TensorExpr p : pool) {
                if (p.form() == form && r.nextBoolean()) {
                    return p;
                }
            }
        }
        if (depth == 0 || (!root && r.nextDouble() < 0.25)) {
            return leaf(r, form, pool);
        }
        TensorExpr e;
        double u = r.nextDouble();
        if (form == Form.SCALAR) {
            e = reduce(r, node(r, Form.FULL, depth - 1, pool, false), "()", Form.SCALAR);
        } else if (form == Form.ROW && u < 0.5) {
            e = reduce(r, node(r, Form.FULL, depth - 1, pool, false), r.nextBoolean() ? "(0, keep)" : "(0)", Form.ROW);
        } else if (form == Form.COLUMN && u < 0.5) {
            e = reduce(r, node(r, Form.FULL, depth - 1, pool, false), "(1, keep)", Form.COLUMN);
        } else if (u < 0.35) {
            e = TensorExpr.apply(UNARY.get(r.nextInt(UNARY.size())), node(r, form, depth - 1, pool, false));
        } else if (form == Form.FULL && u < 0.5) {
            int axis = r.nextInt(2);
            boolean log = r.nextBoolean();
            Op sm = new Op((log ? "logSoftmax(" : "softmax(") + axis + ")", 1, Form.FULL,
                    t -> log ? t.logSoftmax(axis) : t.softmax(axis), null, false);
            e = TensorExpr.apply(sm, node(r, Form.FULL, depth - 1, pool, false));
        } else if (form == Form.FULL && u < 0.6) {
            Op mm = new Op("@", 2, Form.FULL, null, Tensor::matmul, true);
            e = TensorExpr.apply(mm, node(r, Form.FULL, depth - 1, pool, false), TensorExpr.input(3));
        } else {
            Op op = BINARY.get(r.nextInt(BINARY.size()));
            TensorExpr a = node(r, form, depth - 1, pool, false);
            Form other = form == Form.FULL ? Form.values()[r.nextInt(4)] : r.nextBoolean() ? form : Form.SCALAR;
            TensorExpr b = node(r, other, depth - 1, pool, false);
            Op typed = new Op(op.name(), 2, form, null, op.binary(), op.infix());
            e = r.nextBoolean() ? TensorExpr.apply(typed, a, b) : TensorExpr.apply(typed, b, a);
        }
        pool.add(e);
        return e;
    }

    /** sum, mean, max or logsumexp of {@code arg}; {@code axes} is "()" (all), "(0)", "(0, keep)" or "(1, keep)". */
    private static TensorExpr reduce(Random r, TensorExpr arg, String axes, Form form) {
        String name = REDUCTIONS[r.nextInt(REDUCTIONS.length)];
        boolean keep = axes.contains("keep");
        int[] along = axes.equals("()") ? null : new int[] {axes.charAt(1) - '0'};
        Op op = new Op(name + axes, 1, form, t -> reduction(name, t, along, keep), null, false);
        return TensorExpr.apply(op, arg);
    }

    private static Tensor reduction(String name, Tensor t, int[] axes, boolean keep) {
        switch (name) {
            case "sum":
                return axes == null ? t.sum() : t.sum(axes, keep);
            case "mean":
                return axes == null ? t.mean() : t.mean(axes, keep);
            case "max":
                return axes == null ? t.max() : t.max(axes, keep);
            default:
                return axes == null ? t.logsumexp() : t.logsumexp(axes, keep);
        }
    }

    private static TensorExpr leaf(Random r, Form form, List<TensorExpr> pool) {
        switch (form) {
            case ROW:
                return shared(pool, 1);
            case COLUMN:
                return shared(pool, 2);
            case SCALAR:
                return reduce(r, shared(pool, 0), "()", Form.SCALAR);
            default:
                return shared(pool, 0);
        }
    }

    private static TensorExpr shared(List<TensorExpr> pool, int input) {
        for (TensorExpr p : pool) {
            if (p.isInput() && p.inputIndex() == input) {
                return p;
            }
        }
        TensorExpr in = TensorExpr.input(input);
        pool.add(in);
        return in;
    }
}
