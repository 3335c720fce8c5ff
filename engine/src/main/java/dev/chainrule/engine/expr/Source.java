package dev.chainrule.engine.expr;

/** Line and column arithmetic on program text, for error messages. */
final class Source {
    private Source() {
    }

    static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int column(String text, int offset) {
        int start = lineStart(text, offset);
        return text.codePointCount(start, Math.min(offset, text.length())) + 1;
    }

    private static int lineStart(String text, int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    /** How much of a long line an excerpt shows on each side of the caret. */
    private static final int CONTEXT = 60;

    /**
     * The line holding {@code offset}, then a caret under it, both indented by two spaces. A line
     * longer than the screen is clipped to {@value #CONTEXT} characters on each side of the spot,
     * with "…" where text was left out, so that a 50,000-character line does not bury the caret.
     */
    static String excerpt(String text, int offset) {
        int start = lineStart(text, offset);
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        int spot = Math.min(offset, text.length());
        int from = Math.max(start, spot - CONTEXT);
        int to = Math.min(end, Math.max(spot, start) + CONTEXT);
        if (from > start && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < end && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        String before = from > start ? "…" : "";
        String line = before + text.substring(from, Math.max(from, to)) + (to < end ? "…" : "");
        StringBuilder caret = new StringBuilder("  ").append(" ".repeat(before.length()));
        for (int i = from; i < spot; ) {
            int cp = text.codePointAt(i);
            caret.append(cp == '\t' ? '\t' : ' ');
            i += Character.charCount(cp);
        }
        return "  " + line + "\n" + caret.append('^');
    }
}
