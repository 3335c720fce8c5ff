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
        assertEquals(1000, s.cases());
        assertEquals(1000, s.secondOrderCases(), "every built-in op has a graph-form derivative");
        assertEquals(0, s.kinks(), "points keep away from kinks");
    }

    @Test
    void aThousandRandomGraphsOverThreeInputs() {
        PropertySummary s = GradientProperties.assertGradientsMatch(ExprGenerator.over(3).maxDepth(5).maxSize(14));
        assertEquals(1000, s.cases());
        assertEquals(1000, s.secondOrderCases());
    }

    @Test
    void aThousandRandomGraphsAtKinks() {
        List<Operator> kinked = List.of(Operator.builtin("relu"), Operator.builtin("abs"), Operator.builtin("max"),
                Operator.builtin("min"), Operator.builtin("leaky_relu"), Operator.builtin("+"),
                Operator.builtin("*"), Operator.builtin("neg"));
        PropertySummary s = GradientProperties.property().secondOrder(false)
                .assertGradientsMatch(ExprGenerator.over(2).operators(kinked).allowKinks(true));
        assertEquals(1000, s.cases());
        assertTrue(s.kinks() > 50, s::toString);
    }
}
