package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.CustomOp;
import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DotWriterTest {

    private static String dot(GraphStyle.Builder b) {
        return GraphRenderer.dot(Examples.chainRule(), b.build());
    }

    /** The DOT line that declares node {@code id}. */
    private static String line(String dot, String id) {
        for (String l : dot.split("\n")) {
            if (l.startsWith("  " + id + " [")) {
                return l;
            }
        }
        throw new AssertionError("no node " + id + " in\n" + dot);
    }

    @Test
    void eachValueIsOneRecordOfLabelDataAndGrad() {
        String dot = GraphRenderer.dot(Examples.chainRule());
        // Each centred cell is as wide as DejaVu Sans draws its text, plus 5 pt padding each side and 2 to spare.
        // Left to right, a record's cells are rows (name, value, ∂ gradient), each as wide as the widest
        // text in DejaVu Sans plus 4 pt padding each side and 2 to spare, and at least 46 pt.
        int width = 46;
        assertTrue(LabelFont.width("∂ -4", false, 12) + 10 < width);
        String wide = line(GraphRenderer.dot(Examples.mazur()), "v" + Graph.of(Examples.mazur()).find("w1").id());
        int w1 = (int) Math.ceil(LabelFont.width("∂ 0.0004386", false, 12) + 10);
        assertTrue(w1 > 60 && wide.contains("<TD WIDTH=\"" + w1 + "\"><FONT COLOR=\"#b91c1c\">∂ 0.0004386</FONT>"), wide);
        assertTrue(line(dot, "v0").contains("<TR><TD WIDTH=\"" + width + "\"><B>x</B></TD></TR><HR/><TR><TD WIDTH=\""
                + width + "\"><FONT COLOR=\"#1f2937\">-2</FONT></TD></TR><HR/><TR><TD WIDTH=\"" + width
                + "\"><FONT COLOR=\"#b91c1c\">∂ -4</FONT></TD></TR>"), line(dot, "v0"));
        assertTrue(line(dot, "v2").contains(">3<") && line(dot, "v2").contains(">∂ -4<"));
        assertTrue(line(dot, "v3").contains(">-4<") && line(dot, "v3").contains(">∂ 3<"));
        assertTrue(line(dot, "v4").contains(">-12<") && line(dot, "v4").contains(">∂ 1<"));
        assertTrue(line(dot, "o2").contains("label=<+>"));
        assertTrue(line(dot, "o4").contains("label=<×>"));
        assertTrue(dot.contains("rankdir=\"LR\""), "left to right by default");
    }

    @Test
    void leavesIntermediatesAndTheOutputLookDifferent() {
        String dot = GraphRenderer.dot(Examples.chainRule());
        String leaf = line(dot, "v0");
        String mid = line(dot, "v2");
        String out = line(dot, "v4");
        assertTrue(leaf.contains("STYLE=\"rounded\"") && leaf.contains(Theme.LIGHT.leafFill));
        assertFalse(mid.contains("STYLE=\"rounded\""));
        assertTrue(mid.contains(Theme.LIGHT.intermediateFill) && mid.contains("BORDER=\"1\""));
        assertTrue(out.contains(Theme.LIGHT.outputFill) && out.contains("BORDER=\"2\""));
    }

    @Test
    void precisionGrowsAndShrinksEveryNumber() {
        String two = dot(GraphStyle.builder().precision(2));
        assertTrue(two.contains(">-12.00<") && two.contains(">∂ 3.00<"), two);
        String four = dot(GraphStyle.builder().precision(4));
        assertTrue(four.contains(">-12.0000<") && four.contains(">∂ 3.0000<"), four);
        String zero = dot(GraphStyle.builder().precision(0));
        assertTrue(zero.contains(">-12<") && zero.contains(">∂ 3<"));
        assertThrows(IllegalArgumentException.class, () -> GraphStyle.builder().precision(13));
    }

    @Test
    void gradsCanBeHidden() {
        String dot = dot(GraphStyle.builder().showGrads(false));
        assertFalse(dot.contains("∂"));
        assertTrue(dot.contains(">-12<"));
    }

    @Test
    void topToBottomChangesTheRankDirectionAndPorts() {
        String dot = dot(GraphStyle.builder().topToBottom());
        assertTrue(dot.contains("rankdir=\"TB\""));
        assertTrue(dot.contains("v0 -> o2 [tailport=\"s\"]"));
        assertTrue(dot.contains("o4 -> v4 [headport=\"n\"]"));
    }

    @Test
    void eachThemeUsesItsOwnColours() {
        for (Theme t : Theme.values()) {
            String dot = dot(GraphStyle.builder().theme(t));
            assertTrue(dot.contains("bgcolor=\"" + t.background + "\""), t.name());
            assertTrue(dot.contains(t.gradText), t.name());
        }
        String dark = dot(GraphStyle.builder().theme(Theme.DARK));
        assertTrue(dark.contains("#111827") && !dark.contains(Theme.LIGHT.leafFill));
    }

    @Test
    void theCircuitThemePutsValuesAboveAndGradsBelowTheEdges() {
        String dot = dot(GraphStyle.builder().theme(Theme.CS231N));
        // x feeds + along an edge labelled with its value in green over its grad in red
        Matcher m = Pattern.compile("  v0 -> o2 \\[tailport=\"e\", label=<(.*)>\\];").matcher(dot);
        assertTrue(m.find(), dot);
        String label = m.group(1);
        int value = label.indexOf("<FONT COLOR=\"#15803d\">-2</FONT>");
        int grad = label.indexOf("<FONT COLOR=\"#dc2626\">-4</FONT>");
        assertTrue(value >= 0 && grad > value, label);
        assertTrue(dot.contains("  o2 -> o4 [label=<"), "q travels from + straight into ×");
        assertTrue(line(dot, "o4").contains("shape=\"circle\""));
        String hl = dot(GraphStyle.builder().theme(Theme.CS231N).highlight("f", "x"));
        assertTrue(line(hl, "v4").endsWith("fontcolor=\"" + Theme.CS231N.highlight + "\"];"), line(hl, "v4"));
        assertTrue(line(hl, "v0").contains("fontcolor=\"" + Theme.CS231N.highlight + "\""), line(hl, "v0"));
    }

    @Test
    void localDerivativesAreWrittenOnTheEdgesIntoEachOp() {
        String dot = dot(GraphStyle.builder().localDerivatives(true));
        assertTrue(dot.contains("v0 -> o2 [tailport=\"e\", label=<∂q/∂x = 1>]"), dot);
        assertTrue(dot.contains("v2 -> o4 [tailport=\"e\", label=<∂f/∂q = -4>]"));
        assertTrue(dot.contains("v3 -> o4 [tailport=\"e\", label=<∂f/∂z = 3>]"));
    }

    @Test
    void highlightedNodesAndPathsStandOut() {
        String dot = dot(GraphStyle.builder().highlightPath("x", "q", "f"));
        String hl = Theme.LIGHT.highlight;
        assertTrue(line(dot, "v0").contains("COLOR=\"" + hl + "\"") && line(dot, "v0").contains("BORDER=\"3\""));
        assertTrue(line(dot, "v4").contains("COLOR=\"" + hl + "\""));
        assertFalse(line(dot, "v1").contains(hl), "y is not on the path");
        assertTrue(dot.contains("v0 -> o2 [tailport=\"e\", color=\"" + hl + "\", penwidth=\"2.5\"]"));
        assertTrue(dot.contains("v1 -> o2 [tailport=\"e\"];"));
        String byId = dot(GraphStyle.builder().highlightIds(3));
        assertTrue(line(byId, "v3").contains(hl) && !line(byId, "v0").contains(hl));
    }

    @Test
    void aHighlightedPathRunsThroughUnnamedNodesAndEveryBranch() {
        Value e = Examples.mazur();
        Graph g = Graph.of(e);
        String hl = Theme.LIGHT.highlight;
        String dot = GraphRenderer.dot(e, GraphStyle.builder().highlightPath("w5", "E").build());
        // w5 → w5·out_h1 → (unnamed sum) → net_o1 → out_o1 → ... → E_o1 → E: every node on the way, named or not
        java.util.Set<Integer> lit = new java.util.TreeSet<>();
        for (Graph.Entry x : g.nodes()) {
            if (line(dot, "v" + x.id()).contains("COLOR=\"" + hl + "\"")) {
                lit.add(x.id());
            }
        }
        for (String on : new String[] {"w5", "net_o1", "out_o1", "E_o1", "E"}) {
            assertTrue(lit.contains(g.find(on).id()), on + " is on the way from w5 to E");
        }
        for (String off : new String[] {"w6", "out_h1", "net_o2", "out_o2", "E_o2", "w1"}) {
            assertFalse(lit.contains(g.find(off).id()), off + " is not on the way from w5 to E");
        }
        long unnamed = lit.stream().filter(id -> g.nodes().get(id).label() == null).count();
        assertTrue(unnamed >= 4, "the unnamed product, sums and square on the way: " + lit);
        // a connected chain: each highlighted node but w5 has exactly one highlighted edge into its op
        for (int id : lit) {
            long in = g.nodes().get(id).inputIds().stream().filter(i -> lit.contains(i)).count();
            assertEquals(id == g.find("w5").id() ? 0 : 1, in, "inputs on the way into " + g.nodes().get(id));
            if (in == 1) {
                int from = g.nodes().get(id).inputIds().stream().filter(lit::contains).findFirst().orElseThrow();
                assertTrue(dot.contains("v" + from + " -> o" + id + " [tailport=\"e\", color=\"" + hl + "\""),
                        "edge " + from + " -> " + id);
            }
        }
        // from out_h1 the way to E branches through both outputs: both are highlighted
        String both = GraphRenderer.dot(e, GraphStyle.builder().highlightPath("out_h1", "E").build());
        for (String on : new String[] {"net_o1", "net_o2", "E_o1", "E_o2"}) {
            assertTrue(line(both, "v" + g.find(on).id()).contains("COLOR=\"" + hl + "\""), on);
        }
        assertFalse(line(both, "v" + g.find("out_h2").id()).contains("COLOR=\"" + hl + "\""));
    }

    @Test
    void highlightingSomethingThatIsNotThereIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dot(GraphStyle.builder().highlight("w9")));
        assertEquals("highlight: no node labelled 'w9' in this graph (labels: x, y, q, z, f)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dot(GraphStyle.builder().highlightPath("x", "z")));
        assertEquals("highlightPath: step 1: no node labelled 'z' is computed from 'x'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dot(GraphStyle.builder().highlightPath("x", "w9")));
        assertEquals("highlightPath: no node labelled 'w9' in this graph (labels: x, y, q, z, f)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dot(GraphStyle.builder().highlightPath("f", "x")));
        assertEquals("highlightPath: step 1: no node labelled 'x' is computed from 'f'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dot(GraphStyle.builder().highlightIds(5)));
        assertEquals("highlightIds: no node with id 5; the graph has 5 nodes, ids 0 to 4", e.getMessage());
    }

    @Test
    void customOpsShowTheirNameAndRepeatedInputsGetAnEdgeEach() {
        CustomOp hypot = CustomOp.of("hypot", 2, x -> Math.hypot(x[0], x[1]),
                (x, y, g) -> {
                    g[0] = x[0] / y;
                    g[1] = x[1] / y;
                });
        Value a = Value.of(3, "a");
        Value r = Value.apply(hypot, a, Value.of(4, "b")).label("r");
        Value sq = r.mul(r).label("sq");
        String dot = GraphRenderer.dot(sq);
        assertTrue(line(dot, "o2").contains("label=<hypot>") && line(dot, "o2").contains("ellipse"));
        assertEquals(2, dot.split("v2 -> o3 ", -1).length - 1, "r·r draws two edges");
    }

    @Test
    void numbersNeverSilentlyBecomeZeroOrLocaleDependent() {
        assertEquals("1.0000e-09", DotText.number(1e-9, 4));
        assertEquals("0.0001", DotText.number(0.0001, 4));
        assertEquals("0.0000", DotText.number(-0.0, 4));
        assertEquals("-1.2346e+08", DotText.number(-123456789, 4));
        assertEquals("NaN", DotText.number(Double.NaN, 2));
        assertEquals("-∞", DotText.number(Double.NEGATIVE_INFINITY, 2));
        assertEquals("3", DotText.number(2.5000001, 0));
    }

    @Test
    void tensorNodesShowTheirShapeAndSmallTensorsTheirNumbers() {
        FakeTensor w = new FakeTensor("W", new int[] {2, 2}, new double[] {1, 2, 3, 4}, new double[] {0.5, 0, 0, -1});
        FakeTensor big = new FakeTensor("H", new int[] {3, 10}, new double[30], null, w);
        String dot = GraphRenderer.dot(Graph.of(big), GraphStyle.defaults());
        String wLine = line(dot, "v0");
        assertTrue(wLine.contains("<B>W</B><BR/><FONT POINT-SIZE=\"10\">&#91;2, 2&#93;</FONT>"), wLine);
        assertTrue(wLine.matches(".*<TD BALIGN=\"LEFT\" WIDTH=\"[0-9]+\"><FONT COLOR=\"#1f2937\">data<BR/>.*"), wLine);
        assertTrue(wLine.contains("<FONT COLOR=\"#1f2937\">data<BR/>&#91;1, 2&#93;<BR/>&#91;3, 4&#93;"), wLine);
        assertTrue(wLine.contains("grad<BR/>&#91;0.5, 0&#93;<BR/>&#91;0, -1&#93;"), wLine);
        String hLine = line(dot, "v1");
        assertTrue(hLine.contains("&#91;3, 10&#93;") && hLine.contains("data<BR/>30 values<BR/>mean 0<"), hLine);
        assertTrue(hLine.contains("no grad"), hLine);
    }

    @Test
    void significantDigitsTellEveryMazurGradientApart() {
        assertEquals("0.0004386", DotText.significant(0.000438568, 4));
        assertEquals("0.0008771", DotText.significant(0.000877135, 4));
        assertEquals("0.08217", DotText.significant(0.082167041, 4));
        assertEquals("-2", DotText.significant(-2, 4));
        assertEquals("-12", DotText.significant(-12, 4));
        assertEquals("123500000", DotText.significant(123456789, 4));
        assertEquals("1.235e+12", DotText.significant(1.2345e12, 4));
        assertEquals("-4.386e-07", DotText.significant(-4.38568e-7, 4));
        assertEquals("0", DotText.significant(0, 4));
        assertEquals("NaN", DotText.significant(Double.NaN, 4));
        // By default every number shows 4 significant digits, so each of Mazur's eight weight gradients
        // reads differently (with 4 decimals w1..w4 read 0.0004, 0.0009, 0.0005, 0.0010).
        Value e = Examples.mazur();
        Graph g = Graph.of(e);
        String dot = GraphRenderer.dot(e);
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (String w : new String[] {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"}) {
            Graph.Entry entry = g.find(w);
            String grad = DotText.significant(entry.gradValue(), GraphStyle.DEFAULT_DIGITS);
            assertTrue(line(dot, "v" + entry.id()).contains(">∂ " + grad + "</FONT>"), line(dot, "v" + entry.id()));
            shown.add(grad);
        }
        assertEquals(8, shown.size(), shown.toString());
        assertTrue(line(dot, "v" + g.find("w1").id()).contains(">∂ 0.0004386</FONT>"), "∂E/∂w1 = 0.000438568");
        assertTrue(line(dot, "v" + g.find("w3").id()).contains(">∂ 0.0004977</FONT>"), "∂E/∂w3 = 0.000497713");
        assertTrue(line(dot, "v" + g.find("w5").id()).contains(">∂ 0.08217</FONT>"), "∂E/∂w5 = 0.082167041");
        String fixed = GraphRenderer.dot(e, GraphStyle.builder().precision(4).build());
        assertTrue(line(fixed, "v" + g.find("w1").id()).contains(">∂ 0.0004</FONT>"), "precision(4) still gives fixed decimals");
        String two = GraphRenderer.dot(Examples.chainRule(), GraphStyle.builder().digits(2).build());
        assertTrue(line(two, "v4").contains(">-12</FONT>") && line(two, "v4").contains(">∂ 1</FONT>"), line(two, "v4"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> GraphStyle.builder().digits(0));
        assertEquals("digits must be between 1 and 17 significant digits, got 0", bad.getMessage());
    }

    @Test
    void unnamedNodesShowTheirShortExpressionOrNothingNeverAnInventedName() {
        dev.chainrule.engine.Value w1 = dev.chainrule.engine.Value.of(0.15, "w1");
        dev.chainrule.engine.Value i1 = dev.chainrule.engine.Value.of(0.05, "i1");
        dev.chainrule.engine.Value b1 = dev.chainrule.engine.Value.of(0.35, "b1");
        dev.chainrule.engine.Value product = w1.mul(i1);                          // unnamed: w1·i1
        dev.chainrule.engine.Value withBias = product.add(b1.mul(1));            // b1·1, then an unnamed sum
        dev.chainrule.engine.Value out = withBias.sigmoid().label("out_h1");
        out.backward();
        String dot = GraphRenderer.dot(out);
        assertTrue(dot.contains("<B>w1·i1</B>"), dot);
        assertTrue(dot.contains("<B>b1·1</B>"), dot);
        assertTrue(dot.contains("<B>out_h1</B>"), dot);
        // the sum of two unnamed nodes has no short expression: a blank name, and no n-number anywhere
        assertFalse(dot.matches("(?s).*<B>n[0-9]+</B>.*"), dot);
        String sum = line(dot, "v" + Graph.of(out).nodes().stream().filter(e -> "add".equals(e.opName()))
                .findFirst().orElseThrow().id());
        // stacked (left to right) the blank name takes no row: the value, a rule, the gradient
        assertFalse(sum.contains("<B>"), sum);
        assertEquals(2, sum.split("<HR/>", -1).length, sum);
        // side by side (top to bottom) the record keeps an empty name cell
        String tb = GraphRenderer.dot(out, GraphStyle.builder().topToBottom().build());
        String tbSum = line(tb, sum.substring(2, sum.indexOf(' ', 2)));
        assertTrue(tbSum.contains("<TR><TD WIDTH=\"10\"></TD><VR/>"), tbSum);
    }

    @Test
    void constantsAreSmallLiteralOperandsWithoutARecordOrAGradient() {
        Value e = Examples.mazur();
        Graph g = Graph.of(e);
        String dot = GraphRenderer.dot(e, GraphStyle.builder().localDerivatives(true).build());
        List<String> constants = new ArrayList<>();
        for (Graph.Entry x : g.nodes()) {
            if (x.opName() == null && x.label() == null) {
                String l = line(dot, "v" + x.id());
                constants.add(l.substring(l.indexOf("label=<") + 7, l.indexOf('>', l.indexOf("label=<") + 7)));
                assertTrue(l.contains("shape=\"plaintext\", fontsize=\"11\""), l);
                assertFalse(l.contains("<TABLE") || l.contains("∂") || l.contains("<B>"), l);
                // no local derivative is written on a constant's edge, and no invented name anywhere
                for (String edge : dot.split("\n")) {
                    if (edge.startsWith("  v" + x.id() + " -> ")) {
                        assertFalse(edge.contains("label="), edge);
                    }
                }
            }
        }
        // ½ and the target 0.01 of E_o1, ½ and 0.99 of E_o2
        assertEquals(List.of("0.5", "0.01", "0.5", "0.99"), constants);
        assertFalse(dot.matches("(?s).*[∂(]n[0-9]+\\b.*"), "no n-number in a derivative: " + dot);
        assertTrue(dot.contains("label=<∂(w1·i1)/∂w1 = 0.05>"), "an unnamed node's short expression names it");
        // in the circuit theme too: the number itself, and no value or gradient travels from it
        String circuit = GraphRenderer.dot(e, GraphStyle.builder().theme(Theme.CS231N).build());
        int half = g.nodes().stream().filter(x -> x.opName() == null && x.label() == null).findFirst().orElseThrow().id();
        assertTrue(line(circuit, "v" + half).contains("label=<0.5>"), line(circuit, "v" + half));
        for (String edge : circuit.split("\n")) {
            if (edge.startsWith("  v" + half + " -> ")) {
                assertFalse(edge.contains("label="), edge);
            }
        }
    }
}
