package dev.chainrule.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToIntBiFunction;

/**
 * Draws a 2-input classifier's regions over its data: the plane is sampled on a grid, each
 * cell shaded by its predicted class, the boundary drawn where neighbouring cells differ, and
 * the points drawn on top by label.
 */
final class DecisionPlot {
    static final int GRID = 160;
    private static final int WIDTH = 760;
    private static final int HEIGHT = 680;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 56;
    private static final int BOTTOM = 60;
    private static final ChartPalette P = ChartPalette.LIGHT;

    private final double[][] points;
    private final int[] labels;
    private final int[] classes;
    private final int[][] cells;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final double accuracy;

    DecisionPlot(double[][] points, int[] labels, ToIntBiFunction<Double, Double> classify) {
        this.points = points;
        this.labels = labels;
        double[] xr = range(points, 0);
        double[] yr = range(points, 1);
        x0 = xr[0];
        x1 = xr[1];
        y0 = yr[0];
        y1 = yr[1];
        cells = new int[GRID][GRID];
        TreeSet<Integer> all = new TreeSet<>();
        for (int l : labels) {
            all.add(l);
        }
        for (int r = 0; r < GRID; r++) {
            double y = y1 - (r + 0.5) * (y1 - y0) / GRID;
            for (int c = 0; c < GRID; c++) {
                double x = x0 + (c + 0.5) * (x1 - x0) / GRID;
                cells[r][c] = classify.applyAsInt(x, y);
                all.add(cells[r][c]);
            }
        }
        classes = all.stream().mapToInt(Integer::intValue).toArray();
        int right = 0;
        for (int i = 0; i < points.length; i++) {
            if (classify.applyAsInt(points[i][0], points[i][1]) == labels[i]) {
                right++;
            }
        }
        accuracy = (double) right / points.length;
    }

    static void check(double[][] points, int[] labels) {
        if (points == null || labels == null) {
            throw new IllegalArgumentException("decision boundary: points and labels must not be null");
        }
        if (points.length == 0) {
            throw new IllegalArgumentException("decision boundary: there are no points");
        }
        if (points.length != labels.length) {
            throw new IllegalArgumentException("decision boundary: " + points.length + " points but " + labels.length
                    + " labels");
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("decision boundary: point " + i + " must have 2 coordinates, has "
                        + (points[i] == null ? "none" : points[i].length));
            }
            if (!Double.isFinite(points[i][0]) || !Double.isFinite(points[i][1])) {
                throw new IllegalArgumentException("decision boundary: point " + i + " is " + Arrays.toString(points[i]));
            }
        }
    }

    static int[] distinct(int[] labels) {
        return Arrays.stream(labels).distinct().sorted().toArray();
    }

    /** The fraction of points whose predicted class equals their label. */
    double accuracy() {
        return accuracy;
    }

    /** The predicted class of each grid cell, row 0 at the top. */
    int[][] cells() {
        return cells;
    }

    Chart chart() {
        return new Chart(WIDTH, HEIGHT, this::paint);
    }

    private static double[] range(double[][] points, int axis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            lo = Math.min(lo, p[axis]);
            hi = Math.max(hi, p[axis]);
        }
        double pad = hi > lo ? 0.1 * (hi - lo) : 1;
        return new double[] {lo - pad, hi + pad};
    }

    private int index(int cls) {
        return Arrays.binarySearch(classes, cls);
    }

    private void paint(Graphics2D g) {
        double pw = WIDTH - LEFT - RIGHT;
        double ph = HEIGHT - TOP - BOTTOM;
        double cw = pw / GRID;
        double ch = ph / GRID;
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        Charts.drawTitle(g, String.format(Locale.ROOT, "Decision boundary (accuracy %.1f%%)", 100 * accuracy), WIDTH);
        // Regions: one rectangle per run of equal cells in a row keeps the SVG small.
        for (int r = 0; r < GRID; r++) {
            int c = 0;
            while (c < GRID) {
                int k = c;
                while (k < GRID && cells[r][k] == cells[r][c]) {
                    k++;
                }
                g.setColor(P.region(index(cells[r][c])));
                g.fill(new Rectangle2D.Double(LEFT + c * cw, TOP + r * ch, (k - c) * cw + 0.5, ch + 0.5));
                c = k;
            }
        }
        // Boundary: the edges between cells of different classes.
        g.setColor(P.boundary());
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                if (c + 1 < GRID && cells[r][c] != cells[r][c + 1]) {
                    double x = LEFT + (c + 1) * cw;
                    g.draw(new Line2D.Double(x, TOP + r * ch, x, TOP + (r + 1) * ch));
                }
                if (r + 1 < GRID && cells[r][c] != cells[r + 1][c]) {
                    double y = TOP + (r + 1) * ch;
                    g.draw(new Line2D.Double(LEFT + c * cw, y, LEFT + (c + 1) * cw, y));
                }
            }
        }
        // Points.
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < points.length; i++) {
            double px = LEFT + (points[i][0] - x0) / (x1 - x0) * pw;
            double py = TOP + (y1 - points[i][1]) / (y1 - y0) * ph;
            Ellipse2D dot = new Ellipse2D.Double(px - 5, py - 5, 10, 10);
            g.setColor(P.point(index(labels[i])));
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.draw(dot);
        }
        // Frame, ticks and axis titles.
        g.setColor(P.frame());
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(LEFT, TOP, pw, ph));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double t : ticks(x0, x1)) {
            double x = LEFT + (t - x0) / (x1 - x0) * pw;
            g.draw(new Line2D.Double(x, TOP + ph, x, TOP + ph + 5));
            String s = tickText(t);
            g.drawString(s, (float) (x - g.getFontMetrics().stringWidth(s) / 2.0), (float) (TOP + ph + 20));
        }
        for (double t : ticks(y0, y1)) {
            double y = TOP + (y1 - t) / (y1 - y0) * ph;
            g.draw(new Line2D.Double(LEFT - 5, y, LEFT, y));
            String s = tickText(t);
            g.drawString(s, (float) (LEFT - 8 - g.getFontMetrics().stringWidth(s)), (float) (y + 4));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(P.text());
        g.drawString("x1", (float) (LEFT + pw / 2 - 6), HEIGHT - 18);
        g.drawString("x2", 14, (float) (TOP + ph / 2));
        // Legend.
        int ly = TOP + 10;
        int[] labelled = distinct(labels);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int boxW = 20;
        for (int cls : labelled) {
            boxW = Math.max(boxW, 34 + g.getFontMetrics().stringWidth("class " + cls));
        }
        double lx = LEFT + pw - boxW - 10;
        g.setColor(P.legendFillDecision());
        g.fill(new Rectangle2D.Double(lx, ly, boxW, 8 + 20 * labelled.length));
        g.setColor(P.axis());
        g.draw(new Rectangle2D.Double(lx, ly, boxW, 8 + 20 * labelled.length));
        for (int i = 0; i < labelled.length; i++) {
            double cy = ly + 14 + 20 * i;
            g.setColor(P.point(index(labelled[i])));
            g.fill(new Ellipse2D.Double(lx + 10, cy - 5, 10, 10));
            g.setColor(P.text());
            g.drawString("class " + labelled[i], (float) (lx + 26), (float) (cy + 5));
        }
    }

    /** About six round tick values inside [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
            if (Math.abs(t[i]) < step * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }

    static String tickText(double t) {
        String s = String.format(Locale.ROOT, "%.4f", t).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
