package dev.chainrule.engine.gradcheck;

import java.util.Locale;

/**
 * One comparison made by {@link GradCheck}: the analytic derivative of the output with respect to
 * one input (or one tensor element, or one tensor along a random direction) against central and
 * one-sided finite differences.
 *
 * <p>It passes by PyTorch gradcheck's rule {@code |a − n| ≤ atol + rtol·|n|}. At a kink (the
 * one-sided differences disagree, and keep disagreeing when the step shrinks) the point is
 * reported as non-differentiable and the entry passes if the analytic value lies between the two
 * one-sided slopes, within the same tolerance.
 */
public final class GradCheckEntry {
    private static final double TINY = Double.MIN_NORMAL;

    private final String name;
    private final double point;
    private final double analytic;
    private final double numerical;
    private final double leftSlope;
    private final double rightSlope;
    private final double step;
    private final double allowed;
    private final boolean kink;
    private final boolean passed;
    private final double errorEstimate;
    private final KinkConvention convention;

    GradCheckEntry(String name, double point, double analytic, double numerical, double leftSlope,
            double rightSlope, double step, double allowed, boolean kink, boolean passed) {
        this(name, point, analytic, numerical, leftSlope, rightSlope, step, allowed, kink, passed, Double.NaN,
                kink ? KinkConvention.of(analytic, leftSlope, rightSlope, allowed) : null);
    }

    GradCheckEntry(String name, double point, double analytic, double numerical, double leftSlope,
            double rightSlope, double step, double allowed, boolean kink, boolean passed, double errorEstimate,
            KinkConvention convention) {
        this.name = name;
        this.point = point;
        this.analytic = analytic;
        this.numerical = numerical;
        this.leftSlope = leftSlope;
        this.rightSlope = rightSlope;
        this.step = step;
        this.allowed = allowed;
        this.kink = kink;
        this.passed = passed;
        this.errorEstimate = errorEstimate;
        this.convention = convention;
    }

    /** {@return what was varied: an input's name such as {@code "x"}, an element such as {@code "W[1, 2]"}, or a direction} */
    public String name() {
        return name;
    }

    /** {@return the input's value at the point (for a direction, 0: the step is along the direction)} */
    public double point() {
        return point;
    }

    /** {@return the derivative computed by the engine's backward pass} */
    public double analytic() {
        return analytic;
    }

    /**
     * The numerical derivative: the central difference (f(x + h) − f(x − h)) / 2h, or with
     * {@link GradCheck#extrapolated()} its Richardson extrapolation over the steps h, h/2 and h/4.
     *
     * @return the numerical derivative: the central difference (f(x + h) − f(x − h)) / 2h, or with {@link
     *     GradCheck#extrapolated()} its Richardson extrapolation over the steps h, h/2 and h/4
     */
    public double numerical() {
        return numerical;
    }

    /**
     * The estimated error of {@link #numerical()} (truncation plus rounding; see
     * {@link GradCheck#extrapolated()}), or NaN where none was made (PyTorch's rule).
     *
     * @return the estimated error of {@link #numerical()} (truncation plus rounding; see {@link
     *     GradCheck#extrapolated()}), or NaN where none was made (PyTorch's rule)
     */
    public double errorEstimate() {
        return errorEstimate;
    }

    /**
     * At a kink, which one-sided slope the analytic value took ({@code null} away from kinks):
     * relu′(0) = 0 is {@link KinkConvention#LEFT}, max at a tie {@link KinkConvention#MEAN}.
     *
     * @return at a kink, which one-sided slope the analytic value took ({@code null} away from kinks):
     *     relu′(0) = 0 is {@link KinkConvention#LEFT}, max at a tie {@link KinkConvention#MEAN}
     */
    public KinkConvention kinkConvention() {
        return convention;
    }

    /** {@return the one-sided slope (f(x) − f(x − h)) / h} */
    public double leftSlope() {
        return leftSlope;
    }

    /** {@return the one-sided slope (f(x + h) − f(x)) / h} */
    public double rightSlope() {
        return rightSlope;
    }

    /** {@return the step h used for this input: eps·max(1, |x|), rounded so that x ± h is exact} */
    public double step() {
        return step;
    }

    /** {@return |analytic − numerical|} */
    public double absoluteError() {
        return Math.abs(analytic - numerical);
    }

    /** {@return the symmetric relative error |a − n| / max(|a| + |n|, tiny), between 0 and 1 (1 if one side is infinite)} */
    public double relativeError() {
        double d = Math.abs(analytic - numerical);
        if (Double.isNaN(d)) {
            return Double.NaN;
        }
        if (Double.isInfinite(d)) {
            return 1;
        }
        return d == 0 ? 0 : d / Math.max(Math.abs(analytic) + Math.abs(numerical), TINY);
    }

    /**
     * The error allowed at this entry: by PyTorch's rule atol + rtol·|numerical|; with
     * {@link GradCheck#extrapolated()} a multiple of the error estimate, plus atol + rtol·|numerical|.
     *
     * @return the error allowed at this entry: by PyTorch's rule atol + rtol·|numerical|; with {@link
     *     GradCheck#extrapolated()} a multiple of the error estimate, plus atol + rtol·|numerical|
     */
    public double allowedError() {
        return allowed;
    }

    /** {@return whether the function is not differentiable here: the one-sided slopes disagree} */
    public boolean kink() {
        return kink;
    }

    /** {@return whether this entry passed (see the class comment for the rule at kinks)} */
    public boolean passed() {
        return passed;
    }

    /**
     * How far the entry is from its tolerance: the error divided by the allowed error, so a value
     * at most 1 passes. At a kink, the distance of the analytic value outside the one-sided
     * interval, divided by the allowed error. Infinite for a non-finite value.
     *
     * @return how far the entry is from its tolerance: the error divided by the allowed error, so a value at
     *     most 1 passes
     */
    public double excess() {
        if (!Double.isFinite(analytic) || !Double.isFinite(numerical)) {
            return Double.POSITIVE_INFINITY;
        }
        if (kink) {
            double lo = Math.min(leftSlope, rightSlope);
            double hi = Math.max(leftSlope, rightSlope);
            double outside = analytic < lo ? lo - analytic : analytic > hi ? analytic - hi : 0;
            return outside / allowed;
        }
        return absoluteError() / allowed;
    }

    /** For example {@code x = 0.5: analytic 0.25, numerical 0.2500000001, rel. error 2e-10, ok}. */
    @Override
    public String toString() {
        return name + " = " + point + ": analytic " + analytic + ", numerical " + numerical
                + (Double.isNaN(errorEstimate) ? "" : String.format(Locale.ROOT, " ± %.3g", errorEstimate))
                + (kink ? " (kink: one-sided " + leftSlope + " and " + rightSlope + ", took " + convention + ")" : "")
                + ", rel. error " + String.format(Locale.ROOT, "%.3g", relativeError())
                + (passed ? ", ok" : ", FAILED");
    }
}
