package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import dev.chainrule.viz.explain.Explainer;
import dev.chainrule.viz.explain.Line;
import dev.chainrule.viz.explain.LocalDerivative;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each backward step of a deck shows its local derivatives as the worked derivations write them. */
class SlideLocalDerivativesTest {

    @Test
    void theChainRuleDeckShowsEachOpsFormula() {
        List<Slide> s = SlideDeck.of(Examples.chainRule(), GraphStyle.defaults()).slides();
        assertEquals(List.of(), s.get(3).localDerivatives(), "the seed has none");
        assertEquals(List.of("local ∂f/∂q = z"), s.get(5).localDerivatives());
        // the teaching order (issue 12) may put y's step before x's: find x's by its focus
        Slide xStep = s.stream().filter(x -> x.title().startsWith("Backward") && "x".equals(x.focus()))
                .findFirst().orElseThrow();
        assertEquals(List.of("local ∂q/∂x = 1"), xStep.localDerivatives());
        assertTrue(xStep.dot().contains("local ∂q/∂x = 1"), "in the frame's caption");
        assertTrue(SlideDeck.of(Examples.chainRule(), GraphStyle.defaults()).html().contains("<p>local ∂f/∂q = z</p>"));
    }

    @Test
    void mazursDeckNamesUnnamedNodesAsTheFramesDoNeverByNodeId() {
        List<Slide> slides = SlideDeck.of(Examples.mazur(), GraphStyle.defaults()).slides();
        List<String> all = slides.stream().flatMap(x -> x.localDerivatives().stream()).toList();
        assertTrue(all.size() > 20, "every backward step of an op lists its local derivatives: " + all.size());
        for (String line : all) {
            assertFalse(line.matches(".*\\bn\\d+\\b.*"), "an invented node id in: " + line);
        }
        // the square of E_o1's statement: its input is an expression, written as the frames write it
        assertTrue(all.stream().anyMatch(l -> l.contains("/∂(0.01 + −(out_o1))")), all.toString());
    }

    @Test
    void slidesAndDerivationsAgreeOnMazursNetwork() {
        String program = "i1 = 0.05; param w5 = 0.4; h = 0.593269992; b2 = 0.6\n"
                + "net_o1 = w5*h + b2\nout_o1 = sigmoid(net_o1)\nE = 0.5*(0.01 - out_o1)^2\n";
        Evaluation ev = Program.parse(program).evaluate(Map.of());
        Value out = ev.output();
        out.backward();
        Graph g = Graph.of(out);
        List<Slide> slides = SlideDeck.of(g, GraphStyle.defaults()).slides();
        Slide netStep = slides.stream().filter(x -> x.title().startsWith("Backward") && "net_o1".equals(x.focus()))
                .findFirst().orElseThrow();
        assertEquals(List.of("local ∂out_o1/∂net_o1 = out_o1·(1 − out_o1)"), netStep.localDerivatives());
        // The derivation's factor for the same step: the same formula and the same number.
        Line factor = Explainer.of(out).derive("net_o1").lines().stream()
                .filter(l -> l.left().toString().equals("∂out_o1/∂net_o1")).findFirst().orElseThrow();
        assertTrue(factor.toString().contains("= out_o1·(1 − out_o1) = "), factor.toString());
        int id = g.find("out_o1").id();
        LocalDerivative d = LocalDerivative.of(g, id, 0);
        assertEquals(factor.sides().get(factor.sides().size() - 1).formula().value(), d.value(), 0);
        assertEquals(g.find("out_o1").localDerivative(0).getAsDouble(), d.value(), 0);
    }
}
