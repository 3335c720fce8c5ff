package dev.chainrule.testkit;

import dev.chainrule.engine.gradcheck.GradCheckResult;
import java.util.function.Predicate;

/**
 * How one case's second-order check, run after its first order passed, decides the case: a
 * second-order result that finite differences cannot be trusted for means the point is drawn again
 * ({@code result} null); a failing one is the case's failure; a passing one leaves the first-order
 * result standing. Scalar and tensor properties decide alike.
 *
 * @param result  the result to judge the case by, or null to draw the point again
 * @param checked whether the second order was checked (its differences could be trusted)
 * @param failed  whether the second order failed, so that {@code result} is its failure
 */
record SecondOrder(GradCheckResult result, boolean checked, boolean failed) {
    /**
     * @param first  the passing first-order result
     * @param second the second-order result at the same point
     * @param fair   whether finite differences can be trusted for a result
     * @return how the case stands
     */
    static SecondOrder judge(GradCheckResult first, GradCheckResult second, Predicate<GradCheckResult> fair) {
        if (!fair.test(second)) {
            return new SecondOrder(null, false, false);
        }
        return second.passed() ? new SecondOrder(first, true, false) : new SecondOrder(second, true, true);
    }
}
