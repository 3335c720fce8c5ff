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

    /** The line holding {@code offset}, then a caret under it, both indented by two spaces. */
    static String excerpt(String text, int offset) {
        int start = lineStart(text, offset);
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        String line = text.substring(start, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        StringBuilder caret = new StringBuilder("  ");
        int stop = Math.min(offset, text.length());
        for (int i = start; i < stop; ) {
            int cp = text.codePointAt(i);
            caret.append(cp == '\t' ? '\t' : ' ');
            i += Character.charCount(cp);
        }
        return "  " + line + "\n" + caret.append('^');
    }
}
