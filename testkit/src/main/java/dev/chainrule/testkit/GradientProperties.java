package dev.chainrule.testkit;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.util.function.Function;

/**
 * Property tests of gradients for JUnit 5: the analytic gradient (the backward pass) must match
 * finite differences on random inputs and random expression graphs.
 *
 * <pre>{@code
 * CustomOp cube = CustomOp.unary("cube", x -> x * x * x, (x, y) -> 3 * x * x);
 *
 * @Test
 * void cubeHasTheRightDerivative() {
 *     GradientProperties.assertGradientsMatch(Operator.of(cube));                      // cube(x) alone
 *     GradientProperties.assertGradientsMatch(ExprGenerator.over(2).featuring(Operator.of(cube)));
 * }
 * }</pre>
 *
 * <p>A failure throws a {@link GradientAssertionError} whose message is the report: the seed, the
 * smallest failing expression (shrunk), the point, the analytic against the numerical gradient,
 * and where the failing graph was written as DOT (and SVG with viz on the classpath). To replay,
 * put the printed seed in {@code -Dchainrule.seed=N} or {@link GradientSeed} on the test. Without
 * either, each test method has its own fixed seed, so runs are repeatable.
 *
 * <p>Each check runs 1,000 cases by default; {@link #property()} gives a configurable check.
 */
public final class GradientProperties {
    private GradientProperties() {
    }

    /** {@return a property check to configure: cases, seed, second order, tolerances, report directory} */
    public static PropertyCheck property() {
        return PropertyCheck.defaults();
    }

    /**
     * 1,000 random expressions from {@code graphs}, first and second derivatives.
     *
     * @param graphs the random graphs to check
     * @return 1,000 random expressions from {@code graphs}, first and second derivatives
     * @throws GradientAssertionError if a gradient is wrong
     */
    public static PropertySummary assertGradientsMatch(ExprGenerator graphs) {
        return PropertyCheck.defaults().assertGradientsMatch(graphs);
    }

    /**
     * {@code op(x, y, ...)} at 1,000 random points inside its domain, away from kinks; second
     * derivatives too if the op has a graph-building derivative.
     *
     * @param op the operator
     * @return {@code op(x, y, ...)} at 1,000 random points inside its domain, away from kinks; second
     *     derivatives too if the op has a graph-building derivative
     * @throws GradientAssertionError if a gradient is wrong
     */
    public static PropertySummary assertGradientsMatch(Operator op) {
        return PropertyCheck.defaults().assertGradientsMatch(op);
    }

    /**
     * {@code fn} at 1,000 random points from {@code inputs}.
     *
     * @param fn the function
     * @param inputs the inputs
     * @return {@code fn} at 1,000 random points from {@code inputs}
     * @throws GradientAssertionError if a gradient is wrong
     */
    public static PropertySummary assertGradientsMatch(Function<Value[], Value> fn, Inputs inputs) {
        return PropertyCheck.defaults().assertGradientsMatch(fn, inputs);
    }

    /**
     * 1,000 random tensor expressions from {@code graphs} (broadcasting, reductions, softmax,
     * matmul), first derivatives and Hessian-vector products, shrunk on failure.
     *
     * @param graphs the random graphs to check
     * @return 1,000 random tensor expressions from {@code graphs} (broadcasting, reductions, softmax,
     *     matmul), first derivatives and Hessian-vector products, shrunk on failure
     * @throws GradientAssertionError if a gradient is wrong
     */
    public static PropertySummary assertGradientsMatch(TensorExprGenerator graphs) {
        return PropertyCheck.defaults().assertGradientsMatch(graphs);
    }

    /**
     * A tensor function at 1,000 random inputs from {@code inputs}, element by element (or along
     * random directions for big tensors), with random weights on the output's elements.
     *
     * @param fn the function
     * @param inputs the inputs
     * @return A tensor function at 1,000 random inputs from {@code inputs}, element by element (or along
     *     random directions for big tensors), with random weights on the output's elements
     * @throws GradientAssertionError if a gradient is wrong
     */
    public static PropertySummary assertGradientsMatch(Function<Tensor[], Tensor> fn, TensorInputs inputs) {
        return PropertyCheck.defaults().assertGradientsMatch(fn, inputs);
    }
}
