package dev.chainrule.viz;

import java.awt.Color;
import java.util.List;

/**
 * The named colours the charts share ({@link LinePlot}, {@link DecisionPlot} and {@link Charts}):
 * one place for them instead of constants in each painter.
 *
 * @param text        titles, axis titles and legend text
 * @param muted       tick marks and tick labels of line charts
 * @param grid        grid lines
 * @param axis        the zero line and the plot frame of line charts, legend borders of decision plots
 * @param frame       the plot frame of decision plots
 * @param legendEdge  the legend border of line charts
 * @param legendFill  the legend background of line charts (translucent)
 * @param legendFillDecision the legend background of decision plots (translucent)
 * @param boundary    decision boundaries
 * @param lines       line series, in order (loss, derivative, accuracy, ...)
 * @param points      data points by class
 * @param regions     decision regions by class (light versions of {@code points})
 */
record ChartPalette(Color text, Color muted, Color grid, Color axis, Color frame, Color legendEdge,
        Color legendFill, Color legendFillDecision, Color boundary, List<Color> lines, List<Color> points,
        List<Color> regions) {

    /** Dark text on white, the charts' only palette so far. */
    static final ChartPalette LIGHT = new ChartPalette(new Color(0x111827), new Color(0x4b5563),
            new Color(0xe5e7eb), new Color(0x9ca3af), new Color(0x6b7280), new Color(0xd1d5db),
            new Color(255, 255, 255, 230), new Color(255, 255, 255, 220), new Color(0x374151),
            List.of(new Color(0x1d4ed8), new Color(0xdc2626), new Color(0x15803d), new Color(0xb45309),
                    new Color(0x7e22ce)),
            List.of(new Color(0x1d4ed8), new Color(0xb91c1c), new Color(0x15803d), new Color(0xb45309),
                    new Color(0x7e22ce), new Color(0x0e7490)),
            List.of(new Color(0xbfdbfe), new Color(0xfecaca), new Color(0xbbf7d0), new Color(0xfde68a),
                    new Color(0xe9d5ff), new Color(0xa5f3fc)));

    /** Line series {@code i}. */
    Color line(int i) {
        return lines.get(i % lines.size());
    }

    /** The point colour of class index {@code i}. */
    Color point(int i) {
        return points.get(i % points.size());
    }

    /** The region colour of class index {@code i}. */
    Color region(int i) {
        return regions.get(i % regions.size());
    }
}
