package dev.chainrule.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain line chart drawn with Java2D: title, axes with round ticks, grid, series and a legend. */
final class LinePlot {
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 50;
    private static final int BOTTOM = 58;
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final ChartPalette P = ChartPalette.LIGHT;
    static final Color TEXT = P.text();
    private static final Color MUTED = P.muted();
    private static final Color GRID = P.grid();

    private record Series(String name, double[] x, double[] y, Color color) {
    }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series = new ArrayList<>();
    private boolean legend = true;

    LinePlot(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    LinePlot add(String name, double[] x, double[] y, Color color) {
        series.add(new Series(name, x, y, color));
        return this;
    }

    LinePlot legend(boolean show) {
        this.legend = show;
        return this;
    }

    /** Paints the chart into the box (0, 0, width, height) of {@code g}. */
    void paint(Graphics2D g, int width, int height) {
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                xmin = Math.min(xmin, s.x[i]);
                xmax = Math.max(xmax, s.x[i]);
                ymin = Math.min(ymin, s.y[i]);
                ymax = Math.max(ymax, s.y[i]);
            }
        }
        if (xmax == xmin) {
            xmin -= 1;
            xmax += 1;
        }
        double pad = ymax > ymin ? 0.06 * (ymax - ymin) : Math.max(1, Math.abs(ymax) * 0.1);
        ymin -= pad;
        ymax += pad;
        double pw = width - LEFT - RIGHT;
        double ph = height - TOP - BOTTOM;
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        drawCentered(g, title, TITLE, TEXT, width / 2.0, 30);
        // Grid and ticks.
        g.setFont(TICKS);
        g.setStroke(new BasicStroke(1f));
        for (double t : DecisionPlot.ticks(xmin, xmax)) {
            double x = LEFT + (t - xmin) / (xmax - xmin) * pw;
            g.setColor(GRID);
            g.draw(new Line2D.Double(x, TOP, x, TOP + ph));
            g.setColor(MUTED);
            g.draw(new Line2D.Double(x, TOP + ph, x, TOP + ph + 5));
            drawCentered(g, DecisionPlot.tickText(t), TICKS, MUTED, x, TOP + ph + 20);
        }
        for (double t : DecisionPlot.ticks(ymin, ymax)) {
            double y = TOP + (ymax - t) / (ymax - ymin) * ph;
            g.setColor(t == 0 ? P.axis() : GRID);
            g.draw(new Line2D.Double(LEFT, y, LEFT + pw, y));
            g.setColor(MUTED);
            g.draw(new Line2D.Double(LEFT - 5, y, LEFT, y));
            String s = DecisionPlot.tickText(t);
            g.drawString(s, (float) (LEFT - 8 - g.getFontMetrics().stringWidth(s)), (float) (y + 4));
        }
        g.setColor(P.axis());
        g.draw(new Rectangle2D.Double(LEFT, TOP, pw, ph));
        drawCentered(g, xTitle, AXIS, TEXT, LEFT + pw / 2, height - 16);
        if (!yTitle.isEmpty()) {
            Graphics2D r = (Graphics2D) g.create();
            r.translate(20, TOP + ph / 2);
            r.rotate(-Math.PI / 2);
            drawCentered(r, yTitle, AXIS, TEXT, 0, 0);
            r.dispose();
        }
        // Series, clipped to the plot.
        Graphics2D c = (Graphics2D) g.create();
        c.clip(new Rectangle2D.Double(LEFT, TOP, pw, ph));
        c.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Series s : series) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < s.x.length; i++) {
                double x = LEFT + (s.x[i] - xmin) / (xmax - xmin) * pw;
                double y = TOP + (ymax - s.y[i]) / (ymax - ymin) * ph;
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            c.setColor(s.color);
            c.draw(path);
        }
        c.dispose();
        if (legend && !series.isEmpty()) {
            g.setFont(AXIS);
            int boxW = 0;
            for (Series s : series) {
                boxW = Math.max(boxW, g.getFontMetrics().stringWidth(s.name));
            }
            boxW += 48;
            double lx = LEFT + 10;
            double ly = TOP + 10;
            double lh = 10 + 22 * series.size();
            g.setColor(P.legendFill());
            g.fill(new Rectangle2D.Double(lx, ly, boxW, lh));
            g.setColor(P.legendEdge());
            g.draw(new Rectangle2D.Double(lx, ly, boxW, lh));
            for (int i = 0; i < series.size(); i++) {
                double cy = ly + 16 + 22 * i;
                g.setColor(series.get(i).color);
                g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(lx + 10, cy, lx + 32, cy));
                g.setColor(TEXT);
                g.drawString(series.get(i).name, (float) (lx + 40), (float) (cy + 5));
            }
        }
    }

    static void drawCentered(Graphics2D g, String text, Font font, Color color, double cx, double baseline) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (float) (cx - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LinePlot(%s, %d series)", title, series.size());
    }
}
