package dev.chainrule.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 *       font's widths. The cells are read from the record's outline and dividers.</li>
 *   <li>The font list: {@link LabelFont#SVG_FAMILIES}, DejaVu Sans first.</li>
 *   <li>Sizes in px, and {@code none} for Graphviz's {@code transparent}.</li>
 * </ul>
 */
final class SvgCleanup {
    private static final Pattern POINTS = Pattern.compile("<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"");
    private static final Pattern FAMILY = Pattern.compile("font-family=\"(DejaVu Sans|Helvetica)[^\"]*\"");
    private static final Pattern POLYGON = Pattern.compile("^<polygon [^>]*points=\"([^\"]*)\"");
    private static final Pattern PATH = Pattern.compile("^<path [^>]*d=\"([^\"]*)\"");
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
            Matcher poly = POLYGON.matcher(lines[i]);
            Matcher path = PATH.matcher(lines[i]);
            double[] xs = poly.find() ? xs(poly.group(1)) : path.find() ? xs(path.group(1)) : null;
            if (xs == null) {
                continue;
            }
            double lo = Arrays.stream(xs).min().orElse(0);
            double hi = Arrays.stream(xs).max().orElse(0);
            if (hi - lo < 0.01) {
                edges.add(lo);   // a divider between two cells side by side
                dividers++;
            } else if (poly.find(0) && flat(poly.group(1))) {
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
        double[] e = edges.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // texts by the cell their start lies in
        Map<Integer, List<Integer>> byCell = new TreeMap<>();
        for (int i = from; i < to; i++) {
            Matcher t = TEXT_X.matcher(lines[i]);
            if (lines[i].startsWith("<text") && t.find()) {
                double x = Double.parseDouble(t.group(3));
                for (int c = 0; c + 1 < e.length; c++) {
                    if (x >= e[c] - 0.01 && x <= e[c + 1] + 0.01) {
                        byCell.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
                        break;
                    }
                }
            }
        }
        for (Map.Entry<Integer, List<Integer>> cell : byCell.entrySet()) {
            List<Integer> texts = cell.getValue();
            if (texts.size() > 1 && texts.stream().map(i -> startX(lines[i])).distinct().count() == 1) {
                continue;   // aligned on the left
            }
            double centre = (e[cell.getKey()] + e[cell.getKey() + 1]) / 2;
            for (int i : texts) {
                Matcher t = TEXT_X.matcher(lines[i]);
                t.find();
                lines[i] = lines[i].substring(0, t.start(2)) + "middle\" x=\"" + round(centre) + lines[i].substring(t.end(3));
            }
        }
    }

    private static String startX(String textLine) {
        Matcher t = TEXT_X.matcher(textLine);
        return t.find() ? t.group(3) : "";
    }

    /** Whether a polygon's points all have one y: a horizontal rule. */
    private static boolean flat(String points) {
        String[] nums = points.trim().split("[\\s,]+");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < nums.length; k += 2) {
            double y = Double.parseDouble(nums[k]);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        return hi - lo < 0.01;
    }

    /** The x coordinates of a polygon's points or of a path's (x,y pairs after each command letter). */
    private static double[] xs(String coords) {
        String[] nums = coords.replaceAll("[A-Za-z]", " ").trim().split("[\\s,]+");
        double[] xs = new double[nums.length / 2];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = Double.parseDouble(nums[2 * k]);
        }
        return xs;
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
