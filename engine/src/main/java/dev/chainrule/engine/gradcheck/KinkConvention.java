package dev.chainrule.engine.gradcheck;

/**
 * Which derivative an op chose where it has none: at a kink (relu at 0, abs at 0, max at a tie)
 * the analytic value {@link GradCheck} saw, against the function's one-sided slopes there.
 *
 * <p>The engine's own choices: relu′(0) = 0 and leaky_relu′(0) = slope are the {@link #LEFT}
 * slope, abs′(0) = 0 and max or min at a tie (half to each input) the {@link #MEAN} of both.
 */
public enum KinkConvention {
    /** The slope from below, (f(x) − f(x − h)) / h. */
    LEFT,
    /** The slope from above, (f(x + h) − f(x)) / h. */
    RIGHT,
    /** The mean of the two slopes. */
    MEAN,
    /** Between the two slopes, but none of the above. */
    BETWEEN,
    /** Outside the two slopes: no one-sided derivative (the entry failed). */
    OUTSIDE;

    /** The convention of {@code analytic} against slopes {@code left} and {@code right}, to within {@code tol}. */
    static KinkConvention of(double analytic, double left, double right, double tol) {
        if (Math.abs(analytic - left) <= tol) {
            return LEFT;
        }
        if (Math.abs(analytic - right) <= tol) {
            return RIGHT;
        }
        if (Math.abs(analytic - (left + right) / 2) <= tol) {
            return MEAN;
        }
        double lo = Math.min(left, right);
        double hi = Math.max(left, right);
        return analytic >= lo - tol && analytic <= hi + tol ? BETWEEN : OUTSIDE;
    }
}
