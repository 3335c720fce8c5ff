package com.example.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import dev.chainrule.testkit.ExprGenerator;
import dev.chainrule.testkit.GradientProperties;
import dev.chainrule.testkit.Operator;
import dev.chainrule.viz.GraphRenderer;
import dev.chainrule.viz.GraphStyle;
import java.util.List;
import org.junit.jupiter.api.Test;

class StarterTest {
    @Test
    void theCustomOpHasTheRightDerivative() {
        GradientProperties.assertGradientsMatch(Operator.of(Starter.CUBE));
        GradientProperties.assertGradientsMatch(ExprGenerator.over(3).featuring(Operator.of(Starter.CUBE)));
    }

    @Test
    void theChainRuleThroughTheCustomOp() {
        Value f = Starter.chainRule();
        assertEquals(-108, f.data());                      // cube(3)·(−4)
        Graph graph = Graph.of(f);
        String svg = GraphRenderer.svg(graph, GraphStyle.defaults());
        assertTrue(svg.contains("cube"), "the custom op shows by its own name");
    }

    @Test
    void xorTrains() {
        List<Double> losses = Starter.trainXor(500);
        assertTrue(losses.get(499) < 0.05 && losses.get(0) > 0.2, losses.get(0) + " -> " + losses.get(499));
    }
}
