package dev.chainrule.engine.internal;

/**
 * JSON string literals (RFC 8259), written the same way everywhere Chainrule writes JSON: nn's
 * parameter files and the CLI's {@code --format json}. Not API (see the package).
 */
public final class JsonText {
    private JsonText() {
    }

    /**
     * {@code s} as a JSON string literal, with its quotes: {@code "} and {@code \} escaped, newline,
     * carriage return and tab as {@code \n}, {@code \r}, {@code \t}, other control characters below
     * U+0020 as {@code \}{@code u00XX}; everything else, non-ASCII included, as itself.
     *
     * @param s the text
     * @return the quoted literal
     */
    public static String quote(String s) {
        return quote(new StringBuilder(s.length() + 2), s).toString();
    }

    /**
     * Appends {@code s} to {@code out} as a JSON string literal, as {@link #quote(String)} writes it.
     *
     * @param out where to append; modified
     * @param s   the text
     * @return {@code out}
     */
    public static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
