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
    private static final Pattern HELVETICA = Pattern.compile("font-family=\"Helvetica(,sans-Serif)?\"");

    private SvgCleanup() {
    }

    static String apply(String svg) {
        String s = HELVETICA.matcher(svg).replaceAll(
                Matcher.quoteReplacement("font-family=\"Helvetica,Arial,Liberation Sans,sans-serif\""));
        // Graphviz writes "transparent", which SVG 1.1 (and so Batik) does not know; "none" means the same.
        return s.replace("stroke=\"transparent\"", "stroke=\"none\"").replace("fill=\"transparent\"", "fill=\"none\"");
    }
}
