package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotGoldenTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = DotGoldenTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void chainRuleExampleMatchesTheGoldenFileByteForByte() throws IOException {
        assertEquals(resource("chain-rule.dot"), GraphRenderer.dot(Examples.chainRule()));
    }

    @Test
    void twoSeparatelyBuiltCopiesOfAGraphGiveIdenticalDot() {
        GraphStyle style = GraphStyle.builder().localDerivatives(true).highlight("x1").highlightPath("n", "o")
                .theme(Theme.CS231N).build();
        assertEquals(GraphRenderer.dot(Examples.neuron(), style), GraphRenderer.dot(Examples.neuron(), style));
    }
}
