package dev.chainrule.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fixes the seed of the gradient properties checked in the annotated test method, to replay a
 * failure. The failure report prints the value to put here.
 *
 * <pre>{@code
 * @Test
 * @GradientSeed(7265011123L)
 * void squareIsRight() {
 *     GradientProperties.assertGradientsMatch(Operator.of(SQUARE));
 * }
 * }</pre>
 *
 * <p>The system property {@code chainrule.seed} overrides it ({@code -Dchainrule.seed=N}, or
 * {@code random} for a fresh seed each run).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GradientSeed {
    /** {@return the seed of the first case} */
    long value();
}
