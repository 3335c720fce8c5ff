package dev.chainrule.engine.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.CustomOp;
import dev.chainrule.engine.UnaryOp;
import dev.chainrule.engine.Value;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** GradCheck: the PyTorch rule, the symmetric relative error, scale-aware steps and kinks. */
@Isolated("sets the default Locale, which every test shares")
class GradCheckTest {

    @Test
    void aCorrectGradientPassesAndReportsTheNumbers() {
        GradCheckResult r = GradCheck.check(v -> v[0].mul(v[1]).sigmoid(), 0.5, -1.5);
        assertTrue(r.passed(), r::toString);
        double s = 1 / (1 + Math.exp(0.75));
        assertEquals(s, r.output(), 1e-15);
        assertEquals(-1.5 * s * (1 - s), r.entry("x0").analytic(), 1e-15);
        assertEquals(0.5 * s * (1 - s), r.entry("x1").analytic(), 1e-15);
        assertEquals(r.entry("x0").analytic(), r.entry("x0").numerical(), 1e-9);
        assertTrue(r.maxRelativeError() < 1e-8, r::toString);
        assertTrue(r.kinks().isEmpty());
    }

    @Test
    void aWrongDerivativeFailsWithTheSymmetricRelativeErrorAndTheWorstInputNamed() {
        CustomOp badSquare = CustomOp.unary("bad_square", x -> x * x, (x, y) -> 3 * x);
        GradCheckResult r = GradCheck.defaults().names("a", "b")
                .run(v -> Value.apply(badSquare, v[0]).add(v[1].mul(2)), 2.0, 7.0);
        assertFalse(r.passed());
        GradCheckEntry a = r.entry("a");
        assertEquals(6.0, a.analytic());
        assertEquals(4.0, a.numerical(), 1e-8);
        assertEquals(0.2, a.relativeError(), 1e-9);           // |6 − 4| / (6 + 4)
        assertEquals(1e-5 + 1e-3 * 4, a.allowedError(), 1e-12);
        assertFalse(a.passed());
        assertTrue(r.entry("b").passed());
        assertEquals("a", r.worst().name());
        assertEquals(1, r.failures().size());
        assertTrue(r.toString().contains("worst: a"), r::toString);
    }

    @Test
    void theToleranceIsAtolPlusRtolTimesTheNumericalValue() {
        // d/dx of 1000x is 1000; an analytic value off by 0.9 passes (allowed 1.00001), 1.1 fails.
        CustomOp near = CustomOp.unary("near", x -> 1000 * x, (x, y) -> 1000.9);
        CustomOp far = CustomOp.unary("far", x -> 1000 * x, (x, y) -> 1001.1);
        assertTrue(GradCheck.check(v -> Value.apply(near, v[0]), 0.3).passed());
        assertFalse(GradCheck.check(v -> Value.apply(far, v[0]), 0.3).passed());
        assertTrue(GradCheck.defaults().rtol(2e-3).run(v -> Value.apply(far, v[0]), 0.3).passed());
    }

    @Test
    void theStepFollowsTheInputsScale() {
        GradCheckResult big = GradCheck.check(v -> v[0].pow(2), 1e6);
        assertEquals(1.0, big.entries().get(0).step(), 1e-9);
        assertEquals(2e6, big.entries().get(0).numerical(), 1e-3);
        GradCheckResult small = GradCheck.check(v -> v[0].pow(2), 1e-3);
        assertEquals(1e-6, small.entries().get(0).step(), 1e-15);
        assertTrue(big.passed() && small.passed());
    }

    @Test
    void kinksAreReportedAndPassWhenTheAnalyticValueLiesBetweenTheOneSidedSlopes() {
        GradCheckResult relu = GradCheck.check(v -> v[0].relu(), 0.0);
        GradCheckEntry e = relu.entries().get(0);
        assertTrue(e.kink());
        assertTrue(e.passed(), relu::toString);
        assertEquals(0.0, e.leftSlope(), 1e-12);
        assertEquals(1.0, e.rightSlope(), 1e-12);
        assertEquals(0.5, e.numerical(), 1e-12);

        GradCheckResult abs = GradCheck.check(v -> v[0].abs(), 0.0);
        assertTrue(abs.entries().get(0).kink() && abs.passed(), abs::toString);

        GradCheckResult max = GradCheck.check(v -> v[0].max(v[1]), 1.5, 1.5);
        assertEquals(2, max.kinks().size());
        assertTrue(max.passed(), max::toString);
    }

