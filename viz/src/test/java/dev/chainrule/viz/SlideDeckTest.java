package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlideDeckTest {

    private static SlideDeck chainRuleDeck() {
        return SlideDeck.of(Examples.chainRule(), GraphStyle.defaults());
    }

    @Test
    void forwardFramesComeFirstThenOneBackwardFramePerNode() {
        List<Slide> s = chainRuleDeck().slides();
        assertEquals(8, s.size(), "inputs, 2 ops, the seed, 4 backward steps");
        assertEquals("Forward pass: the inputs", s.get(0).title());
        assertEquals(List.of("x = -2,  y = 5,  z = -4"), s.get(0).explanation());
        assertEquals("Forward step 1 of 2: q", s.get(1).title());
        assertEquals(List.of("q = x + y", "= (-2) + 5 = 3"), s.get(1).explanation());
        assertEquals(List.of("f = q × z", "= 3 × (-4) = -12"), s.get(2).explanation());
        assertEquals("Backward pass: the seed", s.get(3).title());
        assertEquals("Backward step 2 of 4: ∂f/∂q", s.get(5).title());
        assertEquals(List.of("∂f/∂q = upstream ∂f/∂f × local ∂f/∂q", "= 1 × (-4) = -4"),
                s.get(5).explanation());
        assertEquals(List.of("∂f/∂x = upstream ∂f/∂q × local ∂q/∂x", "= (-4) × 1 = -4"),
                s.get(7).explanation());
        assertEquals("x", s.get(7).focus());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(i + 1, s.get(i).number());
        }
    }

    @Test
    void valuesAndGradsFillInAsTheyBecomeKnown() {
        List<Slide> s = chainRuleDeck().slides();
        assertTrue(s.get(0).dot().contains(">?<") && !s.get(0).dot().contains(">3<"));
        assertTrue(s.get(1).dot().contains(">3<") && !s.get(1).dot().contains(">-12<"));
        assertFalse(s.get(2).dot().contains(">∂ -4<"));
        assertTrue(s.get(3).dot().contains(">∂ 1<") && s.get(3).dot().contains(">∂ ?<"));
        assertTrue(s.get(4).dot().contains(">∂ 3<"), "z's grad appears at its step");
        assertFalse(s.get(4).dot().contains(">∂ -4<"));
        assertFalse(s.get(7).dot().contains(">∂ ?<"), "everything is known at the end");
        // Frame 6 (∂f/∂q) highlights q and the edge from q into ×, not x.
        String hl = "COLOR=\"" + Theme.LIGHT.highlight + "\"";
        String dot = s.get(5).dot();
        assertTrue(dot.lines().filter(l -> l.startsWith("  v2 [")).findFirst().orElseThrow().contains(hl));
        assertFalse(dot.lines().filter(l -> l.startsWith("  v0 [")).findFirst().orElseThrow().contains(hl));
        assertTrue(dot.contains("v2 -> o4 [tailport=\"e\", color=\"" + Theme.LIGHT.highlight + "\""));
    }

    @Test
    void aNodeUsedTwiceShowsTheSumOfItsGradients() {
        Value a = Value.of(3, "a");
        Value b = a.mul(a).label("b");
        Value c = b.add(a).label("c");
        c.backward();   // dc/da = 2a + 1 = 7
        List<Slide> s = SlideDeck.of(c, GraphStyle.builder().precision(1).build()).slides();
        Slide last = s.get(s.size() - 1);
        assertEquals("Backward step 2 of 2: ∂c/∂a", last.title());
        assertEquals(List.of(
                "∂c/∂a = upstream ∂c/∂b × local ∂b/∂a + upstream ∂c/∂b × local ∂b/∂a + upstream ∂c/∂c × local ∂c/∂a",
                "= 1.0 × 3.0 + 1.0 × 3.0 + 1.0 × 1.0",
                "= 3.0 + 3.0 + 1.0 = 7.0   (a is used 3 times, so the gradients add)"), last.explanation());
    }

    @Test
    void gradsThatAreNotOneBackwardPassAreRefused() {
        Value x = Value.of(2, "x");
        Value y = x.mul(x).label("y");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SlideDeck.of(y, GraphStyle.defaults()));
        assertTrue(e.getMessage().contains("'y' has grad 0.0, not 1; call y.backward() once"), e.getMessage());
        y.backward();
        y.backward();   // x's grad is now 8, twice the chain-rule value
        e = assertThrows(IllegalStateException.class, () -> SlideDeck.of(y, GraphStyle.defaults()));
        assertTrue(e.getMessage().contains("the grad of 'x' is 8.0 but the chain rule through its uses gives 4.0"),
                e.getMessage());
    }

    @Test
    void tensorGraphsAreRefusedWithTheShape() {
        FakeTensor w = new FakeTensor("W", new int[] {2, 2}, new double[4], new double[4]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlideDeck.of(Graph.of(w), GraphStyle.defaults()));
        assertEquals("backward-pass slides need a scalar graph; node 'W' has shape [2, 2]", e.getMessage());
    }

    @Test
    void framesAreNumberedSvgFilesAndTheDeckOneSelfContainedPage(@TempDir Path dir) throws IOException {
        SlideDeck deck = SlideDeck.of(Examples.chainRule(), GraphStyle.builder().engine(RenderEngine.EMBEDDED).build());
        List<Path> frames = deck.writeSvgFrames(dir.resolve("frames"));
        assertEquals(8, frames.size());
        assertEquals("frame-01.svg", frames.get(0).getFileName().toString());
        assertEquals("frame-08.svg", frames.get(7).getFileName().toString());
        List<String> last = SvgTexts.all(Files.readString(frames.get(7)));
        assertTrue(last.contains("Backward step 4 of 4: ∂f/∂x"), last.toString());
        assertTrue(last.contains("= (-4) × 1 = -4"), last.toString());
        String html = Files.readString(deck.writeHtml(dir.resolve("deck.html")));
        assertEquals(8, html.split("<section class=\"slide\"", -1).length - 1);
        assertEquals(8, html.split("<svg", -1).length - 1);
        for (String remote : new String[] {"http://", "https://", "src=", "@import", "url("}) {
            assertFalse(html.replace("http://www.w3.org/", "").contains(remote), "no network: " + remote);
        }
    }
}
