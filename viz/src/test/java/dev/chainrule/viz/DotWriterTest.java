package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.CustomOp;
import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
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
        int data = (int) Math.ceil(LabelFont.width("data -2.0000", false, 12) + 12);
        int grad = (int) Math.ceil(LabelFont.width("grad -4.0000", false, 12) + 12);
        assertTrue(data > 80 && data < 100, data + " pt");
        assertTrue(line(dot, "v0").contains("<B>x</B></TD><VR/><TD WIDTH=\"" + data
                + "\"><FONT COLOR=\"#1f2937\">data -2.0000</FONT></TD><VR/><TD WIDTH=\"" + grad
                + "\"><FONT COLOR=\"#b91c1c\">grad -4.0000</FONT>"), line(dot, "v0"));
        assertTrue(line(dot, "v2").contains("data 3.0000") && line(dot, "v2").contains("grad -4.0000"));
        assertTrue(line(dot, "v3").contains("data -4.0000") && line(dot, "v3").contains("grad 3.0000"));
        assertTrue(line(dot, "v4").contains("data -12.0000") && line(dot, "v4").contains("grad 1.0000"));
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
        assertTrue(two.contains("data -12.00") && !two.contains("-12.0000"));
        String zero = dot(GraphStyle.builder().precision(0));
        assertTrue(zero.contains("data -12<") && zero.contains("grad 3<"));
        assertThrows(IllegalArgumentException.class, () -> GraphStyle.builder().precision(13));
    }

    @Test
    void gradsCanBeHidden() {
        String dot = dot(GraphStyle.builder().showGrads(false));
        assertFalse(dot.contains("grad"));
        assertTrue(dot.contains("data -12.0000"));
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
        int value = label.indexOf("<FONT COLOR=\"#15803d\">-2.0000</FONT>");
        int grad = label.indexOf("<FONT COLOR=\"#dc2626\">-4.0000</FONT>");
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
        assertTrue(dot.contains("v0 -> o2 [tailport=\"e\", label=<∂q/∂x = 1.0000>]"), dot);
        assertTrue(dot.contains("v2 -> o4 [tailport=\"e\", label=<∂f/∂q = -4.0000>]"));
        assertTrue(dot.contains("v3 -> o4 [tailport=\"e\", label=<∂f/∂z = 3.0000>]"));
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
    void highlightingSomethingThatIsNotThereIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dot(GraphStyle.builder().highlight("w9")));
        assertEquals("highlight: no node labelled 'w9' in this graph (labels: x, y, q, z, f)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dot(GraphStyle.builder().highlightPath("x", "z")));
        assertEquals("highlightPath: step 1: no node labelled 'z' is made from 'x'", e.getMessage());
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
        assertTrue(wLine.contains("<FONT COLOR=\"#1f2937\">data<BR/>&#91;1.0000, 2.0000&#93;<BR/>&#91;3.0000, 4.0000&#93;"), wLine);
        assertTrue(wLine.contains("grad<BR/>&#91;0.5000, 0.0000&#93;<BR/>&#91;0.0000, -1.0000&#93;"), wLine);
        String hLine = line(dot, "v1");
        assertTrue(hLine.contains("&#91;3, 10&#93;") && hLine.contains("data<BR/>30 values<BR/>mean 0.0000"), hLine);
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
        // Mazur's w1..w4 gradients: with 4 decimals all four read 0.0004..0.0010; with 4 significant digits each differs.
        double[] grads = {0.000438568, 0.000877135, 0.000497713, 0.000995425};
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (double g : grads) {
            shown.add(DotText.significant(g, 4));
        }
        assertEquals(4, shown.size(), shown.toString());
        String dot = GraphRenderer.dot(Examples.chainRule(), GraphStyle.builder().digits(4).build());
        assertTrue(line(dot, "v0").contains("data -2</FONT>") && line(dot, "v0").contains("grad -4</FONT>"), line(dot, "v0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphStyle.builder().digits(0));
        assertEquals("digits must be between 1 and 17 significant digits, got 0", e.getMessage());
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
        assertTrue(sum.contains("<TR><TD WIDTH=\"12\"></TD><VR/>"), sum);
    }
}
