package dev.chainrule.testkit;

import dev.chainrule.engine.Tensor;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded random tensor inputs: their shapes (fixed, broadcast-compatible at random, or from a
 * function) and their values (a range, positive, away from a kink).
 *
 * <pre>{@code
 * TensorInputs.shapes(new int[] {2, 3}, new int[] {3, 4})          // fixed shapes, values in [-2, 2]
 * TensorInputs.broadcastable(2, 3, 3).awayFrom(0)                  // two shapes that broadcast together
 * TensorInputs.shapes(new int[] {4}).positive()                    // for log and sqrt
 * }</pre>
 *
 * <p>Inputs are labelled x, y, z, ... as in expressions. Immutable; setters return copies.
 */
public final class TensorInputs {
    /** The distance kept from a kink by {@link #awayFrom(double)}. */
    static final double KINK_MARGIN = 0.05;

    private final Function<Random, int[][]> shapes;
    private final double lo;
    private final double hi;
    private final boolean positive;
    private final double kink;
    private final boolean avoidKink;

    private TensorInputs(Function<Random, int[][]> shapes, double lo, double hi, boolean positive, double kink,
            boolean avoidKink) {
        this.shapes = shapes;
        this.lo = lo;
        this.hi = hi;
        this.positive = positive;
        this.kink = kink;
        this.avoidKink = avoidKink;
    }

    /**
     * Tensors of these fixed shapes ({@code new int[0]} for a scalar), values uniform in [−2, 2].
     *
     * @param shapes the shapes, one per input
     * @return the resulting tensor inputs
     */
    public static TensorInputs shapes(int[]... shapes) {
        int[][] s = new int[shapes.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = Objects.requireNonNull(shapes[i], "shape " + i).clone();
        }
        return generated(r -> s);
    }

    /**
     * Tensors whose shapes {@code shapes} draws for each case (for shapes that must agree, as in matmul).
     *
     * @param shapes the shapes, one per input
     * @return the resulting tensor inputs
     */
    public static TensorInputs generated(Function<Random, int[][]> shapes) {
        Objects.requireNonNull(shapes, "shapes");
        return new TensorInputs(shapes, -2, 2, false, 0, false);
    }

    /**
     * {@code count} tensors whose random shapes broadcast together under NumPy's rules: a base
     * shape of rank 0 to {@code maxRank} with sizes 1 to {@code maxSize}; each tensor takes a
     * trailing part of it with some sizes set to 1.
     *
     * @param count how many
     * @param maxRank the max rank
     * @param maxSize the max size
     * @return {@code count} tensors whose random shapes broadcast together under NumPy's rules: a base shape
     *     of rank 0 to {@code maxRank} with sizes 1 to {@code maxSize}; each tensor takes a trailing part of
     *     it with some sizes set to 1
     * @throws IllegalArgumentException if a bound is below 1 (rank below 0)
     */
    public static TensorInputs broadcastable(int count, int maxRank, int maxSize) {
        if (count < 1 || maxRank < 0 || maxSize < 1) {
            throw new IllegalArgumentException("TensorInputs.broadcastable: need count >= 1, maxRank >= 0, maxSize >= 1,"
                    + " got " + count + ", " + maxRank + ", " + maxSize);
        }
        return generated(r -> {
            int rank = r.nextInt(maxRank + 1);
            int[] base = new int[rank];
            for (int a = 0; a < rank; a++) {
                base[a] = 1 + r.nextInt(maxSize);
            }
            int[][] out = new int[count][];
            for (int i = 0; i < count; i++) {
                int drop = i == 0 ? 0 : r.nextInt(rank + 1);
                int[] s = new int[rank - drop];
                for (int a = 0; a < s.length; a++) {
                    s[a] = r.nextDouble() < 0.3 ? 1 : base[drop + a];
                }
                out[i] = s;
            }
            return out;
        });
    }

    /**
     * A copy that, with probability {@code p}, draws tensors of these fixed shapes instead: big
     * ones reach the code paths that only large tensors take (vector loops from 4,096 elements,
     * multi-threaded matmul). Checked along random directions, they cost little.
     *
     * <pre>{@code
     * TensorInputs.broadcastable(1, 2, 3).sometimes(0.1, new int[] {64, 65})   // 4,160 elements
     * }</pre>
     *
     * @param p the exponent
     * @param shapes the shapes, one per input
     * @return A copy that, with probability {@code p}, draws tensors of these fixed shapes instead: big ones
     *     reach the code paths that only large tensors take (vector loops from 4,096 elements,
     *     multi-threaded matmul)
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
     */
    public TensorInputs sometimes(double p, int[]... shapes) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("TensorInputs.sometimes: need 0 <= p <= 1, got " + p);
        }
        int[][] fixed = new int[shapes.length][];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = Objects.requireNonNull(shapes[i], "shape " + i).clone();
        }
        Function<Random, int[][]> base = this.shapes;
        return new TensorInputs(r -> r.nextDouble() < p ? fixed : base.apply(r), lo, hi, positive, kink, avoidKink);
    }

    /**
     * A copy with values uniform in [lo, hi].
     *
     * @param lo the lower bound
     * @param hi the upper bound
     * @return A copy with values uniform in [lo, hi]
     * @throws IllegalArgumentException unless {@code lo < hi}, both finite
     */
    public TensorInputs between(double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("TensorInputs.between: need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        return new TensorInputs(shapes, lo, hi, false, kink, avoidKink);
    }

    /** {@return a copy with values log-uniform in [0.05, 5] (for log, sqrt, fractional powers, a pow base)} */
    public TensorInputs positive() {
        return new TensorInputs(shapes, 0.05, 5, true, kink, avoidKink);
    }

    /**
     * {@return a copy whose values keep at least 0.05 away from {@code point} (relu, abs at 0; a divisor)}
     *
     * @param point the point
     */
    public TensorInputs awayFrom(double point) {
        return new TensorInputs(shapes, lo, hi, positive, point, true);
    }

    /**
     * Whether every value of {@code flat} (the tensors' values one after another) is one these
     * inputs could draw: inside the range, and away from the kink if asked. Shrinking keeps to such
     * values, so that a pow's base stays positive.
     */
    boolean admits(double[] flat) {
        for (double v : flat) {
            if (!(v >= lo && v <= hi) || (avoidKink && !(Math.abs(v - kink) > KINK_MARGIN))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the next tensors, labelled x, y, z, ...}
     *
     * @param random the random source; seed it for repeatable results
     */
    public Tensor[] next(Random random) {
        int[][] s = shapes.apply(random);
        Tensor[] t = new Tensor[s.length];
        for (int i = 0; i < s.length; i++) {
            int n = 1;
            for (int d : s[i]) {
                n *= d;
            }
            double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = value(random);
            }
            Tensor leaf = s[i].length == 0 ? Tensor.scalar(v[0]) : Tensor.of(v, s[i]);
            t[i] = leaf.label(Expr.inputName(i));
        }
        return t;
    }

    private double value(Random r) {
        while (true) {
            double v = positive ? Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)))
                    : lo + r.nextDouble() * (hi - lo);
            if (!avoidKink || Math.abs(v - kink) > KINK_MARGIN) {
                return v;
            }
        }
    }
}
