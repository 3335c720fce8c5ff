package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.UnaryOp;
import dev.chainrule.engine.Value;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every tensor op of the engine under the test kit: 1,000 random inputs each, with broadcasting. */
class TensorGradientPropertiesTest {

    private static Arguments op(String name, Function<Tensor[], Tensor> fn, TensorInputs inputs) {
        return Arguments.of(name, fn, inputs);
    }

    /** Above {@code ReluLoops.VECTOR_SIZE} (4,096): the size from which loops run on the Vector API. */
    private static final int[] LARGE = {64, 65};

    /** One tensor: small and broadcastable, or one in twenty large. */
    private static TensorInputs one() {
        return TensorInputs.broadcastable(1, 2, 3).sometimes(0.05, LARGE);
    }

    /** Two tensors that broadcast together, one case in twenty large. */
    private static TensorInputs two() {
        return TensorInputs.broadcastable(2, 3, 3).sometimes(0.05, LARGE, new int[] {65});
    }

    /** A shape of rank 1 to 3, sizes 1 to 3; one case in twenty 16 × 16 × 17 (4,352 elements). */
    private static TensorInputs ranked() {
        return TensorInputs.generated(r -> {
            int[] s = new int[1 + r.nextInt(3)];
            for (int a = 0; a < s.length; a++) {
                s[a] = 1 + r.nextInt(3);
            }
            return new int[][] {s};
        }).sometimes(0.05, new int[] {16, 16, 17});
    }

