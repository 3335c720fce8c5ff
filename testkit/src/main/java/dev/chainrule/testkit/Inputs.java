package dev.chainrule.testkit;

import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Seeded random points of k inputs.
 *
 * <pre>{@code
 * Inputs.of(2)                        // mostly in [-3, 3], else 0.001..10,000 in size, either sign
 * Inputs.of(1).positive()             // 0.01..20, log-uniform: for log, sqrt
 * Inputs.of(2).between(-1, 1).where(x -> x[0] != x[1])
 * }</pre>
 *
 * <p>Immutable; the setters return changed copies. The same {@link Random} state always gives the
 * same point.
 */
public final class Inputs {
    /** How often a coordinate is drawn with a magnitude of 1e-3 to 1e4 instead of from the range. */
    private static final double WIDE = 0.3;
    /** The decades of those magnitudes: 10^-3 to 10^4, log-uniform. */
    private static final double WIDE_LOW = -3;
    private static final double WIDE_DECADES = 7;
    private static final int TRIES = 10_000;

    private final int count;
    private final double lo;
    private final double hi;
    private final boolean positive;
    private final boolean wide;
    private final Predicate<double[]> filter;

    private Inputs(int count, double lo, double hi, boolean positive, boolean wide, Predicate<double[]> filter) {
        this.count = count;
        this.lo = lo;
        this.hi = hi;
        this.positive = positive;
        this.wide = wide;
        this.filter = filter;
    }

    /**
     * Points of {@code count} inputs, each coordinate uniform in [−3, 3] (70%) or of magnitude
     * 0.001 to 10,000, log-uniform, either sign (30%), so that rules that go wrong only for
     * large or small arguments are reached, and steps suited to the scale are exercised. Points
     * where an operator is undefined or a value leaves the test kit's bounds are drawn again.
     *
     * @param count how many
     * @return the resulting inputs
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public static Inputs of(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Inputs.of: count must be at least 0, got " + count);
        }
        return new Inputs(count, -3, 3, false, true, x -> true);
    }

    /**
     * A copy drawing every coordinate uniformly from [lo, hi] (and never from the wide scales).
     *
     * @param lo the lower bound
     * @param hi the upper bound
     * @return A copy drawing every coordinate uniformly from [lo, hi] (and never from the wide scales)
     * @throws IllegalArgumentException unless {@code lo < hi}, both finite
     */
    public Inputs between(double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("Inputs.between: need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        return new Inputs(count, lo, hi, false, false, filter);
    }

    /** {@return a copy drawing positive coordinates, log-uniform from 0.01 to 20 (for log, sqrt, fractional powers)} */
    public Inputs positive() {
        return new Inputs(count, 0.01, 20, true, false, filter);
    }

    /**
     * {@return a copy that keeps only points where {@code accept} holds (drawing again otherwise)}
     *
     * @param accept the accept
     */
    public Inputs where(Predicate<double[]> accept) {
        Objects.requireNonNull(accept, "accept");
        return new Inputs(count, lo, hi, positive, wide, filter.and(accept));
    }

    /** {@return the number of inputs} */
    public int count() {
        return count;
    }

    /**
     * Whether {@code x} is a point these inputs could draw: inside the range (any value for the
     * default wide scales) and accepted by the filter. Shrinking keeps to such points.
     */
    boolean admits(double[] x) {
        if (x.length != count) {
            return false;
        }
        for (double v : x) {
            if (!Double.isFinite(v) || (!wide && (v < lo || v > hi))) {
                return false;
            }
        }
        return filter.test(x);
    }

    /**
     * The next point.
     *
     * @param random the random source; seed it for repeatable results
     * @return the next point
     * @throws IllegalStateException if the filter rejected 10,000 points in a row
     */
    public double[] next(Random random) {
        for (int t = 0; t < TRIES; t++) {
            double[] x = new double[count];
            for (int i = 0; i < count; i++) {
                x[i] = coordinate(random);
            }
            if (filter.test(x)) {
                return x;
            }
        }
        throw new IllegalStateException("Inputs: the filter rejected " + TRIES
                + " points in a row; widen the range or loosen the filter");
    }

    private double coordinate(Random r) {
        if (positive) {
            return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
        }
        if (wide && r.nextDouble() < WIDE) {
            double m = Math.pow(10, WIDE_LOW + WIDE_DECADES * r.nextDouble());
            return r.nextBoolean() ? m : -m;
        }
        return lo + r.nextDouble() * (hi - lo);
    }
}
