package dev.chainrule.viz;

/**
 * Colours and line styles of a rendered graph. Every theme also tells node kinds apart without
 * colour (rounded corners for leaves, a heavy border for the output), so prints and colour-blind
 * readers lose nothing.
 */
public enum Theme {
    /** Dark text on white, soft fills: leaves blue, the output green, ops amber. */
    LIGHT("#ffffff", "#1f2937", "#4b5563", "#dbeafe", "#f3f4f6", "#dcfce7", "#fef3c7",
            "#6b7280", "#1f2937", "#b91c1c", "#9ca3af", "#ea580c", "#ffedd5"),
    /** Light text on a dark background, for dark slide decks. */
    DARK("#111827", "#e5e7eb", "#9ca3af", "#1e3a8a", "#1f2937", "#14532d", "#78350f",
            "#9ca3af", "#e5e7eb", "#fca5a5", "#6b7280", "#fb923c", "#7c2d12"),
    /** Black on white with no fills, for paper and photocopies; highlights are grey. */
    PRINT("#ffffff", "#000000", "#000000", "#ffffff", "#ffffff", "#ffffff", "#ffffff",
            "#000000", "#000000", "#000000", "#777777", "#000000", "#dddddd"),
    /**
     * The CS231n circuit style: ops are circles and values travel on the edges, each value
     * written above its edge in green and its gradient below in red.
     */
    CS231N("#ffffff", "#111111", "#111111", "#ffffff", "#ffffff", "#ffffff", "#ffffff",
            "#111111", "#15803d", "#dc2626", "#9ca3af", "#2563eb", "#dbeafe");

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

    Theme(String background, String text, String border, String leafFill, String intermediateFill,
            String outputFill, String opFill, String edge, String dataText, String gradText,
            String unknownText, String highlight, String highlightFill) {
        this.background = background;
        this.text = text;
        this.border = border;
        this.leafFill = leafFill;
        this.intermediateFill = intermediateFill;
        this.outputFill = outputFill;
        this.opFill = opFill;
        this.edge = edge;
        this.dataText = dataText;
        this.gradText = gradText;
        this.unknownText = unknownText;
        this.highlight = highlight;
        this.highlightFill = highlightFill;
    }

    /** Whether values and grads are drawn on the edges (the circuit style) rather than in records. */
    boolean valuesOnEdges() {
        return this == CS231N;
    }
}
