package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeNamesTest {
    @Test
    void shownGivesTheLabelTheNumberTheExpressionOrTheOpWithAnEllipsis() {
        Value w1 = Value.of(0.15, "w1");
        Value i1 = Value.of(0.05, "i1");
        Value w2 = Value.of(0.2, "w2");
        Value i2 = Value.of(0.1, "i2");
        Value out = w1.mul(i1).add(w2.mul(i2)).add(Value.of(0.35)).sigmoid().label("out_h1");
        Graph g = Graph.of(out);
        assertEquals(List.of("w1", "i1", "w1·i1", "w2", "i2", "w2·i2", "w1·i1 + w2·i2", "0.35",
                "w1·i1 + w2·i2 + 0.35", "out_h1"), shown(g, 24));
        // Too long for 12 characters: the op with an ellipsis, never blank, never an invented name.
        assertEquals(List.of("w1", "i1", "w1·i1", "w2", "i2", "w2·i2", "+(…)", "0.35", "+(…)", "out_h1"),
                shown(g, 12));
    }

    private static List<String> shown(Graph g, int max) {
        List<String> out = new ArrayList<>();
        for (Graph.Entry e : g.nodes()) {
            out.add(NodeNames.shown(g, e, max));
        }
        return out;
    }
}
