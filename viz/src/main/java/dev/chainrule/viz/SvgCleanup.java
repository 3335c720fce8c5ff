package dev.chainrule.viz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixes two things in the SVG Graphviz writes, so every viewer and Batik draw it alike.
 * First, the font lists. Graphviz lays text out with Helvetica's
 * widths but names only {@code Helvetica,sans-Serif}; where Helvetica is missing (most Linux
 * machines, and Java's rasteriser) the fallback sans-serif is wider and text overflows its box.
 * Arial and Liberation Sans have Helvetica's widths, so they go first in line after it.
 */
final class SvgCleanup {
    private static final Pattern POINTS = Pattern.compile("<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"");
    private static final Pattern HELVETICA = Pattern.compile("font-family=\"Helvetica(,sans-Serif)?\"");

    private SvgCleanup() {
    }

    static String apply(String svg) {
        String s = HELVETICA.matcher(svg).replaceAll(
                Matcher.quoteReplacement("font-family=\"Helvetica,Arial,Liberation Sans,sans-serif\""));
        // Native dot sizes the picture in pt, the embedded engine in px with the same numbers; px
        // everywhere makes a PNG the same size whichever engine drew it.
        s = POINTS.matcher(s).replaceFirst("<svg width=\"$1px\" height=\"$2px\"");
        // Graphviz writes "transparent", which SVG 1.1 (and so Batik) does not know; "none" means the same.
        return s.replace("stroke=\"transparent\"", "stroke=\"none\"").replace("fill=\"transparent\"", "fill=\"none\"");
    }
}
