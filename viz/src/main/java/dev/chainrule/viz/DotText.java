package dev.chainrule.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Turns user text and numbers into safe pieces of Graphviz HTML-like labels. */
final class DotText {

    private DotText() {
    }

    /**
     * Text for a Graphviz HTML-like label that renders exactly as written. Markup characters
     * become entities; so do backslash and the characters Graphviz treats specially elsewhere,
     * so no label can end the label, start an attribute or inject a node. A newline becomes a
     * line break. Other control characters, which no font can draw, are shown as {@code \u0007}
     * notation, and unpaired surrogates (not valid UTF-8) as U+FFFD.
     */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                // Graphviz expands \G, \N, \L ... in label text even after decoding entities,
                // and turns a doubled backslash into one; so a literal backslash is written twice.
                case '\\' -> s.append("&#92;&#92;");
                // Graphviz's HTML-label scanner rejects a bare ']' (and so we also encode '[').
                case '[' -> s.append("&#91;");
                case ']' -> s.append("&#93;");
                case ' ' -> s.append(' ');
                case '\n' -> s.append("<BR/>");
                case '\r' -> {
                    if (i + 1 < n && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    s.append("<BR/>");
                }
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        s.append(c).append(text.charAt(i + 1));
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        s.append('\uFFFD');
                    } else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        s.append(String.format(Locale.ROOT, "&#92;&#92;u%04X", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** What {@link #html} shows for {@code text}, as plain text with '\n' for line breaks. */
    static String shown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    continue;
                }
                s.append('\n');
            } else if (c == '\n') {
                s.append('\n');
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                s.append(c).append(text.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                s.append('\uFFFD');
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                s.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** A DOT quoted string for attribute values this module chooses (colours, names). */
    static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /**
     * {@code x} rounded to {@code digits} significant digits, without trailing zeros: plain
     * notation from 1e-6 to below 1e9, otherwise {@code 1.235e+12}; NaN and ∞ as in {@link #number}.
     */
    static String significant(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return number(x, 0);
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        double a = Math.abs(r.doubleValue());
        if (a >= 1e9 || a < 1e-6) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
        }
        return r.toPlainString();
    }

    /**
     * A number with {@code precision} digits after the point, in a locale-independent form.
     * Numbers that would print as zero but are not, and very large ones, use scientific
     * notation instead, so nothing is silently shown as 0. Negative zero prints as zero.
     */
    static String number(double x, int precision) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "-∞";
        }
        if (x == 0) {
            return String.format(Locale.ROOT, "%." + precision + "f", 0.0);
        }
        double a = Math.abs(x);
        if (a >= 1e7 || a < 0.5 * Math.pow(10, -precision)) {
            return String.format(Locale.ROOT, "%." + Math.max(precision, 1) + "e", x);
        }
        return String.format(Locale.ROOT, "%." + precision + "f", x);
    }
}
