package dev.chainrule.viz.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Networks of a thousand nodes and more give bounded, readable derivations with the right numbers. */
class LargeNetworkTest {

    /** A chain of {@code n} sigmoid units: a_k = sigmoid(w_k·a_{k−1}). */
    private static String chain(int n) {
        StringBuilder b = new StringBuilder("a0 = 0.5\n");
        for (int k = 1; k <= n; k++) {
            b.append("param w").append(k).append(" = ").append(1 + k % 3 * 0.1).append('\n');
            b.append('a').append(k).append(" = sigmoid(w").append(k).append(" * a").append(k - 1).append(")\n");
        }
        return b.toString();
    }

    /** A fully connected net of {@code layers} layers of {@code width} sigmoid units, summed at the end. */
    private static String dense(int layers, int width) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < width; j++) {
            b.append("h0_").append(j).append(" = ").append(0.1 * (j + 1)).append('\n');
        }
        for (int l = 1; l <= layers; l++) {
            for (int j = 0; j < width; j++) {
                b.append("param w").append(l).append('_').append(j).append(" = ").append(0.3 - 0.05 * j).append('\n');
                b.append('h').append(l).append('_').append(j).append(" = sigmoid(");
                for (int i = 0; i < width; i++) {
                    b.append(i == 0 ? "" : " + ").append("w").append(l).append('_').append(j).append(" * h")
                            .append(l - 1).append('_').append(i);
                }
                b.append(")\n");
            }
        }
        b.append("E = ");
        for (int j = 0; j < width; j++) {
            b.append(j == 0 ? "" : " + ").append('h').append(layers).append('_').append(j);
        }
        return b.append('\n').toString();
    }

    @Test
    void aLongChainIsCutIntoNamedPiecesAndStaysExact() {
        Evaluation ev = Program.parse(chain(400)).evaluate(Map.of());
        assertTrue(Graph.of(ev.output()).size() > 1000);
        ev.output().backward();
        Derivation d = Explainer.of(ev.output()).derive("w1");
        assertEquals(ev.node("w1").grad(), d.value(), 1e-12 * Math.abs(ev.node("w1").grad()));
        for (Line l : d.lines()) {
            assertTrue(l.kind() != Line.Kind.CHAIN || l.toString().split(" · ").length <= Explainer.MAX_CHAIN + 1,
                    "a chain line has at most " + Explainer.MAX_CHAIN + " factors and its top: " + l);
        }
        assertEquals(0, d.leftOut());
        // With a limit of 10 steps, the rest is given by value and counted.
        Derivation cut = Explainer.builder(ev.output()).maxSteps(10).build().derive("w1");
        assertTrue(cut.leftOut() > 0);
        assertEquals(ev.node("w1").grad(), cut.value(), 1e-12 * Math.abs(ev.node("w1").grad()));
        String text = DerivationWriter.text(Notation.UNICODE, 9).write(List.of(cut));
        assertTrue(text.contains("(1 quantity is given by value only: the limit on derivation steps was reached)"),
                text);
        assertTrue(text.contains("from the backward pass, not derived: the limit of 10 derivation steps was reached"), text);
        assertTrue(text.lines().count() < 12 * 11, "bounded by the limit: " + text.lines().count() + " lines");
    }

    @Test
    void aDenseNetworkDerivesEachDeltaOnceAndLeavesOutWhatIsOverTheLimit() {
        Evaluation ev = Program.parse(dense(8, 8)).evaluate(Map.of());
        assertTrue(Graph.of(ev.output()).size() > 1000, "nodes: " + Graph.of(ev.output()).size());
        ev.output().backward();
        Explainer ex = Explainer.builder(ev.output()).maxSteps(20).build();
        Derivation d = ex.derive("w1_0");
        assertEquals(ev.node("w1_0").grad(), d.value(), 1e-12 * Math.abs(ev.node("w1_0").grad()));
        assertTrue(d.leftOut() > 0, "over the limit of 20");
        long deltas = d.lines().stream().filter(l -> l.kind() == Line.Kind.CHAIN || l.kind() == Line.Kind.PATHS).count();
        assertTrue(deltas <= 21, "at most the limit's derivations: " + deltas);
        String tex = DerivationWriter.latex(9).write(List.of(d));
        assertEquals(List.of(), LatexSyntax.problems(tex));
        // Unlimited (the highest limit), every δ is derived once and the number is still exact.
        Derivation all = Explainer.builder(ev.output()).maxSteps(Explainer.MAX_STEPS_LIMIT).build().derive("w1_0");
        assertEquals(0, all.leftOut());
        assertEquals(ev.node("w1_0").grad(), all.value(), 1e-12 * Math.abs(ev.node("w1_0").grad()));
    }

    @Test
    void aStatementTooLongToWriteGivesItsNumber() {
        StringBuilder b = new StringBuilder("f = x0");
        for (int i = 1; i < 200; i++) {
            b.append(" + x").append(i).append("*x").append(i);
        }
        Map<String, Double> at = new java.util.HashMap<>();
        for (int i = 0; i < 200; i++) {
            at.put("x" + i, 0.5 + i);
        }
        Value out = Program.parse(b.toString()).evaluate(at).output();
        Derivation d = Explainer.of(out).derive("x7");
        assertEquals("∂f/∂x7 = 15   (the statement of f is too long to write out; its value is the engine's)",
                d.lines().get(0).toString());
    }
}
