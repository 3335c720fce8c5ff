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
        // the output layer first: z (an input of f itself), then q and the inputs behind it
        assertEquals("Backward step 1 of 4: ∂f/∂z", s.get(4).title());
        assertEquals(List.of("∂f/∂x = upstream ∂f/∂q × local ∂q/∂x", "= (-4) × 1 = -4"),
                s.get(6).explanation());
        assertEquals("x", s.get(6).focus());
        assertEquals("y", s.get(7).focus());
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
        assertTrue(last.contains("Backward step 4 of 4: ∂f/∂y"), last.toString());
        assertTrue(last.contains("= (-4) × 1 = -4"), last.toString());
        String html = Files.readString(deck.writeHtml(dir.resolve("deck.html")));
        assertEquals(8, html.split("<section class=\"slide\"", -1).length - 1);
        assertEquals(8, html.split("<svg", -1).length - 1);
        for (String remote : new String[] {"http://", "https://", "src=", "@import", "url("}) {
            assertFalse(html.replace("http://www.w3.org/", "").contains(remote), "no network: " + remote);
        }
    }

    @Test
    void theBackwardPassFollowsTheMaterialOutputLayerFirstOneWeightsChainAtATime() {
        Value e = Examples.mazur();
        Graph g = Graph.of(e);
        List<Slide> s = SlideDeck.of(e, GraphStyle.defaults()).slides();
        List<Slide> backward = s.subList(s.indexOf(s.stream().filter(x -> x.title().equals("Backward pass: the seed"))
                .findFirst().orElseThrow()) + 1, s.size());
        // every node but the output and the four numbers written in the program (½, ½, 0.01, 0.99)
        assertEquals(g.size() - 1 - 4, backward.size());
        List<String> inputs = new java.util.ArrayList<>();
        java.util.Map<String, Integer> step = new java.util.HashMap<>();
        for (int k = 0; k < backward.size(); k++) {
            String focus = backward.get(k).focus();
            step.put(focus, k);
            Graph.Entry entry = g.find(focus);
            if (entry != null && entry.opName() == null) {
                inputs.add(focus);
            }
            assertFalse(focus.matches("n[0-9]+") || focus.matches("0\\.[0-9]+"), "no invented name, no constant: " + focus);
        }
        assertEquals(List.of("w5", "w6", "w7", "w8", "b2", "w1", "w2", "w3", "w4", "i1", "i2", "b1"), inputs);
        // Mazur's walk-through of ∂E/∂w5 comes first: the chain from E down to w5, one node at a time
        List<String> first = backward.subList(0, step.get("w5") + 1).stream().map(Slide::focus).toList();
        assertEquals(List.of("E_o1", "(0.01 + −(out_o1))^2", "0.01 + −(out_o1)", "−(out_o1)", "out_o1", "net_o1",
                "w5·out_h1 + w6·out_h2", "w5·out_h1", "w5"), first);
        assertEquals(List.of("∂E/∂w5 = upstream ∂E/∂(w5·out_h1) × local ∂(w5·out_h1)/∂w5", "= 0.1385 × 0.5933 = 0.08217"),
                backward.get(step.get("w5")).explanation());
        // a node's gradient always comes after the gradients of all the nodes that use it
        for (Graph.Entry x : g.nodes()) {
            for (int in : x.inputIds()) {
                String user = SlideDeckTest.shown(g, x);
                String used = SlideDeckTest.shown(g, g.nodes().get(in));
                if (step.containsKey(user) && step.containsKey(used)) {
                    assertTrue(step.get(user) < step.get(used), used + " before its user " + user);
                }
            }
        }
    }

    /** The focus name a deck gives a node: its label, else (for these graphs) its expression. */
    private static String shown(Graph g, Graph.Entry e) {
        return NodeNames.nested(g, e, 40);
    }

    @Test
    void aFocusedDeckHasOnlyTheStepsOnTheWayFromTheOutputToOneNode() {
        Value e = Examples.mazur();
        List<Slide> s = SlideDeck.focused(e, "w5", GraphStyle.defaults()).slides();
        assertEquals("Forward pass: every value", s.get(0).title());
        assertEquals("Backward pass: the seed", s.get(1).title());
        assertEquals(List.of("E_o1", "(0.01 + −(out_o1))^2", "0.01 + −(out_o1)", "−(out_o1)", "out_o1", "net_o1",
                "w5·out_h1 + w6·out_h2", "w5·out_h1", "w5"), s.subList(2, s.size()).stream().map(Slide::focus).toList());
        assertEquals("Backward step 9 of 9: ∂E/∂w5", s.get(s.size() - 1).title());
        assertEquals("= 0.1385 × 0.5933 = 0.08217", s.get(s.size() - 1).explanation().get(1));
        // every value is known from the start; gradients off the way stay unknown
        assertFalse(s.get(0).dot().contains(">?<"));
        assertTrue(s.get(s.size() - 1).dot().contains("∂ ?"), "w6's gradient is not part of ∂E/∂w5");
        // a hidden weight's way passes through both outputs
        List<Slide> w1 = SlideDeck.focused(e, "w1", GraphStyle.defaults()).slides();
        assertTrue(w1.stream().anyMatch(x -> "E_o2".equals(x.focus())) && w1.stream().anyMatch(x -> "out_h1".equals(x.focus())));
        assertFalse(w1.stream().anyMatch(x -> "w5".equals(x.focus()) || "out_h2".equals(x.focus())));

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SlideDeck.focused(e, "w9", GraphStyle.defaults()));
        assertTrue(bad.getMessage().startsWith("focus: no node labelled 'w9' in this graph (labels: "), bad.getMessage());
        bad = assertThrows(IllegalArgumentException.class, () -> SlideDeck.focused(e, "E", GraphStyle.defaults()));
        assertEquals("focus: 'E' is the output itself; give a node it is computed from, such as a weight", bad.getMessage());
    }

    @Test
    void theCaptionEndsAboveTheGraphWithRoomToSpare() {
        GraphStyle embedded = GraphStyle.builder().engine(RenderEngine.EMBEDDED).build();
        for (Slide slide : List.of(chainRuleDeck().slides().get(6), SlideDeck.focused(Examples.mazur(), "w5", embedded)
                .slides().get(9))) {
            String svg = GraphRenderer.svgFromDot(slide.dot(), embedded);
            int firstNode = svg.indexOf("<g id=\"node");
            double captionBottom = Double.NEGATIVE_INFINITY;
            java.util.regex.Matcher t = java.util.regex.Pattern.compile("<text[^>]* y=\"([-0-9.]+)\"").matcher(svg);
            while (t.find() && t.start() < firstNode) {
                captionBottom = Math.max(captionBottom, Double.parseDouble(t.group(1)));
            }
            double graphTop = Double.POSITIVE_INFINITY;
            java.util.regex.Matcher p = java.util.regex.Pattern.compile("(?:points|d)=\"([^\"]+)\"").matcher(svg);
            while (p.find()) {
                if (p.start() < firstNode) {
                    continue;
                }
                String[] nums = p.group(1).replaceAll("[A-Za-z]", " ").trim().split("[\\s,]+");
                for (int k = 1; k < nums.length; k += 2) {
                    graphTop = Math.min(graphTop, Double.parseDouble(nums[k]));
                }
            }
            // the last caption line's baseline, plus its descent (about 4 pt at 16 pt), stays 8 pt clear
            assertTrue(captionBottom + 4 + 8 <= graphTop, slide.title() + ": caption to " + captionBottom
                    + ", graph from " + graphTop);
        }
    }
}
