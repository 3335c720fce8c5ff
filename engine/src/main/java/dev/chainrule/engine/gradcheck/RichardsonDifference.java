package dev.chainrule.engine.gradcheck;

import java.util.function.DoubleUnaryOperator;

/**
 * A numerical derivative with an estimate of its own error, for {@link GradCheck#extrapolated()}.
 *
 * <p>Central differences D(h) at the steps H, H/2 and H/4 have errors c₂h² + c₄h⁴ + ...;
 * Richardson's combination R(h) = D(h/2) + (D(h/2) − D(h))/3 removes the h² term, so
 * R₂ = R(H/2) is exact up to O(H⁴). Its error is estimated as the sum of
 * <ul>
 *   <li>truncation: |R₂ − R₁|, with R₁ = R(H). Where the h⁴ term dominates, R₁'s error is 16
 *       times R₂'s, so this overstates R₂'s own truncation error about fifteenfold;</li>
 *   <li>rounding: each evaluation of g may be off by {@link #NOISE_ULPS} units in the last place
 *       of max(1, largest |g| seen), plus {@link #SUM_ULPS} units of Σ|terms| when g is a sum, and
 *       R₂ = Σ cᵢ·g(tᵢ) multiplies that by Σ|cᵢ| = 6/H. So derivatives are resolved to about
 *       2e-11 / max(1, |t|) absolute at best.</li>
 * </ul>
 * <p>Σ|terms| is for a g that is a sum, as a tensor check's L = Σⱼ wⱼ·yⱼ over every output
 * element is: rounding each partial sum costs units in the last place of the partial sums, which
 * are bounded by Σ|wⱼ·yⱼ|, not by |L|. With weights of random sign, |L| is about Σ|wⱼ·yⱼ| / √n, so
 * an error model in units of |L| alone is √n too optimistic: right for a 2 × 3 tensor, 66 times
 * too tight at 4,352 elements, where a right logSoftmax over 16 × 16 × 17 failed at 1.6e-9
 * against 7.3e-10 allowed (relative error 3e-9, nothing to do with the derivative).
 *
 * <p>At H = 10⁻³·max(1, |t|) both are about 10⁻¹² of the derivative for the engine's ops, so an
 * analytic derivative that is wrong by 10⁻⁶ of its value stands far outside the estimate, where
 * a single central difference at PyTorch's step (error about 10⁻¹⁰ from rounding and 10⁻¹² ·
 * f‴ from truncation, with no estimate at all) needs a fixed tolerance of 10⁻³.
 *
 * <p>The one-sided slopes at H/4 and H/2 come for free from the same evaluations: at a kink the
 * gap between them stays the same when the step halves, where a smooth function's gap halves.
 */
final class RichardsonDifference {
    /** Rounding allowed per evaluation, in units of the last place of the largest |g|. */
    static final double NOISE_ULPS = 32;
    /**
     * Rounding allowed per evaluation of a sum, in units of Σ|terms|: adding n terms rounds every
     * partial sum, which leaves an error of about 0.6 units of Σ|terms| (a random walk of n roundings
     * of partial sums that grow like √k); four units is that with a safety margin.
     */
    static final double SUM_ULPS = 4;
    /** The unit roundoff of float64, 2⁻⁵³. */
    private static final double UNIT = 0x1p-53;
    /** Steps tried, each 1/16 of the last, when the function is not finite at the first. */
    private static final int STEP_TRIES = 4;

    final double numerical;
    final double truncation;
    final double rounding;
    final double step;
    /** One-sided slopes at H/4 (the smallest step) and H/2. */
    final double left;
    final double right;
    final double leftCoarse;
    final double rightCoarse;

    private RichardsonDifference(double numerical, double truncation, double rounding, double step, double left,
            double right, double leftCoarse, double rightCoarse) {
        this.numerical = numerical;
        this.truncation = truncation;
        this.rounding = rounding;
        this.step = step;
        this.left = left;
        this.right = right;
        this.leftCoarse = leftCoarse;
        this.rightCoarse = rightCoarse;
    }

    /**
     * The derivative of {@code g} at {@code t0}, starting from the step {@code h}; if g is not
     * finite at some point (the step left g's domain), a sixteenth of the step, up to three times.
     */
    static RichardsonDifference at(DoubleUnaryOperator g, double t0, double h, double f0) {
        return at(g, t0, h, f0, 0);
    }

    /**
     * As {@link #at(DoubleUnaryOperator, double, double, double)}, for a g that adds up terms
     * whose absolute values sum to {@code terms} at t0 (its rounding is in units of that).
     */
    static RichardsonDifference at(DoubleUnaryOperator g, double t0, double h, double f0, double terms) {
        RichardsonDifference d = null;
        for (int k = 0; k < STEP_TRIES; k++) {
            d = once(g, t0, h, f0, terms);
            if (Double.isFinite(d.numerical) && Double.isFinite(d.rounding)) {
                return d;
            }
            h /= 16;
        }
        return d;
    }

    private static RichardsonDifference once(DoubleUnaryOperator g, double t0, double h, double f0, double terms) {
        double[] central = new double[3];
        double[] left = new double[3];
        double[] right = new double[3];
        // Values are computed from terms of order 1 at least (1 − y² for tanh′ near y = 1), so their
        // rounding is taken as some units in the last place of max(1, |g|), not of |g| alone.
        double largest = Math.max(1, Math.abs(f0));
        for (int k = 0; k < 3; k++) {
            double hk = h / (1 << k);
            // Steps as the machine takes them: t0 ± hk rounded, so that every slope is exact.
            double up = t0 + hk;
            double down = t0 - hk;
            double hu = up - t0;
            double hd = t0 - down;
            double fu = g.applyAsDouble(up);
            double fd = g.applyAsDouble(down);
            largest = Math.max(largest, Math.max(Math.abs(fu), Math.abs(fd)));
            if (Double.isNaN(fu) || Double.isNaN(fd)) {
                largest = Double.NaN;
            }
            central[k] = (fu - fd) / (hu + hd);
            left[k] = (f0 - fd) / hd;
            right[k] = (fu - f0) / hu;
        }
        double r1 = central[1] + (central[1] - central[0]) / 3;
        double r2 = central[2] + (central[2] - central[1]) / 3;
        double rounding = UNIT * (NOISE_ULPS * largest + SUM_ULPS * terms) * 6 / h;
        return new RichardsonDifference(r2, Math.abs(r2 - r1), rounding, h, left[2], right[2], left[1], right[1]);
    }

    /** Truncation plus rounding. */
    double estimate() {
        return truncation + rounding;
    }

    /**
     * Whether the one-sided slopes disagree by more than {@code tolerance} at the smallest step,
     * and the gap does not halve when the step halves (a smooth function's gap is about f″·h).
     */
    boolean kink(double tolerance) {
        double gap = Math.abs(right - left);
        double coarseGap = Math.abs(rightCoarse - leftCoarse);
        return gap > tolerance && gap > 0.75 * coarseGap;
    }

    /** How far the one-sided slopes move between the two smallest steps: their own error, roughly. */
    double slopeUncertainty() {
        return Math.abs(left - leftCoarse) + Math.abs(right - rightCoarse);
    }
}
