package dev.chainrule.viz.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Local derivative formulas: read from the op registry, folded by the one rule, and right. */
class FormulaTest {

    /** ∂(last statement)/∂name of a program, through its whole statement, in Unicode. */
    private static String local(String program, String of, String wrt) {
        Value out = Networks.output(program);
        NamedGraph g = new NamedGraph(Graph.of(out), false);
        return new Formula(g.localFormula(g.find(of), g.find(wrt))).toString();
    }

    @Test
    void constantsFoldAsTheMaterialWritesThem() {
        // ½(t − o)²: the registry's chain ½ · 2·(t − o)^(2 − 1) · (−1) reads −(t − o).
        assertEquals("−(t − o)", local("t = 0.01; o = 0.75; E = 0.5*(t - o)^2", "E", "o"));
        assertEquals("t − o", local("t = 0.01; o = 0.75; E = 0.5*(t - o)^2", "E", "t"));
        assertEquals("−(0.01 − o)", local("o = 0.75; E = ½·(0.01 − o)²".replace("½·", "0.5*"), "E", "o"));
        // net = w·i + b: ∂net/∂w is i, not 1·i·1 + 0; ∂net/∂b is 1.
        assertEquals("i", local("w = 0.4; i = 0.5; b = 0.6; net = w*i + b", "net", "w"));
        assertEquals("1", local("w = 0.4; i = 0.5; b = 0.6; net = w*i + b", "net", "b"));
        // A coefficient: 3·x² gives 6·x; x/4 gives 0.25; −x gives −1; (1 − x)³ gives −3·(1 − x)².
        assertEquals("6·x", local("x = 2; y = 3*x^2", "y", "x"));
        assertEquals("1/4", local("x = 2; y = x/4", "y", "x").replace("0.25", "1/4"));
        assertEquals("−1", local("x = 2; y = -x", "y", "x"));
        assertEquals("−3·(1 − x)²", local("x = 0.5; y = (1 - x)^3", "y", "x"));
        // Only constants fold: x·x gives x + x (each use of x is one path), names stay names.
        assertEquals("x + x", local("x = 3; y = x*x", "y", "x"));
        assertEquals("w·σ(n)·(1 − σ(n))", local("n = 0.3; w = 2; y = sigmoid(n)*w", "y", "n"));
        // A quotient: ∂(a/b)/∂b = −a/b².
        assertEquals("−a/b²", local("a = 1; b = 2; y = a/b", "y", "b"));
    }

    @Test
    void everyRegistryFormulaReadsAndGivesTheEnginesNumber() {
        TreeSet<String> words = new TreeSet<>();
        for (OpInfo op : OpRegistry.all()) {
            int n = op.arity() == -1 ? 3 : op.arity();
            Value[] in = new Value[n];
            for (int i = 0; i < n; i++) {
                in[i] = Value.of(new double[] {0.7, 1.3, 0.45}[i], "x" + i);
            }
            Value y = op.apply(in).label("y");
            Graph g = Graph.of(y);
            for (int i = 0; i < n; i++) {
                LocalDerivative d = LocalDerivative.of(g, g.size() - 1, i);
                Formula f = d.formula().orElseThrow();
                double engine = y.op().localDerivative(y, i);
                assertEquals(engine, d.value(), 0, op.name());
                if (Double.isNaN(f.value())) {
                    words.add(op.name());
                } else {
                    assertEquals(engine, f.value(), 1e-12 * Math.max(1, Math.abs(engine)), op.name() + " ∂/∂input " + i
                            + ": " + f + " (template " + op.derivativeTemplate(i) + ")");
                }
            }
        }
        // The formulas with cases (and gelu's, with its where-clause) are written as words.
        assertEquals(new TreeSet<>(List.of("elu", "gelu", "leaky_relu", "max", "min", "relu")), words);
    }

    @Test
    void aUserOpShowsItsOwnFormulaOrItsSymbolWithTheNumber() {
        dev.chainrule.engine.UnaryOp cube = new dev.chainrule.engine.UnaryOp(
                OpInfo.builder("cube", "³", 1).formula("x³").derivatives("3·{x}²")) {
            public double apply(double x) { return x * x * x; }
            public double derivative(double x, double y) { return 3 * x * x; }
            public Value derivative(Value x, Value y) { return x.pow(2).mul(3); }
        };
        Value x = Value.of(2, "x");
        Value y = x.apply(cube).label("y");
        Derivation d = Explainer.of(y).derive("x");
        assertEquals("∂y/∂x = 3·x² = 3·2² = 12", d.lines().get(0).toString());

        dev.chainrule.engine.CustomOp custom = dev.chainrule.engine.CustomOp.of(
                OpInfo.builder("cube", "³", 1).derivatives("3·{x}²"), v -> v[0] * v[0] * v[0],
                (v, out, g) -> g[0] = 3 * v[0] * v[0]);
        Value w = Value.apply(custom, x).label("w");
        assertEquals("∂w/∂x = 3·x² = 3·2² = 12", Explainer.of(w).derive("x").lines().get(0).toString());

        dev.chainrule.engine.CustomOp plain = dev.chainrule.engine.CustomOp.unary("cube", v -> v * v * v,
                (v, out) -> 3 * v * v);
        Value z = Value.apply(plain, x).label("z");
        Derivation e = Explainer.of(z).derive("x");
        assertEquals("∂z/∂x = 12   (no derivative formula is given for an op of z; its value is the engine's)",
                e.lines().get(0).toString());
    }

    @Test
    void negativeNumbersAreBracketedWhereTheyWouldReadAsSubtraction() {
        Map<String, Double> at = Map.of("a", -2.0);
        Value out = dev.chainrule.engine.expr.Program.parse("a = 1; b = 3; y = a*b").evaluate(at).output();
        Derivation d = Explainer.of(out).derive("b");
        assertEquals("∂y/∂b = a = −2", d.lines().get(0).toString());
        Value sq = dev.chainrule.engine.expr.Program.parse("a = 1; y = a^2").evaluate(at).output();
        assertEquals("∂y/∂a = 2·a = 2·(−2) = −4", Explainer.of(sq).derive("a").lines().get(0).toString());
        List<String> all = new ArrayList<>();
        for (Line l : Explainer.of(sq).derive("a").lines()) {
            all.add(DerivationWriter.text(Notation.ASCII, 9).line(l));
        }
        assertTrue(all.get(0).equals("dy/da = 2*a = 2*(-2) = -4"), all.toString());
    }
}
