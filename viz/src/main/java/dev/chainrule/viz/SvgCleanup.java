package dev.chainrule.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixes what Graphviz writes so that every viewer, and Batik, draws the same picture.
 *
 * <ul>
 *   <li>Text in a record cell is centred on its cell ({@code text-anchor="middle"} at the cell's
 *       centre). Graphviz starts each text at the place its own width estimate gives, so a font
 *       wider than the estimate would run past the cell's right edge; centred, the text fits
 *       whenever the cell is wider than the text, which {@link DotWriter} ensures from the real
 *       font's widths. The cells are read from the record's outline and dividers.</li>
 *   <li>The font list: {@link LabelFont#SVG_FAMILIES}, DejaVu Sans first.</li>
 *   <li>Sizes in px, and {@code none} for Graphviz's {@code transparent}.</li>
 * </ul>
 *
 * <p>It scans with {@code indexOf} rather than regular expressions: the first picture in a new
 * JVM runs this in the bytecode interpreter, where the regular expressions took 50–100 ms for a
 * three-node graph (a tenth of the time to the first SVG); a plain scan takes a few.
 */
final class SvgCleanup {
    private static final String FAMILY = "font-family=\"";
    private static final String SVG_SIZE = "<svg width=\"";

    private SvgCleanup() {
    }

    static String apply(String svg) {
        // Graphviz writes "transparent", which SVG 1.1 (and so Batik) does not know; "none" means the same.
        String s = svg.replace("stroke=\"transparent\"", "stroke=\"none\"").replace("fill=\"transparent\"", "fill=\"none\"");
        s = centreCellTexts(s);
        s = ourFonts(s);
        // Native dot sizes the picture in pt, the embedded engine in px with the same numbers; px
        // everywhere makes a PNG the same size whichever engine drew it.
        return sizeInPixels(s);
    }

    /** Every {@code font-family="DejaVu Sans…"} or {@code "Helvetica…"} becomes {@link LabelFont#SVG_FAMILIES}. */
    private static String ourFonts(String s) {
        StringBuilder out = null;
        int copied = 0;
        for (int at = s.indexOf(FAMILY); at >= 0; at = s.indexOf(FAMILY, at + 1)) {
            int value = at + FAMILY.length();
            if (!s.startsWith("DejaVu Sans", value) && !s.startsWith("Helvetica", value)) {
                continue;
            }
            int end = s.indexOf('"', value);
            if (end < 0) {
                break;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 256);
            }
            out.append(s, copied, value).append(LabelFont.SVG_FAMILIES);
            copied = end;
            at = end;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** The first {@code <svg width="Wpt" height="Hpt"} becomes {@code width="Wpx" height="Hpx"}. */
    private static String sizeInPixels(String s) {
        for (int at = s.indexOf(SVG_SIZE); at >= 0; at = s.indexOf(SVG_SIZE, at + 1)) {
            int w = at + SVG_SIZE.length();
            int wEnd = skipDecimal(s, w);
            if (wEnd == w || !s.startsWith("pt\" height=\"", wEnd)) {
                continue;
            }
            int h = wEnd + "pt\" height=\"".length();
            int hEnd = skipDecimal(s, h);
            if (hEnd == h || !s.startsWith("pt\"", hEnd)) {
                continue;
            }
            return s.substring(0, wEnd) + "px\" height=\"" + s.substring(h, hEnd) + "px" + s.substring(hEnd + 2);
        }
        return s;
    }

    /** The end of the run of digits and points that starts at {@code from}. */
    private static int skipDecimal(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    /**
     * In each record (a node with cell dividers), moves every text to the middle of the cell it
     * starts in. The cells are read from the drawing itself: the dividers Graphviz draws as
     * zero-width polygons, and the record's outline. A cell whose several lines all start at the
     * same x is left as it is: it was aligned on the left (a tensor's rows), and its start is
     * the padding, not a width guess.
     */
    private static String centreCellTexts(String svg) {
        String[] lines = svg.split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("<g id=\"node")) {
                start = i;
            } else if (lines[i].equals("</g>") && start >= 0) {
                centreInRecord(lines, start, i);
                start = -1;
            }
        }
        return String.join("\n", lines);
    }

    private static void centreInRecord(String[] lines, int from, int to) {
        List<Double> edges = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int dividers = 0;
        for (int i = from; i < to; i++) {
            String polygon = attribute(lines[i], "<polygon ", "points=\"");
            String coords = polygon != null ? polygon : attribute(lines[i], "<path ", "d=\"");
            if (coords == null) {
                continue;
            }
            double[] xs = xs(coords);
            double lo = xs.length == 0 ? 0 : Double.POSITIVE_INFINITY;
            double hi = xs.length == 0 ? 0 : Double.NEGATIVE_INFINITY;
            for (double x : xs) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            if (hi - lo < 0.01) {
                edges.add(lo);   // a divider between two cells side by side
                dividers++;
            } else if (polygon != null && flat(polygon)) {
                dividers++;      // a divider between two rows: the cells span the record's width
            } else {
                min = Math.min(min, lo);
                max = Math.max(max, hi);
            }
        }
        if (dividers == 0) {
            return;   // not a record: an op's circle or a plain label
        }
        edges.add(min);
        edges.add(max);
        double[] e = new double[edges.size()];
        for (int k = 0; k < e.length; k++) {
            e[k] = edges.get(k);
        }
        Arrays.sort(e);
        // texts by the cell their start lies in
        Map<Integer, List<TextStart>> byCell = new TreeMap<>();
        for (int i = from; i < to; i++) {
            TextStart t = TextStart.of(lines, i);
            if (t == null) {
                continue;
            }
            double x = Double.parseDouble(t.x);
            for (int c = 0; c + 1 < e.length; c++) {
                if (x >= e[c] - 0.01 && x <= e[c + 1] + 0.01) {
                    List<TextStart> texts = byCell.get(c);
                    if (texts == null) {
                        byCell.put(c, texts = new ArrayList<>());
                    }
                    texts.add(t);
                    break;
                }
            }
        }
        for (Map.Entry<Integer, List<TextStart>> cell : byCell.entrySet()) {
            List<TextStart> texts = cell.getValue();
            if (texts.size() > 1 && allStartAtOneX(texts)) {
                continue;   // aligned on the left
            }
            double centre = (e[cell.getKey()] + e[cell.getKey() + 1]) / 2;
            for (TextStart t : texts) {
                String line = lines[t.line];
                lines[t.line] = line.substring(0, t.anchor) + "middle\" x=\"" + round(centre) + line.substring(t.xEnd);
            }
        }
    }

    private static boolean allStartAtOneX(List<TextStart> texts) {
        for (TextStart t : texts) {
            if (!t.x.equals(texts.get(0).x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of attribute {@code name} (given with its {@code ="}) in a line that starts with
     * {@code tag}: the last such attribute before the tag's first {@code >}, so that {@code d="}
     * is never read out of an {@code id="}. Null when the line is another element or has none.
     */
    static String attribute(String line, String tag, String name) {
        if (!line.startsWith(tag)) {
            return null;
        }
        int close = line.indexOf('>');
        int limit = close < 0 ? line.length() : close;
        for (int at = line.lastIndexOf(name, limit - name.length()); at >= tag.length(); at = line.lastIndexOf(name, at - 1)) {
            int end = line.indexOf('"', at + name.length());
            if (end >= 0) {
                return line.substring(at + name.length(), end);
            }
        }
        return null;
    }

    /**
     * Where a {@code <text} line's {@code text-anchor="start|middle|end" x="…"} is: the first
     * such pair before the tag's first {@code >}.
     */
    private static final class TextStart {
        private static final String ANCHOR = " text-anchor=\"";
        /** The line's index. */
        final int line;
        /** Index of the anchor's value in the line. */
        final int anchor;
        /** The x value as written, and the index just after it (its closing quote). */
        final String x;
        final int xEnd;

        private TextStart(int line, int anchor, String x, int xEnd) {
            this.line = line;
            this.anchor = anchor;
            this.x = x;
            this.xEnd = xEnd;
        }

        static TextStart of(String[] lines, int index) {
            String line = lines[index];
            // "<text" then its first attribute, or " text-anchor" at once
            if (!line.startsWith("<text") || line.length() < 6 || line.charAt(5) != ' ') {
                return null;
            }
            int close = line.indexOf('>');
            int limit = close < 0 ? line.length() : close;
            for (int at = line.indexOf(ANCHOR, 5); at >= 0 && at + ANCHOR.length() <= limit; at = line.indexOf(ANCHOR, at + 1)) {
                int value = at + ANCHOR.length();
                int valueEnd = -1;
                for (String anchor : new String[] {"start", "middle", "end"}) {
                    if (line.startsWith(anchor + "\" x=\"", value)) {
                        valueEnd = value + anchor.length();
                        break;
                    }
                }
                if (valueEnd < 0) {
                    continue;
                }
                int x = valueEnd + "\" x=\"".length();
                int xEnd = x;
                while (xEnd < line.length() && "-0123456789.".indexOf(line.charAt(xEnd)) >= 0) {
                    xEnd++;
                }
                if (xEnd > x && xEnd < line.length() && line.charAt(xEnd) == '"') {
                    return new TextStart(index, value, line.substring(x, xEnd), xEnd);
                }
            }
            return null;
        }
    }

    /** Whether a polygon's points all have one y: a horizontal rule. */
    private static boolean flat(String points) {
        List<String> nums = numbers(points);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < nums.size(); k += 2) {
            double y = Double.parseDouble(nums.get(k));
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        return hi - lo < 0.01;
    }

    /** The x coordinates of a polygon's points or of a path's (x,y pairs after each command letter). */
    private static double[] xs(String coords) {
        List<String> nums = numbers(coords);
        double[] xs = new double[nums.size() / 2];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = Double.parseDouble(nums.get(2 * k));
        }
        return xs;
    }

    /** The runs of characters between letters, white space and commas: the numbers of a point list or path. */
    static List<String> numbers(String coords) {
        List<String> nums = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= coords.length(); i++) {
            char c = i < coords.length() ? coords.charAt(i) : ' ';
            boolean separator = c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B'
                    || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (separator && start >= 0) {
                nums.add(coords.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return nums;
    }

    private static String round(double x) {
        return String.valueOf(Math.round(x * 100) / 100.0);
    }
}