    @Test
    void aKinkWithAnAnalyticValueOutsideTheOneSidedSlopesFails() {
        CustomOp badRelu = CustomOp.unary("bad_relu", x -> Math.max(0, x), (x, y) -> x > 0 ? 1 : 2);
        GradCheckResult r = GradCheck.check(v -> Value.apply(badRelu, v[0]), 0.0);
        assertTrue(r.entries().get(0).kink());
        assertFalse(r.passed());
        assertEquals(1.0, r.worst().excess() * r.worst().allowedError() + 0.0, 1e-4);   // 2 is 1 above the slope 1
    }

    @Test
    void steepButSmoothFunctionsAreNotTakenForKinks() {
        // 1/x at 1e-3: the one-sided slopes differ by about f''·h = 2000, yet the gap shrinks with h.
        GradCheckResult r = GradCheck.check(v -> v[0].pow(-1), 1e-3);
        assertFalse(r.entries().get(0).kink(), r::toString);
        assertTrue(r.passed(), r::toString);
        assertEquals(-1e6, r.entries().get(0).analytic(), 1e-3);
    }

    @Test
    void awayFromTheKinkReluIsAnOrdinaryDerivative() {
        GradCheckResult r = GradCheck.check(v -> v[0].relu(), 0.25);
        assertFalse(r.entries().get(0).kink());
        assertEquals(1.0, r.entries().get(0).numerical(), 1e-9);
    }

    @Test
    void secondDerivativesAreCheckedThroughTheGraphForm() {
        GradCheckResult r = GradCheck.defaults().names("x", "y")
                .runSecondOrder(v -> v[0].mul(v[1]).add(v[0].pow(3)).sigmoid(), 0.4, -0.8);
        assertTrue(r.passed(), r::toString);
        assertEquals(6, r.entries().size(), "4 second derivatives, then the graph form's value for x and y");
        assertEquals("∂²/∂x∂y", r.entries().get(1).name());
        assertEquals("∂/∂y graph form", r.entries().get(5).name());
        assertEquals(r.entries().get(1).analytic(), r.entries().get(2).analytic(), 1e-12);   // symmetric Hessian
    }

    @Test
    void aWrongGraphDerivativeIsCaughtBySecondOrderButNotFirstOrder() {
        UnaryOp cube = new UnaryOp("cube", null) {
            public double apply(double x) { return x * x * x; }
            public double derivative(double x, double y) { return 3 * x * x; }
            public Value derivative(Value x, Value y) { return x.mul(3); }   // wrong: should be 3x²
        };
        assertTrue(GradCheck.check(v -> v[0].apply(cube), 1.3).passed());
        GradCheckResult second = GradCheck.defaults().runSecondOrder(v -> v[0].apply(cube), 1.3);
        assertFalse(second.passed(), second::toString);
        assertEquals(3.0, second.entries().get(0).analytic(), 1e-12);
        assertEquals(6 * 1.3, second.entries().get(0).numerical(), 1e-6);
    }

