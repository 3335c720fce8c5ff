package dev.chainrule.viz;

import dev.chainrule.engine.Graph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Writes the DOT text of a graph view. The output depends only on the graph and the style:
 * nodes and edges come in id order, numbers are formatted without the locale, and no hash
 * order leaks in, so the same graph always gives byte-identical DOT.
 */
final class DotWriter {
    private static final String FONT = LabelFont.FAMILY;
    /** What stands before a scalar's gradient in its record: ∂ for ∂output/∂node. */
    static final String GRAD = "∂";
    /** The narrowest stacked record, in points: short ones (x, -2, ∂ -4) still read as cards. */
    private static final int MIN_STACKED_WIDTH = 46;
    /** CELLPADDING of the record tables, in points. */
    private static final int PADDING = 4;

    private final Graph graph;
    private final GraphStyle style;
    private final Theme theme;
    private final FrameState frame;
    private final StringBuilder out = new StringBuilder(4096);

    private DotWriter(Graph graph, GraphStyle style, FrameState frame) {
        this.graph = graph;
        this.style = style;
        this.theme = style.theme();
        this.frame = frame;
    }

    /** DOT for the graph with the style's highlights. */
    static String write(Graph graph, GraphStyle style) {
        return write(graph, style, withStyleHighlights(graph, style, FrameState.all()));
    }

    /** DOT for one frame: known values, highlights and caption come from {@code frame}. */
    static String write(Graph graph, GraphStyle style, FrameState frame) {
        return new DotWriter(graph, style, frame).write();
    }

