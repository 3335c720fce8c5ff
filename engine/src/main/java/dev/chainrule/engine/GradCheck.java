package dev.chainrule.engine;

import dev.chainrule.engine.gradcheck.GradCheckResult;
import java.util.function.Function;

/**
 * The old home of the gradient checker's entry points, kept for one release.
 *
 * @deprecated moved to {@link dev.chainrule.engine.gradcheck.GradCheck} in 0.2.0; change the
 *     import to {@code dev.chainrule.engine.gradcheck.GradCheck} (and {@code GradCheckResult},
 *     {@code GradCheckEntry}, {@code KinkConvention} to the same package). This class goes away
 *     in 0.3.0.
 */
@Deprecated(since = "0.2.0", forRemoval = true)
public final class GradCheck {
    private GradCheck() {
    }

    /**
     * Same as {@link dev.chainrule.engine.gradcheck.GradCheck#defaults()}.
     *
     * @return the checker with PyTorch's default tolerances
     */
    public static dev.chainrule.engine.gradcheck.GradCheck defaults() {
        return dev.chainrule.engine.gradcheck.GradCheck.defaults();
    }

    /**
     * Same as {@link dev.chainrule.engine.gradcheck.GradCheck#extrapolated()}.
     *
     * @return the checker with error-estimated tolerances
     */
    public static dev.chainrule.engine.gradcheck.GradCheck extrapolated() {
        return dev.chainrule.engine.gradcheck.GradCheck.extrapolated();
    }

    /**
     * Same as {@link dev.chainrule.engine.gradcheck.GradCheck#check(Function, double...)}.
     *
     * @param f a function of n scalar inputs
     * @param x the point (not modified)
     * @return one entry per input
     */
    public static GradCheckResult check(Function<Value[], Value> f, double... x) {
        return dev.chainrule.engine.gradcheck.GradCheck.check(f, x);
    }

    /**
     * Same as {@link dev.chainrule.engine.gradcheck.GradCheck#checkTensors(Function, Tensor...)}.
     *
     * @param f      a function of tensors
     * @param inputs the point (not modified)
     * @return one entry per checked element or direction
     */
    public static GradCheckResult checkTensors(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return dev.chainrule.engine.gradcheck.GradCheck.checkTensors(f, inputs);
    }
}