    static Stream<Arguments> ops() {
        return Stream.of(
                op("neg", t -> t[0].neg(), one()),
                op("exp", t -> t[0].exp(), one()),
                op("log", t -> t[0].log(), one().positive()),
                op("sqrt", t -> t[0].sqrt(), one().positive()),
                op("abs", t -> t[0].abs(), one().awayFrom(0)),
                op("sin", t -> t[0].sin(), one()),
                op("cos", t -> t[0].cos(), one()),
                op("pow 3", t -> t[0].pow(3), one()),
                op("pow -1", t -> t[0].pow(-1), one().awayFrom(0)),
                op("pow 0.5", t -> t[0].pow(0.5), one().positive()),
                op("square", t -> t[0].square(), one()),
                op("tanh", t -> t[0].tanh(), one()),
                op("sigmoid", t -> t[0].sigmoid(), one()),
                op("relu", t -> t[0].relu(), one().awayFrom(0)),
                op("leaky_relu", t -> t[0].leakyRelu(0.1), one().awayFrom(0)),
                op("softplus", t -> t[0].softplus(), one()),
                op("elu", t -> t[0].elu(), one().awayFrom(0)),
                op("elu 0.5", t -> t[0].elu(0.5), one().awayFrom(0)),
                op("gelu", t -> t[0].gelu(), one()),
                op("silu", t -> t[0].silu(), one()),
                op("gaussian", t -> t[0].gaussian(), one()),
                op("step", t -> t[0].step(), one().awayFrom(0)),
                op("sign", t -> t[0].sign(), one().awayFrom(0)),
                op("identity", t -> t[0].identity(), one()),
                op("add", t -> t[0].add(t[1]), two()),
                op("sub", t -> t[0].sub(t[1]), two()),
                op("mul", t -> t[0].mul(t[1]), two()),
                op("div", t -> t[0].div(t[1]), two().awayFrom(0)),
                op("pow", t -> t[0].pow(t[1]), two().positive()),
                // Small only: among thousands of elements some pair is always within a step of a tie.
                op("max", t -> t[0].max(t[1]), TensorInputs.broadcastable(2, 3, 3)),
                op("min", t -> t[0].min(t[1]), TensorInputs.broadcastable(2, 3, 3)),
                op("scalar overloads", t -> t[0].add(2).mul(-1.5).sub(0.5).div(4).rsub(1).max(0.2).min(3), one()),
                op("sum", t -> t[0].sum(), ranked()),
                op("sum axis -1 keepDims", t -> t[0].sum(new int[] {-1}, true), ranked()),
                op("mean", t -> t[0].mean(), ranked()),
                op("mean axis 0", t -> t[0].mean(0), ranked()),
                op("max (reduction)", t -> t[0].max(), ranked()),
                op("max axis -1", t -> t[0].max(new int[] {-1}, false), ranked()),
                op("logsumexp", t -> t[0].logsumexp(), ranked()),
                op("logsumexp axis -1", t -> t[0].logsumexp(-1), ranked()),
                op("logsumexp axis 0 keepDims", t -> t[0].logsumexp(new int[] {0}, true), ranked()),
                op("logsumexp wide", t -> t[0].logsumexp(new int[] {-1}, true), ranked().between(-50, 50)),
                op("softmax wide", t -> t[0].softmax(0), ranked().between(-50, 50)),
                op("mean axes 0, -1 keepDims", t -> t[0].mean(t[0].rank() > 1 ? new int[] {0, -1} : new int[] {0}, true),
                        ranked()),
                op("softmax", t -> t[0].softmax(-1), ranked()),
                op("logSoftmax", t -> t[0].logSoftmax(0), ranked()),
                op("matmul", t -> t[0].matmul(t[1]), TensorInputs.generated(r -> {
                    int m = 1 + r.nextInt(3);
                    int k = 1 + r.nextInt(3);
                    int n = 1 + r.nextInt(3);
                    return new int[][] {{m, k}, {k, n}};
                    // 64³ multiply-adds: the size from which matmul splits across threads in the tests
                    // (testkit/pom.xml sets chainrule.matmul.parallelFrom; 2²⁵ otherwise).
                }).sometimes(0.05, new int[] {64, 64}, new int[] {64, 64})),
                op("matmulAdd", t -> t[0].matmulAdd(t[1], t[2]), TensorInputs.generated(r -> {
                    int m = 1 + r.nextInt(3);
                    int k = 1 + r.nextInt(3);
                    int n = 1 + r.nextInt(3);
                    // Every way a bias can broadcast to the product [m, n]: per column, row, element, or one.
                    int[][] biases = {{n}, {1, n}, {m, 1}, {m, n}, {}};
                    return new int[][] {{m, k}, {k, n}, biases[r.nextInt(biases.length)]};
                }).sometimes(0.05, new int[] {64, 64}, new int[] {64, 64}, new int[] {64})),
                op("batched matmulAdd", t -> t[0].matmulAdd(t[1], t[2]), TensorInputs.generated(r -> {
                    int b = 1 + r.nextInt(2);
                    return r.nextBoolean() ? new int[][] {{b, 2, 3}, {3, 2}, {2}}
                            : new int[][] {{b, 1, 2}, {1, 2, 2}, {b, 1, 1}};
                })),
                op("batched matmul", t -> t[0].matmul(t[1]), TensorInputs.generated(r -> {
                    int b = 1 + r.nextInt(2);
                    return r.nextBoolean() ? new int[][] {{b, 2, 3}, {3, 2}} : new int[][] {{b, 1, 2}, {1, 2, 2}};
                })),
                op("reshape", t -> t[0].reshape(-1).mul(t[0].reshape(-1)), ranked()),
                op("transpose", t -> t[0].transpose().exp(), TensorInputs.shapes(new int[] {2, 3})),
                op("permute", t -> t[0].permute(2, 0, 1).sin(), TensorInputs.shapes(new int[] {2, 1, 3})),
                op("expand", t -> t[0].expand(2, 3).mul(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3)),
                        TensorInputs.shapes(new int[] {1, 3})),
                op("slice", t -> t[0].slice(1, 1, 3).square(), TensorInputs.shapes(new int[] {2, 4})),
                op("concat", t -> Tensor.concat(0, t[0], t[1]).tanh(),
                        TensorInputs.shapes(new int[] {1, 3}, new int[] {2, 3})),
                op("stack", t -> Tensor.stack(1, t[0], t[1]).sigmoid(),
                        TensorInputs.shapes(new int[] {2}, new int[] {2})),
                op("indexSelect", t -> t[0].indexSelect(0, 2, 0, 2).exp(), TensorInputs.shapes(new int[] {3, 2})),
                op("gather", t -> t[0].logSoftmax(1).gather(1, 1, 0, 2), TensorInputs.shapes(new int[] {3, 3})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void everyTensorOpMatchesFiniteDifferencesOnAThousandInputs(String name, Function<Tensor[], Tensor> fn,
            TensorInputs inputs) {
        PropertySummary s = GradientProperties.assertGradientsMatch(fn, inputs);
        assertEquals(1000, s.cases(), s::toString);
        assertEquals(1000, s.secondOrderCases(), "every tensor op has a graph-form derivative");
        assertEquals(0, s.kinks(), "inputs keep away from kinks");
        assertEquals(0, s.excused(), s::toString);
        assertTrue(s.redrawn() <= 250, s::toString);
    }

    @Test
    void aWrongElementwiseDerivativeIsCaughtWithTheSeedAndTheTensorsInTheReport() {
        UnaryOp badCube = new UnaryOp("bad_cube", null) {
            public double apply(double x) { return x * x * x; }
            public double derivative(double x, double y) { return 3 * x; }
            public Value derivative(Value x, Value y) { return x.mul(3); }
        };
        GradientAssertionError e = assertThrows(GradientAssertionError.class,
                () -> GradientProperties.property().seed(3).assertGradientsMatch(t -> t[0].apply(badCube).sum(),
                        TensorInputs.shapes(new int[] {2, 2})));
        String text = e.getMessage();
        assertTrue(text.startsWith("gradient property of the given tensor function failed at case 1 of 1000, seed 3"),
                text);
        // The values are simplified one element at a time while the check still fails.
        assertTrue(text.contains("at x [2, 2] = [0.0, 0.0, 0.0, 2.0]"), text);
        GradientReport r = e.report();
        // With output weight w, the analytic value is w·3x and the numerical one w·3x².
        double x = r.worst().point();
        assertEquals(r.worst().numerical(), r.worst().analytic() * x, 1e-6 * Math.abs(r.worst().numerical()));
        assertEquals("x[1, 1]", r.worst().name());
        assertEquals(2.0, x);
    }
}
