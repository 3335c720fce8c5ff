package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.expr.Program;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The op registry: every built-in op's metadata is complete and true to the op (its derivative
 * against finite differences inside its stated domain and away from its stated kinks, its graph
 * form and tensor form against its number form), and the expression language lists exactly the
 * registry's ops. A new op declared in {@code Ops} is checked here without touching this file.
 */
class OpRegistryTest {
    private static final double H = 1e-6;
    private static final double[] GRID = {-2.3, -1.1, -0.35, 0.2, 0.6, 1.3, 2.7};

    static Stream<OpInfo> ops() {
        return OpRegistry.all().stream();
    }

    /** Input tuples on the grid inside the op's domain and away from its kinks (three inputs for sum). */
    private static List<double[]> points(OpInfo op) {
        int n = op.arity() == -1 ? 3 : op.arity();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < GRID.length; i++) {
            double[] p = new double[n];
            for (int k = 0; k < n; k++) {
                p[k] = GRID[(i + 3 * k) % GRID.length];
            }
            if (op.domainMargin(p) > 0.1 && op.kinkDistance(p) > 0.1) {
                points.add(p);
            }
        }
        return points;
    }

    private static Value[] leaves(double[] p) {
        Value[] v = new Value[p.length];
        for (int k = 0; k < p.length; k++) {
            v[k] = Value.of(p[k]);
        }
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void everyOpHasItsMetadata(OpInfo op) {
        assertFalse(op.description().isBlank(), op.name() + " has a description");
        assertFalse(op.formula().isBlank(), op.name() + " has a formula");
        assertFalse(op.title().isBlank(), op.name() + " has a title");
        assertTrue(op.name().matches("[a-z_]+"), op.name() + " can be called in programs");
        Set<String> allowed = new HashSet<>(List.of("out"));
        allowed.addAll(op.arity() == 2 ? List.of("a", "b") : List.of("x"));
        op.parameters().forEach(p -> allowed.add(p.name()));
        for (int i = 0; i < Math.max(1, op.arity()); i++) {
            Matcher m = Pattern.compile("\\{([^}]*)}").matcher(op.derivativeTemplate(i));
            while (m.find()) {
                assertTrue(allowed.contains(m.group(1)), op.name() + ": unknown placeholder {" + m.group(1) + "}");
            }
        }
        assertEquals(op.hasKinks(), op.kinkDistance(new double[3]) < Double.POSITIVE_INFINITY, op.name());
        assertEquals(op.definedEverywhere(), op.domainMargin(new double[] {0.5, 0.5, 0.5}) == Double.POSITIVE_INFINITY,
                op.name());
        assertTrue(points(op).size() >= 3, op.name() + " is checked at 3 points or more");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void derivativesMatchCentralDifferencesInsideTheDomain(OpInfo op) {
        for (double[] p : points(op)) {
            Value[] x = leaves(p);
            Value y = op.apply(x);
            y.backward();
            for (int k = 0; k < p.length; k++) {
                double[] up = p.clone();
                double[] down = p.clone();
                up[k] += H;
                down[k] -= H;
                double numeric = (op.apply(leaves(up)).data() - op.apply(leaves(down)).data()) / (2 * H);
                assertEquals(numeric, x[k].grad(), 1e-6 * Math.max(1, Math.abs(numeric)),
                        op.name() + " ∂/∂input" + k + " at " + java.util.Arrays.toString(p));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void theGraphFormOfTheDerivativeEqualsTheNumberForm(OpInfo op) {
        for (double[] p : points(op)) {
            Value[] x = leaves(p);
            Value y = op.apply(x);
            Value[] g = Grad.of(y, x);
            y.backward();
            for (int k = 0; k < p.length; k++) {
                assertEquals(x[k].grad(), g[k].data(), 1e-12 * Math.max(1, Math.abs(g[k].data())),
                        op.name() + " input " + k + " at " + java.util.Arrays.toString(p));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void theTensorFormAgreesWithTheValueFormBitForBit(OpInfo op) {
        if (op.arity() == -1) {
            assertThrows(UnsupportedOperationException.class, () -> op.apply(new Tensor[] {Tensor.scalar(1)}));
            return;
        }
        List<double[]> points = points(op);
        Tensor[] in = new Tensor[op.arity()];
        for (int k = 0; k < in.length; k++) {
            double[] column = new double[points.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = points.get(i)[k];
            }
            in[k] = Tensor.of(column, column.length);
        }
        Tensor out = op.apply(in);
        out.sum().backward();
        for (int i = 0; i < points.size(); i++) {
            Value[] x = leaves(points.get(i));
            Value y = op.apply(x);
            y.backward();
            assertEquals(y.data(), out.toArray()[i], 0.0, op.name() + " value at " + i);
            for (int k = 0; k < x.length; k++) {
                assertEquals(x[k].grad(), in[k].grad().toArray()[i], 0.0, op.name() + " grad " + k + " at " + i);
            }
        }
    }

    @Test
    void everyNodeCarriesItsOpsRegistryEntry() {
        Value x = Value.of(0.3);
        assertSame(OpRegistry.get("sigmoid"), x.sigmoid().op().info());
        assertSame(OpRegistry.get("sigmoid"), OpRegistry.get("σ"));
        assertSame(OpRegistry.get("leaky_relu"), x.leakyRelu(0.2).op().info());
        assertSame(OpRegistry.get("elu"), x.elu(0.5).op().info());
        assertSame(OpRegistry.get("sum"), Value.sum(x, x).op().info());
        assertEquals("pow", x.pow(2).op().info().name());
        assertEquals("^2", x.pow(2).op().symbol());
        CustomOp cube = CustomOp.unary("cube", v -> v * v * v, (v, y) -> 3 * v * v);
        assertEquals("cube", cube.info().name());
        assertEquals("∂cube/∂input0", cube.info().derivativeTemplate(0));
    }

    @Test
    void derivativeFormulasAreWrittenWithTheNodesNames() {
        assertEquals("out·(1 − out)", OpRegistry.get("sigmoid").derivativeFormula(0, List.of("h"), "out"));
        assertEquals("y", OpRegistry.get("mul").derivativeFormula(0, List.of("x", "y"), "f"));
        assertEquals("x", OpRegistry.get("mul").derivativeFormula(1, List.of("x", "y"), "f"));
        assertEquals("1 if h > 0, else 0.1", OpRegistry.get("leaky_relu").derivativeFormula(0, List.of("h"), "o", 0.1));
        assertEquals("1 if h > 0, else 0.01", OpRegistry.get("leaky_relu").derivativeFormula(0, List.of("h"), "o"));
        assertEquals("1", OpRegistry.get("sum").derivativeFormula(2, List.of("a", "b", "c"), "s"));
    }

    @Test
    void parametersTakeTheirDefaultsAndBadOnesAreNamed() {
        OpInfo leaky = OpRegistry.get("leaky_relu");
        assertEquals(List.of(new OpInfo.Parameter("slope", 0.01)), leaky.parameters());
        assertEquals(-0.02, leaky.apply(Value.of(-2)).data(), 1e-15);
        assertEquals(-0.2, leaky.apply(new Value[] {Value.of(-2)}, 0.1).data(), 1e-15);
        assertEquals("leaky_relu(x[, slope=0.01])", leaky.usage());
        assertEquals("max(a, b)", OpRegistry.get("max").usage());
        assertEquals("sum(a, b, ...)", OpRegistry.get("sum").usage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> leaky.apply(new Value[] {Value.of(1)}, 0.1, 0.2));
        assertEquals("leaky_relu: takes 1 parameter, got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpRegistry.get("frobnicate"));
        assertTrue(e.getMessage().startsWith("no built-in op 'frobnicate'; there are add, sub, mul"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpRegistry.get("max").apply(new Value[] {Value.of(1)}));
        assertEquals("max: expects 2 inputs, got 1", e.getMessage());
    }

    @Test
    void theExpressionLanguageCallsExactlyTheRegistrysOps() {
        assertEquals(new HashSet<>(OpRegistry.names()), new HashSet<>(Program.functions()));
        assertEquals(OpRegistry.names().size(), Program.functions().size());
        for (OpInfo op : OpRegistry.all()) {
            if (op.arity() == 1) {
                for (String name : op.names()) {
                    double x = 0.7;
                    double got = Program.parse("x = " + x + "; y = " + name + "(x)").evaluate(java.util.Map.of())
                            .output().data();
                    assertEquals(op.apply(Value.of(x)).data(), got, 0.0, name);
                }
            }
        }
    }

    @Test
    void kindsSplitTheOps() {
        assertEquals(List.of("add", "sub", "mul", "div", "neg", "pow"),
                OpRegistry.ofKind(OpInfo.Kind.ARITHMETIC).stream().map(OpInfo::name).toList());
        for (OpInfo op : OpRegistry.activations()) {
            assertEquals(1, op.arity(), op.name());
        }
        assertTrue(OpRegistry.activations().stream().anyMatch(op -> op.name().equals("softsign")));
    }
}
