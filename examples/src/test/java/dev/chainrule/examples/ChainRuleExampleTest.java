package dev.chainrule.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** f = (x + y)·z at x = −2, y = 5, z = −4: q = 3, f = −12, grads −4, −4, 3. */
class ChainRuleExampleTest {

    @Test
    void valuesAndGradients() {
        ChainRuleExample.Result r = ChainRuleExample.compute();
        assertEquals(3.0, r.q().data());
        assertEquals(-12.0, r.f().data());
        assertEquals(-4.0, r.x().grad());
        assertEquals(-4.0, r.y().grad());
        assertEquals(3.0, r.z().grad());
        assertEquals(-4.0, r.q().grad());
    }

    @Test
    void printsTheTable(@TempDir Path dir) throws IOException {
        String text = Printed.run(new ChainRuleExample(), dir);
        // The material's q = 3, f = −12, ∂f/∂x = ∂f/∂y = −4, ∂f/∂z = 3 (and ∂f/∂q = −4).
        Printed.assertContains(text, "\nx          -2       -4\ny           5       -4\n"
                + "z          -4        3\nq           3       -4\nf         -12        1\n");
        Printed.assertTranscript("chain-rule", text);
        Printed.assertPicture(dir.resolve("chain-rule.svg"));
        Printed.assertPicture(dir.resolve("chain-rule.png"));
        // Graphviz writes a minus sign in SVG text as the entity &#45;.
        String svg = Files.readString(dir.resolve("chain-rule.svg")).replace("&#45;", "-");
        assertTrue(svg.contains(">-12<"), "the rendered graph shows f = -12");
        assertTrue(svg.contains(">3<"), "the rendered graph shows q = 3");
    }
}
