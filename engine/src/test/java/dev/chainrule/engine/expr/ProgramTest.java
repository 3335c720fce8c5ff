package dev.chainrule.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.AnomalyException;
import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Graph;
import dev.chainrule.engine.gradcheck.GradCheck;
import dev.chainrule.engine.gradcheck.GradCheckResult;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The expression language: what programs mean, and what their graphs hold. */
class ProgramTest {

    private static double eval(String program) {
        return Program.parse(program).evaluate(Map.of()).output().data();
    }

    @Test
    void theWorkedExampleWrittenWithAMiddleDot() {
        Program p = Program.parse("x = -2; y = 5; z = -4\nq = x + y\nf = q·z");
        Evaluation ev = p.evaluate(Map.of());
        ev.output().backward();
        assertEquals("f", ev.outputName());
        assertEquals(List.of("x", "y", "z", "q", "f"), List.copyOf(ev.nodes().keySet()));
        assertEquals(3.0, ev.node("q").data());
        assertEquals(-12.0, ev.node("f").data());
        assertEquals(-4.0, ev.node("x").grad());
        assertEquals(-4.0, ev.node("y").grad());
        assertEquals(3.0, ev.node("z").grad());
        assertEquals(-4.0, ev.node("q").grad());
        assertEquals("q", ev.node("q").label());
        assertEquals("mul", ev.node("f").op().name());
    }

    @Test
    void everyNamedStatementIsALabelledNodeOfTheGraph() {
        Evaluation ev = Program.parse("x = -2; y = 5; z = -4\nq = x + y\nf = q * z").evaluate(Map.of());
        Graph g = Graph.of(ev.output());
        assertEquals("add", g.find("q").opName());
        assertEquals(Graph.Kind.LEAF, g.find("x").kind());
        assertEquals(Graph.Kind.OUTPUT, g.find("f").kind());
        assertEquals(5, g.size());
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertEquals(14.0, eval("f = 2 + 3 * 4"));
        assertEquals(20.0, eval("f = (2 + 3) * 4"));
        assertEquals(5.0, eval("f = 10 - 3 - 2"));
        assertEquals(3.0, eval("f = 24 / 4 / 2"));
    }

    @Test
    void powerBindsTighterThanUnaryMinus() {
        assertEquals(-9.0, eval("x = 3; f = -x^2"));
        assertEquals(-4.0, eval("f = -2^2"));
        assertEquals(9.0, eval("x = 3; f = (-x)^2"));
        assertEquals(-9.0, eval("x = 3; f = 0 - x**2"));
        assertEquals(0.5, eval("x = 2; f = x^-1"));
        assertEquals(-3.0, eval("x = 3; f = --x * -1"));
    }

    @Test
    void powerIsRightAssociative() {
        assertEquals(512.0, eval("f = 2^3^2"));
        assertEquals(512.0, eval("f = 2**3**2"));
        assertEquals(64.0, eval("f = (2^3)^2"));
    }

    @Test
    void aConstantExponentIsOneNodeAndAVariableExponentIsDifferentiable() {
        Evaluation ev = Program.parse("x = 3; f = x^2").evaluate(Map.of());
        assertEquals(1, ev.output().inputCount());
        ev = Program.parse("x = 2; y = 3; f = x^y").evaluate(Map.of());
        ev.output().backward();
        assertEquals(8.0, ev.output().data());
        assertEquals(12.0, ev.node("x").grad(), 1e-12);
        assertEquals(8 * Math.log(2), ev.node("y").grad(), 1e-12);
    }

    @Test
    void unicodeOperatorsMeanTheirAsciiForms() {
        assertEquals(12.0, eval("f = 3 × 4"));
        assertEquals(12.0, eval("f = 3 ⋅ 4"));
        assertEquals(12.0, eval("f = 3 · 4"));
        assertEquals(-1.0, eval("f = 3 − 4"));
        assertEquals(-1.0, eval("f = −1"));
        assertEquals(0.75, eval("f = 3 ÷ 4"));
    }

    @Test
    void superscriptsArePowers() {
        assertEquals(-9.0, eval("x = 3; f = -x²"));
        assertEquals(0.25, eval("x = 2; f = x⁻²"));
        assertEquals(1024.0, eval("x = 2; f = x¹⁰"));
        assertEquals(0.5, eval("t = 1; o = 2; E = 0.5 · (t − o)²"));
        Evaluation ev = Program.parse("x = 3; f = x³").evaluate(Map.of());
        ev.output().backward();
        assertEquals(27.0, ev.node("x").grad());
        assertEquals("pow", ev.output().op().name());
    }

    @Test
    void commentsSemicolonsBlankLinesAndCarriageReturns() {
        String text = "# a comment line\r\n\r\nx = 2 # an input\r\n; ; y = 3;f = x*y   # the output\r\n";
        assertEquals(6.0, eval(text));
    }

