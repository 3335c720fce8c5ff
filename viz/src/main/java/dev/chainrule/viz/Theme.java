package dev.chainrule.viz;

/**
 * Colours and line styles of a rendered graph. Every theme also tells node kinds apart without
 * colour (rounded corners for leaves, a heavy border for the output), so prints and colour-blind
 * readers lose nothing.
 */
public enum Theme {
    /** Dark text on white, soft fills: leaves blue, the output green, ops amber. */
    LIGHT(Palette.LIGHT, Layout.RECORDS),
    /** Light text on a dark background, for dark slide decks. */
    DARK(Palette.DARK, Layout.RECORDS),
    /** Black on white with no fills, for paper and photocopies; highlights are grey. */
    PRINT(Palette.PRINT, Layout.RECORDS),
    /**
     * The CS231n circuit style: ops are circles and values travel on the edges, each value
     * written above its edge in green and its gradient below in red.
     */
    CS231N(Palette.CS231N, Layout.CIRCUIT);

    /** How a graph is laid out. */
    enum Layout {
        /** One record per value (name, value, ∂ gradient), one small node per op. */
        RECORDS,
        /** Ops as circles; values and grads written on the edges. */
        CIRCUIT
    }

    /**
     * A theme's named colours (hex, as Graphviz takes them).
     *
     * @param background    the page
     * @param text          labels
     * @param border        node borders
     * @param leafFill      inputs and parameters
     * @param intermediateFill values computed on the way
     * @param outputFill    the output
     * @param opFill        op nodes
     * @param edge          edges
     * @param dataText      values
     * @param gradText      gradients
     * @param unknownText   "?" and "no grad"
     * @param highlight     highlighted borders and edges
     * @param highlightFill highlighted fills
     */
    record Palette(String background, String text, String border, String leafFill, String intermediateFill,
            String outputFill, String opFill, String edge, String dataText, String gradText, String unknownText,
            String highlight, String highlightFill) {
        static final Palette LIGHT = new Palette("#ffffff", "#1f2937", "#4b5563", "#dbeafe", "#f3f4f6",
                "#dcfce7", "#fef3c7", "#6b7280", "#1f2937", "#b91c1c", "#9ca3af", "#ea580c", "#ffedd5");
        static final Palette DARK = new Palette("#111827", "#e5e7eb", "#9ca3af", "#1e3a8a", "#1f2937",
                "#14532d", "#78350f", "#9ca3af", "#e5e7eb", "#fca5a5", "#6b7280", "#fb923c", "#7c2d12");
        static final Palette PRINT = new Palette("#ffffff", "#000000", "#000000", "#ffffff", "#ffffff",
                "#ffffff", "#ffffff", "#000000", "#000000", "#000000", "#777777", "#000000", "#dddddd");
        static final Palette CS231N = new Palette("#ffffff", "#111111", "#111111", "#ffffff", "#ffffff",
                "#ffffff", "#ffffff", "#111111", "#15803d", "#dc2626", "#9ca3af", "#2563eb", "#dbeafe");
    }

    final Palette palette;
    final Layout layout;
    final String background;
    final String text;
    final String border;
    final String leafFill;
    final String intermediateFill;
    final String outputFill;
    final String opFill;
    final String edge;
    final String dataText;
    final String gradText;
    final String unknownText;
    final String highlight;
    final String highlightFill;

    Theme(Palette p, Layout layout) {
        this.palette = p;
        this.layout = layout;
        this.background = p.background();
        this.text = p.text();
        this.border = p.border();
        this.leafFill = p.leafFill();
        this.intermediateFill = p.intermediateFill();
        this.outputFill = p.outputFill();
        this.opFill = p.opFill();
        this.edge = p.edge();
        this.dataText = p.dataText();
        this.gradText = p.gradText();
        this.unknownText = p.unknownText();
        this.highlight = p.highlight();
        this.highlightFill = p.highlightFill();
    }

    /** Whether values and grads are drawn on the edges (the circuit layout) rather than in records. */
    boolean valuesOnEdges() {
        return layout == Layout.CIRCUIT;
    }
}
