package dev.chainrule.viz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixes what Graphviz writes so that every viewer, and Batik, draws the same picture.
 *
 * <ul>
 *   <li>Text in a record cell is centred on its cell ({@code text-anchor="middle"} at the cell's
 *       centre). Graphviz starts each text at the place its own width estimate gives, so a font
 *       wider than the estimate would run past the cell's right edge; centred, the text fits
 *       whenever the cell is wider than the text, which {@link DotWriter} ensures from the real
 *       font's widths. A cell is recognised by the background polygon Graphviz draws just before
 *       its text (DotWriter gives every centred cell its own {@code BGCOLOR}).</li>
 *   <li>The font list: {@link LabelFont#SVG_FAMILIES}, DejaVu Sans first.</li>
 *   <li>Sizes in px, and {@code none} for Graphviz's {@code transparent}.</li>
 * </ul>
 */
final class SvgCleanup {
    private static final Pattern POINTS = Pattern.compile("<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"");
    private static final Pattern FAMILY = Pattern.compile("font-family=\"(DejaVu Sans|Helvetica)[^\"]*\"");
    private static final Pattern CELL = Pattern.compile("^<polygon fill=\"[^\"]*\" stroke=\"none\" points=\"([^\"]*)\"/>$");
    private static final Pattern TEXT_X = Pattern.compile("^<text( [^>]*?)? text-anchor=\"(start|middle|end)\" x=\"([-0-9.]+)\"");

    private SvgCleanup() {
    }

    static String apply(String svg) {
        // Graphviz writes "transparent", which SVG 1.1 (and so Batik) does not know; "none" means the same.
        String s = svg.replace("stroke=\"transparent\"", "stroke=\"none\"").replace("fill=\"transparent\"", "fill=\"none\"");
        s = centreCellTexts(s);
        s = FAMILY.matcher(s).replaceAll(Matcher.quoteReplacement("font-family=\"" + LabelFont.SVG_FAMILIES + "\""));
        // Native dot sizes the picture in pt, the embedded engine in px with the same numbers; px
        // everywhere makes a PNG the same size whichever engine drew it.
        return POINTS.matcher(s).replaceFirst("<svg width=\"$1px\" height=\"$2px\"");
    }

    /**
     * Moves each text that follows a cell background inside a node to the middle of that cell,
     * and drops that background: it only marks the cell (the table's own fill is the same colour),
     * and Graphviz paints it after the cell dividers, which it would hide.
     */
    private static String centreCellTexts(String svg) {
        StringBuilder out = new StringBuilder(svg.length() + 256);
        boolean inNode = false;
        double centre = Double.NaN;
        String pendingCell = null;
        for (String line : svg.split("\n", -1)) {
            if (line.startsWith("<g id=\"node")) {
                inNode = true;
            } else if (line.equals("</g>")) {
                inNode = false;
            }
            boolean text = line.startsWith("<text");
            if (pendingCell != null && !text) {
                out.append(pendingCell).append('\n');   // a background with no text after it: a real one
            }
            pendingCell = null;
            Matcher cell = inNode ? CELL.matcher(line) : null;
            if (cell != null && cell.matches()) {
                centre = middleX(cell.group(1));
                pendingCell = line;
                continue;
            }
            if (text && !Double.isNaN(centre)) {
                Matcher t = TEXT_X.matcher(line);
                if (t.find()) {
                    line = line.substring(0, t.start(2)) + "middle\" x=\"" + round(centre) + line.substring(t.end(3));
                }
            } else if (!text) {
                centre = Double.NaN;
            }
            out.append(line).append('\n');
        }
        if (pendingCell != null) {
            out.append(pendingCell).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static double middleX(String points) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String p : points.trim().split("\\s+")) {
            double x = Double.parseDouble(p.substring(0, p.indexOf(',')));
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return (min + max) / 2;
    }

    private static String round(double x) {
        return String.valueOf(Math.round(x * 100) / 100.0);
    }
}