    @Test
    void numbersInScientificNotation() {
        assertEquals(1.5e-3, eval("f = 1.5e-3"));
        assertEquals(200.0, eval("f = 2E2"));
        assertEquals(0.5, eval("f = .5"));
        assertEquals(30.0, eval("f = 3e+1"));
        assertEquals(2 * Math.E, eval("f = 2*e"));
    }

    @Test
    void constantsEAndPi() {
        assertEquals(Math.E, eval("f = e"));
        assertEquals(Math.PI / 2, eval("f = pi / 2"), 1e-15);
        assertEquals(4.0, eval("e = 4; f = e"), "a program may name its own e");
    }

    @Test
    void everyFunctionCallsItsValueMethod() {
        Map<String, UnaryOperator<Value>> unary = new LinkedHashMap<>();
        unary.put("exp", Value::exp);
        unary.put("log", Value::log);
        unary.put("ln", Value::log);
        unary.put("sqrt", Value::sqrt);
        unary.put("abs", Value::abs);
        unary.put("sin", Value::sin);
        unary.put("cos", Value::cos);
        unary.put("identity", Value::identity);
        unary.put("tanh", Value::tanh);
        unary.put("sigmoid", Value::sigmoid);
        unary.put("σ", Value::sigmoid);
        unary.put("relu", Value::relu);
        unary.put("leaky_relu", v -> v.leakyRelu(0.01));
        unary.put("softplus", Value::softplus);
        unary.put("elu", Value::elu);
        unary.put("gelu", Value::gelu);
        unary.put("silu", Value::silu);
        unary.put("swish", Value::silu);
        unary.put("gaussian", Value::gaussian);
        unary.put("step", Value::step);
        unary.put("sign", Value::sign);
        unary.put("softsign", v -> OpRegistry.get("softsign").apply(v));
        unary.put("bipolar_step", v -> OpRegistry.get("bipolar_step").apply(v));
        unary.put("neg", Value::neg);
        for (double x : new double[] {-1.3, 0.7}) {
            for (Map.Entry<String, UnaryOperator<Value>> f : unary.entrySet()) {
                Value expected = f.getValue().apply(Value.of(Math.abs(x) + (f.getKey().matches("log|ln|sqrt") ? 0 : x - Math.abs(x))));
                Evaluation ev = Program.parse("x = " + (f.getKey().matches("log|ln|sqrt") ? Math.abs(x) : x)
                        + "\ny = " + f.getKey() + "(x)").evaluate(Map.of());
                assertEquals(expected.data(), ev.output().data(), f.getKey() + " at " + x);
                assertEquals(expected.op().name(), ev.output().op().name(), f.getKey());
            }
        }
        List<String> covered = List.of("max", "min", "pow", "sum", "add", "sub", "mul", "div");
        for (String name : Program.functions()) {
            assertTrue(unary.containsKey(name) || covered.contains(name), name + " has no test here");
        }
    }

    @Test
    void functionsWithTwoArgumentsOrAConstantOne() {
        assertEquals(-0.2, eval("x = -2; f = leaky_relu(x, 0.1)"), 1e-15);
        assertEquals(-0.02, eval("x = -2; f = leaky_relu(x)"), 1e-15);
        assertEquals(2 * Math.expm1(-1), eval("x = -1; f = elu(x, 2)"), 1e-15);
        assertEquals(Math.expm1(-1), eval("x = -1; f = elu(x)"), 1e-15);
        assertEquals(5.0, eval("a = 5; b = 3; f = max(a, b)"));
        assertEquals(3.0, eval("a = 5; b = 3; f = min(a, b)"));
        assertEquals(1024.0, eval("f = pow(2, 10)"));
        assertEquals(6.0, eval("a = 1; f = sum(a, 2, a + 2)"));
        assertEquals(-3.0 / 7, eval("a = 2; b = 5; f = div(sub(a, b), mul(add(a, b), 1))"), 1e-15);
        Evaluation ev = Program.parse("a = 2; b = 3; f = pow(a, b)").evaluate(Map.of());
        ev.output().backward();
        assertEquals(12.0, ev.node("a").grad(), 1e-12);
    }

    @Test
    void inputsCanBeOverriddenOrGivenFromOutside() {
        Program p = Program.parse("x = -2\nf = (x + y) * z");
        assertEquals(List.of("x", "y", "z"), p.inputs());
        assertEquals(Map.of("x", -2.0), p.defaults());
        assertTrue(p.isInput("y"));
        assertFalse(p.isInput("f"));
        Evaluation ev = p.evaluate(Map.of("y", 5.0, "z", -4.0));
        assertEquals(-12.0, ev.output().data());
        ev = p.evaluate(Map.of("x", 1.0, "y", 5.0, "z", -4.0));
        assertEquals(-24.0, ev.output().data());
        assertEquals("(x + y) * z", p.definition("f"));
        assertEquals("-2", p.definition("x"));
    }

    @Test
    void theOutputCanBeChosen() {
        Program p = Program.parse("x = 3\nq = x * x\nf = q + 1");
        Evaluation ev = p.evaluate(Map.of(), "q");
        ev.output().backward();
        assertEquals("q", ev.outputName());
        assertEquals(6.0, ev.node("x").grad());
        assertEquals(0.0, ev.node("f").grad(), "f is not on the way to q");
    }

