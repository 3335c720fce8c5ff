package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the clean-up changes in Graphviz's SVG, on small drawings written the way Graphviz writes them. */
class SvgCleanupTest {
    private static final String HEAD = "<svg width=\"313pt\" height=\"236.5pt\"\n viewBox=\"0 0 313 236\">\n";

    /** A three-row record 0..48 wide, with the given text lines inside. */
    private static String record(String... texts) {
        StringBuilder b = new StringBuilder("<g id=\"node1\" class=\"node\">\n<title>v0</title>\n")
                .append("<polygon fill=\"#f3f4f6\" stroke=\"transparent\" points=\"0,-87 0,-156 48,-156 48,-87 0,-87\"/>\n")
                .append("<polygon fill=\"#4b5563\" stroke=\"#4b5563\" points=\"0,-132.8 0,-132.8 48,-132.8 48,-132.8 0,-132.8\"/>\n");
        for (String t : texts) {
            b.append(t).append('\n');
        }
        return b.append("</g>\n").toString();
    }

    private static String text(String anchor, String x, String body) {
        return "<text xml:space=\"preserve\" text-anchor=\"" + anchor + "\" x=\"" + x
                + "\" y=\"-141.4\" font-family=\"Helvetica,sans-Serif\" font-size=\"12.00\">" + body + "</text>";
    }

    @Test
    void aTextInARecordIsCentredOnItsCell() {
        String out = SvgCleanup.apply(HEAD + record(text("start", "20.13", "x"), text("start", "10.39", "∂ &#45;4")) + "</svg>\n");
        assertTrue(out.contains("text-anchor=\"middle\" x=\"24.0\" y=\"-141.4\""), out);
        assertFalse(out.contains("text-anchor=\"start\""), out);
    }

    @Test
    void severalLinesStartingAtOneXStayAlignedOnTheLeft() {
        String rows = record(text("start", "4.5", "[1, 2]"), text("start", "4.5", "[3, 4]"));
        String out = SvgCleanup.apply(HEAD + rows + "</svg>\n");
        assertEquals(2, out.split("text-anchor=\"start\" x=\"4.5\"", -1).length - 1, out);
    }

    @Test
    void aTextOutsideARecordIsLeftWhereGraphvizPutIt() {
        String circle = "<g id=\"node4\" class=\"node\">\n<ellipse cx=\"80\" cy=\"-121\" rx=\"14\" ry=\"14\"/>\n"
                + text("start", "74.48", "+") + "\n</g>\n";
        String out = SvgCleanup.apply(HEAD + circle + "</svg>\n");
        assertTrue(out.contains("text-anchor=\"start\" x=\"74.48\""), out);
    }

    @Test
    void fontsSizesAndTransparencyAreMadePortable() {
        String out = SvgCleanup.apply(HEAD + record(text("middle", "24", "x"))
                + "<text font-family=\"Times,serif\">t</text>\n<svg width=\"1pt\" height=\"2pt\"></svg>\n</svg>\n");
        assertTrue(out.startsWith("<svg width=\"313px\" height=\"236.5px\"\n"), out);
        assertTrue(out.contains("<svg width=\"1pt\" height=\"2pt\">"), "only the outer picture's size: " + out);
        assertTrue(out.contains("font-family=\"" + LabelFont.SVG_FAMILIES + "\" font-size"), out);
        assertTrue(out.contains("font-family=\"Times,serif\""), "a family the user chose stays: " + out);
        assertTrue(out.contains("stroke=\"none\"") && !out.contains("transparent"), out);
    }

    @Test
    void attributesAreReadFromTheirOwnElementOnly() {
        assertEquals("M1,2L3,4", SvgCleanup.attribute("<path id=\"a\" d=\"M1,2L3,4\"/>", "<path ", "d=\""));
        assertEquals("1,2 3,4", SvgCleanup.attribute("<polygon points=\"1,2 3,4\"/>", "<polygon ", "points=\""));
        assertNull(SvgCleanup.attribute("<polygon fill=\"red\"/>", "<polygon ", "points=\""));
        assertNull(SvgCleanup.attribute("<polyline points=\"1,2\"/>", "<polygon ", "points=\""));
        assertNull(SvgCleanup.attribute("<path fill=\"none\">d=\"M0,0\"</path>", "<path ", "d=\""), "after the tag: text, not an attribute");
    }

    @Test
    void numbersAreSplitAtCommandLettersSpacesAndCommas() {
        assertEquals(List.of("12", "-131", "12", "-131.5", "36", "-1"), SvgCleanup.numbers("M12,-131C12,-131.5 36,-1e"));
        assertEquals(List.of("0", "-87", "48", "-87"), SvgCleanup.numbers(" 0,-87\t48,-87 "));
        assertEquals(List.of(), SvgCleanup.numbers(""));
    }
}
