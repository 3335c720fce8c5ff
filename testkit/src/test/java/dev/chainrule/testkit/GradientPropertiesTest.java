package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The JUnit entry points: given functions, inputs, seeds from code, annotation and system property. */
@Isolated("sets the chainrule.seed system property, which every property test reads")
class GradientPropertiesTest {

    @Test
    void aCorrectFunctionPassesAThousandPoints() {
        PropertySummary s = GradientProperties.assertGradientsMatch(v -> v[0].mul(v[1]).tanh().add(v[1].exp()),
                Inputs.of(2));
        assertEquals(1000, s.cases());
        assertEquals(1000, s.secondOrderCases());
    }

    @Test
    void aGivenFunctionsPointIsShrunkToSimpleNumbers() {
        dev.chainrule.engine.CustomOp twice = dev.chainrule.engine.CustomOp.unary("twice", x -> 2 * x, (x, y) -> 3);
        GradientReport r = assertThrows(GradientAssertionError.class,
                () -> GradientProperties.property().reportDirectory(null)
                        .assertGradientsMatch(v -> Value.apply(twice, v[0]).add(v[1]), Inputs.of(2)))
                .report();
        assertEquals("[0.0, 0.0]", java.util.Arrays.toString(r.point()));
        assertEquals(3.0, r.check().entry("x").analytic());
        assertEquals(2.0, r.check().entry("x").numerical(), 1e-8);
        assertEquals(null, r.expression());
        assertTrue(r.toString().contains("the given function fails\nat x = 0, y = 0\n"), r::toString);
    }

    @Test
    @GradientSeed(424242L)
    void theAnnotationFixesTheSeed() {
        // Not inside a lambda: the seed is looked up from the calling method's own frame.
        String saved = setSeedProperty(null);
        try {
            assertEquals(424242L, GradientProperties.property().cases(3).assertGradientsMatch(Operator.builtin("exp")).seed());
        } finally {
            setSeedProperty(saved);
        }
    }

    @Test
    void withoutASeedEachTestMethodHasItsOwnFixedOne() {
        String saved = setSeedProperty(null);
        try {
            long a = GradientProperties.property().cases(2).assertGradientsMatch(Operator.builtin("exp")).seed();
            long b = GradientProperties.property().cases(2).assertGradientsMatch(Operator.builtin("exp")).seed();
            assertEquals(a, b);
            assertEquals(Seeds.next(("dev.chainrule.testkit.GradientPropertiesTest"
                    + "#withoutASeedEachTestMethodHasItsOwnFixedOne").hashCode()), a);
            assertNotEquals(Seeds.next(0), a);
        } finally {
            setSeedProperty(saved);
        }
    }

    /**
     * Sets the chainrule.seed property to {@code value} ({@code null}: unset) and returns what it
     * was, so that these tests hold whether or not the suite itself runs with -Dchainrule.seed; the
     * class is @Isolated, so no other test sees the change.
     */
    private static String setSeedProperty(String value) {
        String old = System.getProperty(Seeds.PROPERTY);
        if (value == null) {
            System.clearProperty(Seeds.PROPERTY);
        } else {
            System.setProperty(Seeds.PROPERTY, value);
        }
        return old;
    }

    @Test
    @GradientSeed(424242L)
    void theSystemPropertyOverridesTheAnnotationAndTheDefaultButNotASeedInCode() {
        String saved = setSeedProperty("31337");
        try {
            assertEquals(31337L, GradientProperties.property().cases(2).assertGradientsMatch(Operator.builtin("exp")).seed());
            assertEquals(5L, GradientProperties.property().seed(5).cases(2)
                    .assertGradientsMatch(Operator.builtin("exp")).seed(), "a seed in code is pinned");
            setSeedProperty("soon");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GradientProperties.property().cases(1).assertGradientsMatch(Operator.builtin("exp")));
            assertEquals("-Dchainrule.seed=soon: expected a whole number (the seed a failure report printed) or 'random'",
                    e.getMessage());
            assertEquals(9L, GradientProperties.property().seed(9).cases(1)
                    .assertGradientsMatch(Operator.builtin("exp")).seed(), "a pinned run does not read the property");
        } finally {
            setSeedProperty(saved);
        }
    }

    @Test
    void inputsStayWhereTheyAreAsked() {
        Random r = new Random(8);
        for (int i = 0; i < 1000; i++) {
            double p = Inputs.of(1).positive().next(r)[0];
            assertTrue(p >= 0.01 && p <= 20, "positive: " + p);
            double[] b = Inputs.of(2).between(-1, 1).where(x -> x[0] < x[1]).next(r);
            assertTrue(b[0] >= -1 && b[1] <= 1 && b[0] < b[1]);
        }
        assertThrows(IllegalStateException.class, () -> Inputs.of(1).where(x -> false).next(r));
        assertThrows(IllegalArgumentException.class, () -> Inputs.of(1).between(1, 1));
    }
}
