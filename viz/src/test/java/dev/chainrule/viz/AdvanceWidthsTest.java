package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The widths read from the font file agree with what Java2D measures for the same font file
 * (fractional metrics, no kerning), which is what label widths were measured with before.
 */
class AdvanceWidthsTest {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final double[] SIZES = {10, 11, 12, 15, 16};

    @Test
    void everyCharacterOfBothFontsMeasuresAsInJava2D() throws Exception {
        for (boolean bold : new boolean[] {false, true}) {
            Font font = java2d(bold);
            int compared = 0;
            for (int c = 0x20; c <= 0xFFFF; c++) {
                int cp = c;
                if (!font.canDisplay(cp) || Character.isSurrogate((char) cp) || complex(cp)) {
                    continue;
                }
                String s = new String(Character.toChars(cp));
                for (double size : SIZES) {
                    double expected = font.deriveFont((float) size).getStringBounds(s, FRC).getWidth();
                    double actual = LabelFont.width(s, bold, size);
                    // LabelFont.width also takes the pixel-rounded advance when wider.
                    assertEquals(Math.max(expected, Math.round(expected)), actual, 1e-4,
                            () -> "U+" + Integer.toHexString(cp) + " at " + size + " pt, bold " + bold);
                }
                compared++;
            }
            assertTrue(compared > 3000, "DejaVu Sans covers thousands of characters; compared " + compared);
        }
    }

    @Test
    void labelsOfEveryKindMeasureAsInJava2D() throws Exception {
        List<String> labels = List.of("x", "E_total", "∂ 0.0004386", "-0.02274", "σ(w1·i1 + w2·i2)", "∂E/∂w5 = 0.08217",
                "x² − 2·x", "αβγδ ΣΠ", "out_h1", "1e-300", "[[1, 2], [3, 4]]", "W", "  spaced  ", "ÆØÅ ñ ü");
        for (boolean bold : new boolean[] {false, true}) {
            Font font = java2d(bold);
            for (String label : labels) {
                for (double size : SIZES) {
                    Font f = font.deriveFont((float) size);
                    double exact = f.getStringBounds(label, FRC).getWidth();
                    double rounded = 0;
                    for (int i = 0; i < label.length(); i++) {
                        rounded += Math.round(f.getStringBounds(label, i, i + 1, FRC).getWidth());
                    }
                    assertEquals(Math.max(exact, rounded), LabelFont.width(label, bold, size), 1e-3,
                            () -> "'" + label + "' at " + size + " pt, bold " + bold);
                }
            }
        }
    }

    @Test
    void aCharacterTheFontLacksMeasuresAsTheMissingGlyphBox() throws Exception {
        Font font = java2d(false).deriveFont(12f);
        String cjk = "漢";
        assertTrue(!font.canDisplay(cjk.codePointAt(0)), "DejaVu Sans has no CJK");
        assertEquals(font.getStringBounds(cjk, FRC).getWidth(), LabelFont.width(cjk, false, 12), 1e-4);
        assertTrue(LabelFont.width(cjk, false, 12) > 0, "a missing character still takes room");
        assertEquals(0, LabelFont.width("", false, 12));
    }

    @Test
    void aDamagedFontIsAClearError() {
        byte[] notAFont = {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AdvanceWidths.read(new ByteArrayInputStream(notAFont), "broken.ttf"));
        assertTrue(e.getMessage().startsWith("the font broken.ttf "), e.getMessage());
        IllegalStateException shortFile = assertThrows(IllegalStateException.class,
                () -> AdvanceWidths.read(new ByteArrayInputStream(new byte[] {0, 1, 0, 0, 0, 9}), "short.ttf"));
        assertTrue(shortFile.getMessage().contains("short.ttf"), shortFile.getMessage());
    }

    /** Characters Java2D shapes with its layout engine rather than summing advances. */
    private static boolean complex(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.ENCLOSING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK || Character.getType(cp) == Character.FORMAT
                || b == Character.UnicodeBlock.HEBREW || b == Character.UnicodeBlock.ARABIC
                || b == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_A
                || b == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_B || b == Character.UnicodeBlock.NKO
                || b == Character.UnicodeBlock.THAI || b == Character.UnicodeBlock.LAO
                || b == Character.UnicodeBlock.TIBETAN || b == Character.UnicodeBlock.DEVANAGARI;
    }

    private static Font java2d(boolean bold) throws Exception {
        try (InputStream in = LabelFont.class.getResourceAsStream("fonts/" + (bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"))) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        }
    }
}
