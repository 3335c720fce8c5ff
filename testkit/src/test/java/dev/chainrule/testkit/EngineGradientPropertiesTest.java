package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine under its own test kit: every scalar op and random graphs, first and second derivatives. */
class EngineGradientPropertiesTest {

    static Stream<Operator> builtins() {
        return Operator.builtins().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtins")
    void everyBuiltinOpMatchesFiniteDifferencesOnAThousandPoints(Operator op) {
        PropertySummary s = GradientProperties.assertGradientsMatch(op);
        assertEquals(1000, s.cases(), s::toString);
        assertEquals(1000, s.secondOrderCases(), "every built-in op has a graph-form derivative");
        assertEquals(0, s.excused(), s::toString);
        assertTrue(s.redrawn() <= 400, () -> "points drawn again: " + s);
        if (op.kinkConvention() == null) {
            assertEquals(0, s.kinks(), "points keep away from kinks");
        } else {
            // One case in ten is also checked exactly at a kink: every kink took the declared slope.
            assertEquals(java.util.Set.of(op.kinkConvention()), s.kinkConventions().keySet(), s::toString);
            assertTrue(s.kinks() >= 100, s::toString);
        }
    }

    @Test
    void aThousandRandomGraphsOverThreeInputs() {
        PropertySummary s = GradientProperties.assertGradientsMatch(ExprGenerator.over(3).maxDepth(5).maxSize(14));
        assertEquals(1000, s.cases(), s::toString);
        assertEquals(1000, s.secondOrderCases(), s::toString);
        assertEquals(0, s.excused(), s::toString);
    }

    @Test
    void aThousandRandomGraphsAtKinks() {
        List<Operator> kinked = List.of(Operator.builtin("relu"), Operator.builtin("abs"), Operator.builtin("max"),
                Operator.builtin("min"), Operator.builtin("leaky_relu"), Operator.builtin("+"),
                Operator.builtin("*"), Operator.builtin("neg"));
        PropertySummary s = GradientProperties.property().secondOrder(false)
                .assertGradientsMatch(ExprGenerator.over(2).operators(kinked).allowKinks(true));
        // Failures at an inner kink are excused, and bounded: most cases are checked.
        assertTrue(s.excused() <= 30, s::toString);
        assertEquals(1000, s.cases() + s.excused(), s::toString);
        // Kinks that passed by the kink rule (the whole function's one-sided slopes), not failures.
        assertTrue(s.kinks() > 50, s::toString);
        System.out.println(s);
    }
}
