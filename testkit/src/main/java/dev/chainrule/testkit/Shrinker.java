package dev.chainrule.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Reduces a failing expression and point to a small one that still fails: drop an operator
 * (keep one of its arguments), replace a sub-expression by an input or a constant, merge inputs,
 * simplify constants and coordinates. Greedy: it takes the smallest candidate that still fails
 * and starts again, until no candidate fails.
 */
final class Shrinker {
    /** At most this many candidate checks, so shrinking always ends quickly. */
    private static final int MAX_ATTEMPTS = 4000;
    /** At most this many simplifications of a point that is not part of an expression. */
    private static final int MAX_POINT_STEPS = 200;

    /** The result: expression (null when only a point was shrunk), point, and accepted steps. */
    record Result(Expr expr, double[] point, int steps) {
    }

    private Shrinker() {
    }

    /** Shrinks {@code e} at {@code x}; {@code fails} says whether a candidate still fails. */
    static Result shrink(Expr e, double[] x, BiPredicate<Expr, double[]> fails) {
        int steps = 0;
        int attempts = 0;
        x = x.clone();
        zeroUnused(e, x);
        boolean progress = true;
        while (progress && attempts < MAX_ATTEMPTS) {
            progress = false;
            for (Expr c : candidates(e, x.length)) {
                if (++attempts > MAX_ATTEMPTS) {
                    break;
                }
                double[] p = x.clone();
                carryMergedInput(e, c, p);
                zeroUnused(c, p);
                if (fails.test(c, p)) {
                    e = c;
                    x = p;
                    steps++;
                    progress = true;
                    break;
                }
            }
            if (!progress) {
                double[] p = simplerPoint(e, x, fails);
                if (p != null) {
                    x = p;
                    steps++;
                    progress = true;
                }
            }
        }
        return new Result(e, x, steps);
    }

    /** Simplifies only the point of a function that is not an expression. */
    static Result shrinkPoint(double[] x, java.util.function.Predicate<double[]> fails) {
        int steps = 0;
        double[] p = x.clone();
        for (int round = 0; round < MAX_POINT_STEPS; round++) {
            double[] q = simplerPoint(null, p, (e, y) -> fails.test(y));
            if (q == null) {
                break;
            }
            p = q;
            steps++;
        }
        return new Result(null, p, steps);
    }

    /** One coordinate made simpler, if the result still fails; {@code null} if none can be. */
    private static double[] simplerPoint(Expr e, double[] x, BiPredicate<Expr, double[]> fails) {
        for (int i = 0; i < x.length; i++) {
            if (e != null && !e.usesInput(i)) {
                continue;
            }
            for (double v : simplerNumbers(x[i])) {
                double[] p = x.clone();
                p[i] = v;
                if (fails.test(e, p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The simplest numbers, simplest first: among numbers of the same length, earlier is simpler. */
    private static final double[] SIMPLEST = {0, 1, -1, 2, -2, 0.5, -0.5};

    /**
     * Numbers simpler than {@code c}, simplest first: shorter text, or text as short and earlier in
     * {@link #SIMPLEST} (so 1 still shrinks to 0). A strict order, so shrinking never cycles.
     */
    static List<Double> simplerNumbers(double c) {
        double[] tries = {0, 1, -1, 2, -2, 0.5, -0.5, Math.rint(c), Math.rint(c * 10) / 10, Math.rint(c * 100) / 100,
            Math.rint(c * 1000) / 1000};
        int len = Numbers.format(c).length();
        int rank = rank(c);
        List<Double> out = new ArrayList<>();
        for (double t : tries) {
            int tl = Numbers.format(t).length();
            boolean simpler = tl < len || (tl == len && rank(t) < rank);
            if (simpler && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static int rank(double x) {
        for (int i = 0; i < SIMPLEST.length; i++) {
            if (Double.compare(SIMPLEST[i], x) == 0) {
                return i;
            }
        }
        return SIMPLEST.length;
    }

    /**
     * Where {@code c} uses an input that {@code e} did not, in place of one that e used and c no
     * longer does (y replaced by x), that input takes the replaced one's value, so that the
     * candidate is the same function at the same point.
     */
    private static void carryMergedInput(Expr e, Expr c, double[] p) {
        int removed = -1;
        int added = -1;
        for (int i = 0; i < p.length; i++) {
            boolean before = e.usesInput(i);
            boolean after = c.usesInput(i);
            if (before && !after && removed < 0) {
                removed = i;
            } else if (after && !before && added < 0) {
                added = i;
            }
        }
        if (removed >= 0 && added >= 0) {
            p[added] = p[removed];
        }
    }

    private static void zeroUnused(Expr e, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!e.usesInput(i)) {
                x[i] = 0;
            }
        }
    }

    /** Every one-step reduction of {@code e} that is smaller, smallest first. */
    static List<Expr> candidates(Expr e, int inputs) {
        List<Expr> nodes = e.nodes();
        List<Expr> out = new ArrayList<>();
        for (int k = nodes.size() - 1; k >= 0; k--) {
            Expr n = nodes.get(k);
            if (n.operator() != null) {
                for (Expr a : n.arguments()) {
                    out.add(e.replace(n, a));
                }
                for (int i = 0; i < inputs; i++) {
                    out.add(e.replace(n, inputNode(nodes, i)));
                }
                out.add(e.replace(n, Expr.constant(1)));
                out.add(e.replace(n, Expr.constant(0)));
            } else if (n.isConstant()) {
                for (double v : simplerNumbers(n.constantValue())) {
                    out.add(e.replace(n, Expr.constant(v)));
                }
            } else {
                for (int i = 0; i < n.inputIndex(); i++) {
                    out.add(e.replace(n, inputNode(nodes, i)));
                }
            }
        }
        // Smaller means fewer nodes, then shorter text, then earlier text (sin(x) before sin(y)),
        // so every step makes progress and the result does not depend on the path taken.
        Comparator<Expr> order = Comparator.comparingInt(Expr::size)
                .thenComparingInt((Expr c) -> c.toString().length()).thenComparing(Expr::toString);
        Set<String> seen = new HashSet<>();
        List<Expr> smaller = new ArrayList<>();
        for (Expr c : out) {
            if (order.compare(c, e) < 0 && seen.add(c.toString())) {
                smaller.add(c);
            }
        }
        smaller.sort(order);
        return smaller;
    }

    private static Expr inputNode(List<Expr> nodes, int i) {
        for (Expr n : nodes) {
            if (n.isInput() && n.inputIndex() == i) {
                return n;
            }
        }
        return Expr.input(i);
    }
}
