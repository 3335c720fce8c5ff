package dev.chainrule.viz;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font every graph label is drawn in: DejaVu Sans (regular and bold), shipped in this jar
 * with its licence ({@code fonts/LICENSE-DejaVu.txt}).
 *
 * <p>Graphviz sizes boxes from its own guess of text widths, and a viewer draws with whatever
 * font it has, so a box could be too narrow for its text. Chainrule measures every label with
 * this font's real advance widths ({@link AdvanceWidths}, read from the font file without Java2D)
 * and gives the cells at least that width (see
 * {@link DotWriter}), then centres the text in its cell ({@link SvgCleanup}); PNG and PDF are
 * drawn with the same font registered in Java. A viewer without DejaVu falls back to Arial or
 * Helvetica, which are narrower, so the text still fits.
 */
final class LabelFont {
    /** The family name written into DOT and SVG. */
    static final String FAMILY = "DejaVu Sans";
    /** What the SVG asks for: DejaVu first, then narrower fonts that every system has. */
    static final String SVG_FAMILIES = "DejaVu Sans,Bitstream Vera Sans,Arial,Helvetica,sans-serif";

    private static final String REGULAR_FILE = "DejaVuSans.ttf";
    private static final String BOLD_FILE = "DejaVuSans-Bold.ttf";
    private static final AdvanceWidths REGULAR = widths(REGULAR_FILE);
    private static final AdvanceWidths BOLD = widths(BOLD_FILE);
    private static volatile boolean registered;

    private LabelFont() {
    }

    /**
     * The width of {@code text} in points at {@code size} points, as the widest of two ways a
     * viewer may lay it out: with exact advances, or (as Chromium on Linux does) with each
     * glyph's advance rounded to whole pixels at 1:1, which can add half a pixel a glyph.
     */
    static double width(String text, boolean bold, double size) {
        AdvanceWidths font = bold ? BOLD : REGULAR;
        float exact = 0;  // single precision, as Java2D sums a string's advances
        double rounded = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            double advance = font.advance(cp, size);
            exact += (float) advance;
            rounded += Math.round(advance);
            i += Character.charCount(cp);
        }
        return Math.max(exact, rounded);
    }

    /**
     * Makes the fonts known to Java2D by family name, so that Batik (PNG, PDF) draws the SVG's
     * {@code font-family="DejaVu Sans"} with them even where the system has no DejaVu.
     */
    static void registerForJava2D() {
        if (registered) {
            return;
        }
        synchronized (LabelFont.class) {
            if (!registered) {
                GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
                env.registerFont(load(REGULAR_FILE));
                env.registerFont(load(BOLD_FILE));
                registered = true;
            }
        }
    }

    private static AdvanceWidths widths(String file) {
        try (InputStream in = open(file)) {
            return AdvanceWidths.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the font " + file, e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = LabelFont.class.getResourceAsStream("fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("the font " + file + " is missing from the chainrule-viz jar");
        }
        return in;
    }

    private static Font load(String file) {
        try (InputStream in = open(file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the font " + file, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the font " + file + " is damaged: " + e.getMessage(), e);
        }
    }
}