    @Test
    void renamingANodeMakesAnIdentityNodeSoBothNamesShow() {
        Evaluation ev = Program.parse("a = 2; b = a; c = b * 3").evaluate(Map.of());
        assertNotSame(ev.node("a"), ev.node("b"));
        assertEquals("identity", ev.node("b").op().name());
        ev.output().backward();
        assertEquals(3.0, ev.node("a").grad());
    }

    @Test
    void asAFunctionOfCallerLeavesItWorksWithGradCheck() {
        Program p = Program.parse("y = 0.5\nf = x * sin(y) + exp(x·y)");
        assertEquals(List.of("y", "x"), p.inputs(), "in order of appearance");
        GradCheckResult r = GradCheck.defaults().names("y", "x").run(p.asFunction(null), 0.5, 2.0);
        assertTrue(r.passed(), r.toString());
        assertEquals(2 * Math.sin(0.5) + Math.exp(1.0), r.output(), 1e-12);
        assertEquals(Math.sin(0.5) + 0.5 * Math.exp(1.0), r.entry("x").analytic(), 1e-12);
        Value x = Value.of(3);
        Value q = p.asFunction("f").apply(new Value[] {Value.of(0.5), x});
        assertEquals(3 * Math.sin(0.5) + Math.exp(1.5), q.data(), 1e-12);
        assertEquals("x", x.label(), "the leaves are labelled with the inputs' names");
        assertEquals("the program has 2 inputs (y, x) but 1 values were given",
                assertThrows(IllegalArgumentException.class, () -> p.asFunction(null).apply(new Value[] {x})).getMessage());
    }

    @Test
    void eachEvaluationBuildsAFreshGraph() {
        Program p = Program.parse("x = 1; f = x * x");
        Evaluation a = p.evaluate(Map.of());
        Evaluation b = p.evaluate(Map.of());
        a.output().backward();
        assertEquals(2.0, a.node("x").grad());
        assertEquals(0.0, b.node("x").grad());
    }

    @Test
    void aMillionStatementChainParsesAndDifferentiatesOnTheDefaultStack() {
        int n = 1_000_000;
        StringBuilder s = new StringBuilder(40 * n).append("x0 = 1\n");
        for (int i = 1; i <= n; i++) {
            s.append('x').append(i).append(" = x").append(i - 1).append("*1.000001 + 0.000001\n");
        }
        Evaluation ev = Program.parse(s.toString()).evaluate(Map.of());
        ev.output().backward();
        double r = Math.exp(n * Math.log1p(1e-6));
        assertEquals("x" + n, ev.outputName());
        assertEquals(2 * r - 1, ev.output().data(), 1e-8);
        assertEquals(r, ev.node("x0").grad(), 1e-8);
        assertEquals(r / 1.000001, ev.node("x1").grad(), 1e-8);
    }

    @Test
    void aLongFlatSumNeedsNoRecursion() {
        StringBuilder s = new StringBuilder("x = 1\nf = x");
        for (int i = 0; i < 200_000; i++) {
            s.append(" + x");
        }
        Evaluation ev = Program.parse(s.toString()).evaluate(Map.of());
        ev.output().backward();
        assertEquals(200_001.0, ev.output().data());
        assertEquals(200_001.0, ev.node("x").grad());
    }

    @Test
    void divisionByZeroUnderAnomalyDetectionSaysWhereInTheProgram() {
        Program p = Program.parse("x = 1; y = 0\nf = x / y");
        assertEquals(Double.POSITIVE_INFINITY, p.evaluate(Map.of()).output().data());
        AnomalyException e;
        try (Autograd.Scope s = Autograd.detectAnomaly()) {
            e = assertThrows(AnomalyException.class, () -> p.evaluate(Map.of()));
        }
        assertTrue(e.getMessage().startsWith("anomaly in forward: div produced Infinity from inputs [x=1.0, y=0.0]"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("at 2:7 (computing 'f')\n  f = x / y\n        ^"), e.getMessage());
    }

    @Test
    void firstAnomalyNamesTheOpThatMadeANaNForwardOrBackwardAndIsEmptyWhenAllIsFinite() {
        Program p = Program.parse("x = 1; y = 0\nf = x / y");
        String forward = p.firstAnomaly(Map.of(), null).orElseThrow();
        assertTrue(forward.startsWith("anomaly in forward: div produced Infinity"), forward);
        assertTrue(forward.endsWith("at 2:7 (computing 'f')\n  f = x / y\n        ^"), forward);
        assertTrue(p.firstAnomaly(Map.of("y", 2.0), "f").isEmpty(), "1 / 2 is finite");
        Program sqrt = Program.parse("x = 0\nf = sqrt(x)");  // finite forward, infinite slope at 0
        String backward = sqrt.firstAnomaly(Map.of(), null).orElseThrow();
        assertTrue(backward.contains("backward"), backward);
        assertTrue(backward.contains("sqrt"), backward);
    }
}