    @Test
    void nonFiniteValuesFail() {
        GradCheckResult r = GradCheck.check(v -> v[0].log(), 0.0);
        assertFalse(r.passed());
        assertEquals(Double.POSITIVE_INFINITY, r.worst().excess());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(v -> v[0], Double.NaN));
        assertEquals("gradcheck: input 0 is NaN", nan.getMessage());
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.defaults().names("a").run(v -> v[0], 1, 2));
        assertEquals("gradcheck: 1 names given for 2 inputs", names.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradCheck.defaults().eps(0));
        assertThrows(IllegalArgumentException.class, () -> GradCheck.defaults().atol(-1));
    }

    @Test
    void reportsUseADecimalPointWhateverTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY);
        try {
            GradCheckResult r = GradCheck.check(v -> v[0].mul(v[0]), 1.5);
            String text = r.toString();
            assertTrue(text.contains("(atol 1.00000e-05, rtol 0.00100000, eps 1.00000e-06)"), text);
            assertTrue(text.contains("3.00000000000000"), text);
            assertFalse(r.entries().get(0).toString().matches(".*rel\\. error \\d+,.*"), r.entries().get(0).toString());
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void theExtrapolatedCheckCatchesADerivativeOffByOneInAMillionAndReportsItsErrorEstimate() {
        CustomOp off = CustomOp.unary("sigmoid_off", x -> 1 / (1 + Math.exp(-x)),
                (x, y) -> y * (1 - y) * (1 + 1e-6));
        Function<Value[], Value> f = v -> Value.apply(off, v[0]);
        assertTrue(GradCheck.check(f, 0.3).passed(), "PyTorch's rtol 1e-3 lets it through");
        GradCheckResult r = GradCheck.extrapolated().run(f, 0.3);
        assertFalse(r.passed(), r::toString);
        GradCheckEntry e = r.entries().get(0);
        double s = 1 / (1 + Math.exp(-0.3));
        assertEquals(s * (1 - s), e.numerical(), 1e-13);
        assertTrue(e.errorEstimate() > 0 && e.errorEstimate() < 1e-10, e::toString);
        assertEquals(GradCheck.SAFETY * e.errorEstimate() + 1e-9 * Math.abs(e.numerical()), e.allowedError(), 1e-20);
        assertTrue(e.toString().contains(" ± "), e::toString);
        CustomOp right = CustomOp.unary("sigmoid", x -> 1 / (1 + Math.exp(-x)), (x, y) -> y * (1 - y));
        for (double x : new double[] {-30, -3, -0.2, 0, 0.7, 4, 25}) {
            GradCheckResult ok = GradCheck.extrapolated().run(v -> Value.apply(right, v[0]), x);
            assertTrue(ok.passed(), ok::toString);
        }
    }

    @Test
    void theExtrapolatedCheckStepsBackInsideTheDomain() {
        // At x = 5e-4 the first step, 1e-3, would take log below 0; smaller steps are tried.
        GradCheckResult r = GradCheck.extrapolated().run(v -> v[0].log(), 5e-4);
        assertTrue(r.passed(), r::toString);
        assertEquals(2000, r.entries().get(0).numerical(), 0.01);
        assertTrue(r.entries().get(0).step() < 5e-4, r::toString);
    }

    @Test
    void kinksSayWhichConventionTheAnalyticValueTook() {
        GradCheck gc = GradCheck.extrapolated();
        assertEquals(KinkConvention.LEFT, gc.run(v -> v[0].relu(), 0.0).entries().get(0).kinkConvention());
        assertEquals(KinkConvention.MEAN, gc.run(v -> v[0].abs(), 0.0).entries().get(0).kinkConvention());
        GradCheckResult max = gc.run(v -> v[0].max(v[1]), 1.5, 1.5);
        assertEquals(KinkConvention.MEAN, max.entries().get(0).kinkConvention(), max::toString);
        assertEquals(KinkConvention.MEAN, max.entries().get(1).kinkConvention(), max::toString);
        // min(x, 0) = −relu(−x): relu's left slope, seen from the other side, is min's right slope.
        GradCheckEntry min = gc.run(v -> v[0].neg().relu().neg(), 0.0).entries().get(0);
        assertTrue(min.kink() && min.passed(), min::toString);
        assertEquals(KinkConvention.RIGHT, min.kinkConvention(), min::toString);
        CustomOp reluOne = CustomOp.unary("relu_one", x -> Math.max(0, x), (x, y) -> x >= 0 ? 1 : 0);
        GradCheckEntry one = gc.run(v -> Value.apply(reluOne, v[0]), 0.0).entries().get(0);
        assertTrue(one.passed(), "any value between the slopes passes");
        assertEquals(KinkConvention.RIGHT, one.kinkConvention());
        assertNull(gc.run(v -> v[0].relu(), 0.5).entries().get(0).kinkConvention());
        assertEquals(KinkConvention.LEFT, GradCheck.check(v -> v[0].relu(), 0.0).entries().get(0).kinkConvention());
    }

    @Test
    void aGraphFormWhoseValueDiffersFromTheBackwardPassFails() {
        UnaryOp half = new UnaryOp("half", null) {
            public double apply(double x) { return x / 2; }
            public double derivative(double x, double y) { return 0.5; }
            public Value derivative(Value x, Value y) { return Value.of(1); }   // wrong: should be 0.5
        };
        GradCheckResult r = GradCheck.defaults().names("x").runSecondOrder(v -> v[0].apply(half), 1.5);
        assertFalse(r.passed(), r::toString);
        assertTrue(r.entry("∂²/∂x∂x").passed(), "the second derivative is 0 either way");
        GradCheckEntry value = r.entry("∂/∂x graph form");
        assertEquals(1.0, value.analytic());
        assertEquals(0.5, value.numerical());
        assertFalse(value.passed());
    }
}
