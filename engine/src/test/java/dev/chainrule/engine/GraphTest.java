package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The read-only graph view: deterministic order, stable ids, kinds, values and grads. */
class GraphTest {

    private static Value build() {
        Value x = Value.of(-2, "x");
        Value y = Value.of(5, "y");
        Value z = Value.of(-4, "z");
        return x.add(y).label("q").mul(z).label("f");
    }

    @Test
    void nodesComeInputsFirstWithStableIds() {
        Value f = build();
        f.backward();
        Graph g = Graph.of(f);
        assertEquals(List.of("x", "y", "q", "z", "f"),
                g.nodes().stream().map(Graph.Entry::name).collect(Collectors.toList()));
        assertEquals(List.of(0, 1), g.find("q").inputIds());
        assertEquals(List.of(2, 3), g.output().inputIds());
        assertEquals(Graph.Kind.LEAF, g.find("x").kind());
        assertEquals(Graph.Kind.INTERMEDIATE, g.find("q").kind());
        assertEquals(Graph.Kind.OUTPUT, g.output().kind());
        assertEquals("add", g.find("q").opName());
        assertEquals("×", g.output().opSymbol());
        assertNull(g.find("x").opName());
        assertEquals(-4.0, g.find("q").gradValue());
        assertEquals(3.0, g.find("q").value());
        assertEquals(-4.0, g.output().localDerivative(0).getAsDouble());
        assertEquals(3.0, g.output().localDerivative(1).getAsDouble());
    }

    @Test
    void theSameProgramGivesTheSameView() {
        Graph a = Graph.of(build());
        Graph b = Graph.of(build());
        assertEquals(a.nodes().toString(), b.nodes().toString());
    }

    @Test
    void duplicatesAreKeptInInputs() {
        Value x = Value.of(3, "x");
        Graph g = Graph.of(x.mul(x));
        assertEquals(2, g.size());
        assertEquals(List.of(0, 0), g.output().inputIds());
    }
}