    /** Adds the style's highlighted labels, ids and path to a frame, checking they exist. */
    static FrameState withStyleHighlights(Graph graph, GraphStyle style, FrameState frame) {
        Set<Integer> nodes = new LinkedHashSet<>(frame.nodes);
        Set<Long> edges = new LinkedHashSet<>(frame.edges);
        for (String label : style.highlightLabels()) {
            List<Integer> ids = idsLabelled(graph, label);
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("highlight: no node labelled '" + DotText.shown(label)
                        + "' in this graph" + labelList(graph));
            }
            nodes.addAll(ids);
        }
        for (int id : style.highlightIds()) {
            if (id >= graph.size()) {
                throw new IllegalArgumentException("highlightIds: no node with id " + id + "; the graph has "
                        + graph.size() + " nodes, ids 0 to " + (graph.size() - 1));
            }
            nodes.add(id);
        }
        List<String> path = style.highlightPath();
        for (int k = 1; k < path.size(); k++) {
            addPath(graph, path.get(k - 1), path.get(k), k, nodes, edges);
        }
        return new FrameState(frame.valueKnown, frame.gradKnown, nodes, edges, frame.caption);
    }

    /**
     * Adds every node and edge on the way from the nodes labelled {@code from} to those labelled
     * {@code to}: the nodes computed from {@code from} that {@code to} is computed from, so the
     * way may pass through unnamed nodes, and every branch between the two is drawn.
     */
    private static void addPath(Graph graph, String from, String to, int step, Set<Integer> nodes, Set<Long> edges) {
        List<Integer> starts = idsLabelled(graph, from);
        List<Integer> ends = idsLabelled(graph, to);
        for (String label : new String[] {from, to}) {
            if (idsLabelled(graph, label).isEmpty()) {
                throw new IllegalArgumentException("highlightPath: no node labelled '" + DotText.shown(label)
                        + "' in this graph" + labelList(graph));
            }
        }
        int n = graph.size();
        // Ids are in topological order: every input has a smaller id than its consumer.
        boolean[] fromStart = new boolean[n];
        for (int id : starts) {
            fromStart[id] = true;
        }
        for (Graph.Entry e : graph.nodes()) {
            for (int in : e.inputIds()) {
                fromStart[e.id()] |= fromStart[in];
            }
        }
        boolean[] toEnd = new boolean[n];
        boolean linked = false;
        for (int id : ends) {
            toEnd[id] = true;
            linked |= fromStart[id] && !starts.contains(id);
        }
        if (!linked) {
            throw new IllegalArgumentException("highlightPath: step " + step + ": no node labelled '"
                    + DotText.shown(to) + "' is computed from '" + DotText.shown(from) + "'");
        }
        for (int id = n - 1; id >= 0; id--) {
            if (toEnd[id]) {
                for (int in : graph.nodes().get(id).inputIds()) {
                    toEnd[in] = true;
                }
            }
        }
        for (Graph.Entry e : graph.nodes()) {
            int c = e.id();
            if (!(fromStart[c] && toEnd[c])) {
                continue;
            }
            nodes.add(c);
            for (int in : e.inputIds()) {
                if (fromStart[in] && toEnd[in]) {
                    edges.add(FrameState.edge(in, c));
                }
            }
        }
    }

    private static List<Integer> idsLabelled(Graph graph, String label) {
        List<Integer> ids = new ArrayList<>();
        for (Graph.Entry e : graph.nodes()) {
            if (label.equals(e.label())) {
                ids.add(e.id());
            }
        }
        return ids;
    }

    /** " (labels: x, y, q)" for an error message: the first 20 labels of the graph. */
    static String labelList(Graph graph) {
        Set<String> labels = new LinkedHashSet<>();
        for (Graph.Entry e : graph.nodes()) {
            if (e.label() != null && labels.size() < 20) {
                labels.add(DotText.shown(e.label()));
            }
        }
        return labels.isEmpty() ? " (it has no labelled nodes)" : " (labels: " + String.join(", ", labels) + ")";
    }

    private String write() {
        out.append("digraph chainrule {\n");
        out.append("  graph [rankdir=").append(q(style.direction().rankdir))
                .append(", bgcolor=").append(q(theme.background))
                .append(", pad=\"0.25\", nodesep=\"0.25\", ranksep=")
                // Left to right, ranks are columns: narrow gaps let a deep network fit a slide's width.
                .append(q(style.direction() == Direction.LEFT_TO_RIGHT ? "0.25" : "0.35"))
                .append(", fontname=").append(q(FONT)).append(", fontsize=\"16\"")
                .append(", fontcolor=").append(q(theme.text));
        String caption = caption();
        if (!caption.isEmpty()) {
            out.append(", labelloc=\"t\", labeljust=\"l\", label=<").append(caption).append('>');
        }
        out.append("];\n");
        out.append("  node [fontname=").append(q(FONT)).append(", fontsize=\"12\", fontcolor=")
                .append(q(theme.text)).append(", color=").append(q(theme.border)).append("];\n");
        out.append("  edge [fontname=").append(q(FONT)).append(", fontsize=\"10\", fontcolor=")
                .append(q(theme.text)).append(", color=").append(q(theme.edge))
                .append(", arrowsize=\"0.7\", penwidth=\"1.2\"];\n");
        if (theme.valuesOnEdges()) {
            writeCircuit();
        } else {
            writeRecords();
        }
        out.append("}\n");
        return out.toString();
    }

    /**
     * The title and the frame's caption, above the graph, in a table cell as wide as DejaVu Sans
     * draws them (Graphviz sizes the picture from its own guess of text widths, which the real
     * font would overrun at the right edge), then an empty row that keeps the graph clear of the
     * last line. Empty when there is neither.
     */
    private String caption() {
        List<String> lines = new ArrayList<>();
        List<Boolean> bold = new ArrayList<>();
        if (style.title() != null && !style.title().isBlank()) {   // a blank title would only push the graph down
            lines.add(style.title());
            bold.add(true);
        }
        for (int i = 0; i < frame.caption.size(); i++) {
            lines.add(frame.caption.get(i));
            bold.add(i == 0);
        }
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        double width = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            html.append(i == 0 ? "" : "<BR/>").append(bold.get(i) ? bold(line) : DotText.html(line));
            for (String part : DotText.shown(line).split("\n", -1)) {
                width = Math.max(width, LabelFont.width(part, bold.get(i), 16));
            }
        }
        int cell = (int) Math.min(65535, Math.ceil(width + 2));
        return "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" WIDTH=\""
                + cell + "\">" + html + "</TD></TR><TR><TD HEIGHT=\"" + CAPTION_GAP + "\"></TD></TR></TABLE>";
    }

    /** Points of empty space between the caption's last line and the graph. */
    private static final int CAPTION_GAP = 14;

    // ------------------------------------------------------------ records: name, value, ∂ gradient

    private void writeRecords() {
        for (Graph.Entry e : graph.nodes()) {
            int id = e.id();
            if (NodeNames.isConstant(e)) {
                writeConstant(e);
                continue;
            }
            out.append("  v").append(id).append(" [shape=\"plain\", label=<")
                    .append(record(e)).append(">];\n");
            if (e.opName() == null) {
                continue;
            }
            writeOpNode(e);
            List<Integer> inputs = e.inputIds();
            for (int k = 0; k < inputs.size(); k++) {
                int in = inputs.get(k);
                out.append("  v").append(in).append(" -> o").append(id);
                List<String> attrs = new ArrayList<>();
                attrs.add("tailport=" + q(style.direction() == Direction.LEFT_TO_RIGHT ? "e" : "s"));
                if (style.localDerivatives() && !NodeNames.isConstant(graph.nodes().get(in))) {
                    attrs.add("label=<" + localDerivativeText(e, k) + ">");
                }
                edgeHighlight(attrs, in, id);
                attrs(attrs);
            }
            out.append("  o").append(id).append(" -> v").append(id);
            List<String> attrs = new ArrayList<>();
            attrs.add("headport=" + q(style.direction() == Direction.LEFT_TO_RIGHT ? "w" : "n"));
            if (highlightedOpOut(e)) {
                attrs.add("color=" + q(theme.highlight));
                attrs.add("penwidth=\"2.5\"");
            }
            attrs(attrs);
        }
    }

    private String record(Graph.Entry e) {
        int id = e.id();
        boolean hl = frame.highlighted(id);
        String fill = hl ? theme.highlightFill : switch (e.kind()) {
            case LEAF -> theme.leafFill;
            case INTERMEDIATE -> theme.intermediateFill;
            case OUTPUT -> theme.outputFill;
        };
        String border = hl ? "3" : e.kind() == Graph.Kind.OUTPUT ? "2" : "1";
        StringBuilder s = new StringBuilder();
        s.append("<TABLE BORDER=\"").append(border).append("\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"")
                .append(PADDING).append('"')
                .append(" COLOR=").append(q(hl ? theme.highlight : theme.border))
                .append(" BGCOLOR=").append(q(fill));
        if (e.kind() == Graph.Kind.LEAF) {
            s.append(" STYLE=\"rounded\"");
        }
        s.append('>');
        List<Cell> cells = new ArrayList<>();
        // The name cell: bold name, then a tensor's shape in small type.
        String shownName = shownName(e);
        List<Line> name = new ArrayList<>(List.of(new Line(shownName, true, 12)));
        StringBuilder nameHtml = new StringBuilder(bold(shownName));
        if (!e.isScalar()) {
            name.add(new Line(plainShape(e.shape()), false, 10));
            nameHtml.append("<BR/><FONT POINT-SIZE=\"10\">").append(shapeText(e.shape())).append("</FONT>");
        }
        boolean stacked = style.direction() == Direction.LEFT_TO_RIGHT;
        // Stacked, a blank name would be an empty row; it stays only where it is the one divider
        // between two rows (SvgCleanup finds a record by its dividers).
        if (!stacked || !(shownName.isBlank() && e.isScalar() && style.showGrads())) {
            cells.add(new Cell(name, nameHtml.toString(), false));
        }
        // A scalar shows its value bare and its gradient after ∂ (∂output/∂node): words such as
        // "data" and "grad" would make every record wider, and a deep graph too wide for a slide.
        // A tensor's cells keep the words as headings above its rows.
        String dataWord = e.isScalar() ? "" : "data";
        String gradWord = e.isScalar() ? GRAD : "grad";
        List<String> data = frame.valueKnown(id) ? numberLines(dataWord, e.data(), e.shape())
                : List.of((dataWord + " ?").trim());
        String dataColor = frame.valueKnown(id) ? theme.dataText : theme.unknownText;
        cells.add(numbersCell(data, dataColor, e.isScalar()));
        if (style.showGrads()) {
            double[] grad = e.grad();
            if (!frame.gradKnown(id)) {
                cells.add(numbersCell(List.of(gradWord + " ?"), theme.unknownText, true));
            } else if (grad == null) {
                cells.add(numbersCell(List.of("no grad"), theme.unknownText, true));
            } else {
                cells.add(numbersCell(numberLines(gradWord, grad, e.shape()), theme.gradText, e.isScalar()));
            }
        }
        if (stacked) {
            // Left to right, the cells are rows: a record is narrow, so a deep graph's many
            // columns still fit a slide's width.
            int width = MIN_STACKED_WIDTH;
            for (Cell c : cells) {
                width = Math.max(width, cellWidth(c.lines()));
            }
            for (int i = 0; i < cells.size(); i++) {
                s.append(i == 0 ? "" : "<HR/>").append("<TR>").append(cells.get(i).td(width)).append("</TR>");
            }
        } else {
            // Top to bottom, the cells sit side by side: a record is flat, so the many ranks stay short.
            s.append("<TR>");
            for (int i = 0; i < cells.size(); i++) {
                s.append(i == 0 ? "" : "<VR/>").append(cells.get(i).td(cellWidth(cells.get(i).lines())));
            }
            s.append("</TR>");
        }
        s.append("</TABLE>");
        return s.toString();
    }

    /** A constant as a small literal operand: its value as written, with no record and no gradient. */
    private void writeConstant(Graph.Entry e) {
        out.append("  v").append(e.id()).append(" [shape=\"plaintext\", fontsize=\"11\", margin=\"0.02,0.01\"")
                .append(", width=\"0\", height=\"0\", label=<").append(DotText.html(NodeNames.constant(e.value()))).append('>');
        if (frame.highlighted(e.id())) {
            out.append(", fontcolor=").append(q(theme.highlight));
        }
        out.append("];\n");
    }

    /** The longest expression shown in place of a name, in characters. */
    private static final int MAX_EXPRESSION = 12;

    /**
     * What a record shows as its name: the label the user wrote; for an unnamed node its short
     * expression ({@code w1·i1}, {@code σ(net)}, {@code b1·1}) when it fits in
     * {@value #MAX_EXPRESSION} characters; otherwise nothing, never an invented {@code n6}.
     */
    private String shownName(Graph.Entry e) {
        return NodeNames.of(graph, e, MAX_EXPRESSION);
    }

    /** One line of a cell's text, as measured: its font weight and size decide its width. */
    private record Line(String text, boolean bold, double size) {
    }

    /**
     * One cell of a record: its lines as measured, its HTML, and whether its lines align on the
     * left (a tensor's rows) instead of being centred.
     */
    private record Cell(List<Line> lines, String html, boolean left) {
        /**
         * The cell as a {@code <TD>} of {@code width} points, at least its widest line in
         * {@link LabelFont}; {@link SvgCleanup} centres the text in it. (No BGCOLOR per cell: it
         * makes Graphviz 16 several times slower.)
         */
        String td(int width) {
            return "<TD" + (left ? " BALIGN=\"LEFT\"" : "") + " WIDTH=\"" + width + "\">" + html + "</TD>";
        }
    }

    /** Width in points for a cell holding {@code lines}: the widest line, the padding, and 2 pt to spare. */
    private static int cellWidth(List<Line> lines) {
        double widest = 0;
        for (Line l : lines) {
            widest = Math.max(widest, LabelFont.width(l.text(), l.bold(), l.size()));
        }
        return (int) Math.min(65535, Math.ceil(widest + 2 * PADDING + 2));
    }

    /** A data or grad cell: one centred line for a scalar, rows aligned on the left for a tensor. */
    private static Cell numbersCell(List<String> lines, String color, boolean centred) {
        List<Line> measured = new ArrayList<>();
        StringBuilder html = new StringBuilder("<FONT COLOR=").append(q(color)).append('>');
        for (int i = 0; i < lines.size(); i++) {
            measured.add(new Line(lines.get(i), false, 12));
            html.append(i == 0 ? "" : "<BR/>").append(DotText.html(lines.get(i)));
        }
        html.append("</FONT>");
        return new Cell(measured, html.toString(), !centred);
    }

    /** {@code data 3.0000}; for a tensor its heading and rows (when small) or a summary. */
    private List<String> numberLines(String what, double[] values, int[] shape) {
        List<String> lines = new ArrayList<>();
        if (shape.length == 0) {
            lines.add(what.isEmpty() ? style.format(values[0]) : what + " " + style.format(values[0]));
        } else if (values.length <= style.maxTensorElements()) {
            int cols = Math.max(shape.length == 1 ? values.length : shape[shape.length - 1], 1);
            boolean rows = values.length > cols;
            if (rows) {
                lines.add(what);
            }
            for (int i = 0; i < values.length; i += cols) {
                StringBuilder row = new StringBuilder(i == 0 && !rows ? what : "").append('[');
                for (int j = i; j < Math.min(values.length, i + cols); j++) {
                    row.append(j == i ? "" : ", ").append(style.format(values[j]));
                }
                lines.add(row.append(']').toString());
            }
            if (values.length == 0) {
                lines.add(what + "[]");
            }
        } else {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            lines.add(what);
            lines.add(values.length + " values");
            lines.add("mean " + style.format(sum / values.length));
            lines.add("min " + style.format(min) + ", max " + style.format(max));
        }
        return lines;
    }

    private static String plainShape(int[] shape) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(']').toString();
    }

    /** The lines of {@link #numberLines} in one colour, as HTML. */
    private String numbers(String what, double[] values, int[] shape, String color) {
        StringBuilder s = new StringBuilder("<FONT COLOR=").append(q(color)).append('>');
        List<String> lines = numberLines(what, values, shape);
        for (int i = 0; i < lines.size(); i++) {
            s.append(i == 0 ? "" : "<BR/>").append(DotText.html(lines.get(i)));
        }
        return s.append("</FONT>").toString();
    }

    private static String shapeText(int[] shape) {
        StringBuilder s = new StringBuilder("&#91;");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append("&#93;").toString();
    }

    private void writeOpNode(Graph.Entry e) {
        String symbol = e.opSymbol() == null ? e.opName() : e.opSymbol();
        // An op stands out when an edge through it does: in a backward step the op that
        // consumes the node, not the one that made it.
        boolean hl = highlightedOpOut(e);
        out.append("  o").append(e.id()).append(" [");
        int length = symbol.codePointCount(0, symbol.length());
        String shape = length <= 2 ? "circle" : length <= 6 ? "ellipse" : "box";
        out.append("shape=").append(q(shape));
        if (length <= 2) {
            out.append(", width=\"0.36\", margin=\"0.02\"");
        } else {
            out.append(", margin=\"0.06,0.03\"");
        }
        out.append(", style=").append(q(shape.equals("box") ? "rounded,filled" : "filled"))
                .append(", fillcolor=").append(q(hl ? theme.highlightFill : theme.opFill))
                .append(", color=").append(q(hl ? theme.highlight : theme.border));
        if (hl) {
            out.append(", penwidth=\"2.5\"");
        }
        out.append(", fontsize=").append(q(length <= 2 ? "15" : "13")).append(", label=<").append(DotText.html(symbol)).append(">];\n");
    }

    private String localDerivativeText(Graph.Entry consumer, int k) {
        Graph.Entry input = graph.nodes().get(consumer.inputIds().get(k));
        OptionalDouble d = consumer.localDerivative(k);
        // ∂q/∂x where both have names to show; an unnamed node's blank name would leave "∂/∂x".
        String of = edgeName(consumer);
        String by = edgeName(input);
        String name = of.isEmpty() || by.isEmpty() ? "" : "∂" + of + "/∂" + by + " = ";
        String value;
        if (!frame.valueKnown(consumer.id())) {
            value = "?";
        } else if (d.isPresent()) {
            value = style.format(d.getAsDouble());
        } else {
            value = "(tensor)";
        }
        return DotText.html(name + value);
    }

    /** A node's name in a derivative: its label, or its short expression in parentheses, or "". */
    private String edgeName(Graph.Entry e) {
        return NodeNames.inDerivative(graph, e, MAX_EXPRESSION, false);
    }

    private boolean highlightedOpOut(Graph.Entry e) {
        for (int in : e.inputIds()) {
            if (frame.highlighted(in, e.id())) {
                return true;
            }
        }
        return false;
    }

    private void edgeHighlight(List<String> attrs, int in, int consumer) {
        if (frame.highlighted(in, consumer)) {
            attrs.add("color=" + q(theme.highlight));
            attrs.add("penwidth=\"2.5\"");
        }
    }

    private void attrs(List<String> attrs) {
        if (!attrs.isEmpty()) {
            out.append(" [").append(String.join(", ", attrs)).append(']');
        }
        out.append(";\n");
    }

    // ------------------------------------------------------------ circuit: values on the edges

    private void writeCircuit() {
        for (Graph.Entry e : graph.nodes()) {
            int id = e.id();
            if (NodeNames.isConstant(e)) {
                writeConstant(e);   // the number itself: no value or grad travels from it
                continue;
            }
            if (e.opName() == null) {
                out.append("  v").append(id).append(" [shape=\"plaintext\", fontsize=\"14\", label=<")
                        .append(bold(shownName(e)));
                if (!e.isScalar()) {
                    out.append(' ').append(shapeText(e.shape()));
                }
                if (e.kind() == Graph.Kind.OUTPUT) {
                    out.append("<BR/>").append(edgeValues(e, -1, -1));
                }
                out.append('>');
                if (frame.highlighted(id)) {
                    out.append(", fontcolor=").append(q(theme.highlight));
                }
                out.append("];\n");
                continue;
            }
            writeOpNode(e);
            List<Integer> inputs = e.inputIds();
            for (int k = 0; k < inputs.size(); k++) {
                int in = inputs.get(k);
                Graph.Entry src = graph.nodes().get(in);
                out.append("  ").append(src.opName() == null ? "v" : "o").append(in).append(" -> o").append(id);
                List<String> attrs = new ArrayList<>();
                if (src.opName() == null) {
                    attrs.add("tailport=" + q(style.direction() == Direction.LEFT_TO_RIGHT ? "e" : "s"));
                }
                if (!NodeNames.isConstant(src)) {
                    attrs.add("label=<" + edgeValues(src, id, k) + ">");
                }
                edgeHighlight(attrs, in, id);
                attrs(attrs);
            }
            if (e.kind() == Graph.Kind.OUTPUT) {
                boolean hl = frame.highlighted(id);
                out.append("  v").append(id).append(" [shape=\"plaintext\", fontsize=\"14\", label=<")
                        .append(bold(shownName(e))).append(">")
                        .append(hl ? ", fontcolor=" + q(theme.highlight) : "").append("];\n");
                out.append("  o").append(id).append(" -> v").append(id)
                        .append(" [label=<").append(edgeValues(e, -1, -1)).append('>')
                        .append(hl ? ", color=" + q(theme.highlight) + ", penwidth=\"2.5\"" : "").append("];\n");
            }
        }
    }

    /** The value (green, above) and grad (red, below) a node sends along an edge. */
    private String edgeValues(Graph.Entry e, int consumer, int k) {
        StringBuilder s = new StringBuilder("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
        s.append("<TR><TD>");
        if (e.opName() != null && e.label() != null) {
            s.append("<FONT COLOR=").append(q(theme.text)).append('>').append(DotText.html(e.label())).append(" </FONT>");
        }
        if (frame.valueKnown(e.id())) {
            s.append(numbers("", e.data(), e.shape(), theme.dataText));
        } else {
            s.append("<FONT COLOR=").append(q(theme.unknownText)).append(">?</FONT>");
        }
        s.append("</TD></TR>");
        if (style.showGrads()) {
            s.append("<TR><TD>");
            double[] grad = e.grad();
            if (!frame.gradKnown(e.id())) {
                s.append("<FONT COLOR=").append(q(theme.unknownText)).append(">?</FONT>");
            } else if (grad == null) {
                s.append("<FONT COLOR=").append(q(theme.unknownText)).append(">no grad</FONT>");
            } else {
                s.append(numbers("", grad, e.shape(), theme.gradText));
            }
            s.append("</TD></TR>");
        }
        if (style.localDerivatives() && consumer >= 0) {
            s.append("<TR><TD><FONT POINT-SIZE=\"9\">")
                    .append(localDerivativeText(graph.nodes().get(consumer), k)).append("</FONT></TD></TR>");
        }
        return s.append("</TABLE>").toString();
    }

    /**
     * {@code text} in bold, as HTML. Blank text stays plain: Graphviz 2.x rejects an empty
     * {@code <B></B>} as a syntax error, and bold spaces look like plain ones.
     */
    private static String bold(String text) {
        String html = DotText.html(text);
        return text.isBlank() ? html : "<B>" + html + "</B>";
    }

    private static String q(String s) {
        return DotText.quoted(s);
    }
}
