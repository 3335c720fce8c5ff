package dev.chainrule.viz.explain;

import java.util.Locale;
import java.util.Map;

/**
 * The user's names (and other text) in each notation. In Unicode a name is written as it is. In
 * ASCII Greek letters are spelled out (α → alpha) and any other non-ASCII character is written
 * {@code <U+00E9>}, so nothing is dropped. In LaTeX the first {@code _} starts a subscript
 * ({@code E_total} → {@code E_{total}}; later ones are printed), trailing digits of a name
 * without one become a subscript ({@code w5} → {@code w_{5}}), Greek letters become their
 * commands and anything else is boxed or escaped so that the fragment compiles.
 */
final class Names {
    private static final String[] GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
        "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "final sigma", "sigma", "tau", "upsilon",
        "phi", "chi", "psi", "omega"};
    /** Capitals LaTeX has commands for; the others look like Latin letters. */
    private static final String LATEX_CAPITALS = "ΓΔΘΛΞΠΣΥΦΨΩ";
    private static final String LATIN_LOOKALIKES = "ABGDEZHQIKLMNXOPRSSTYFXYW";
    private static final Map<Character, String> ASCII_SYMBOLS = Map.ofEntries(Map.entry('·', "*"),
            Map.entry('×', "*"), Map.entry('−', "-"), Map.entry('½', "1/2"), Map.entry('²', "^2"),
            Map.entry('³', "^3"), Map.entry('∂', "d"), Map.entry('√', "sqrt"), Map.entry('≥', ">="),
            Map.entry('≤', "<="), Map.entry('≠', "!="), Map.entry('∞', "inf"), Map.entry('⁺', "'"),
            Map.entry('′', "'"), Map.entry('…', "..."), Map.entry('—', "-"), Map.entry('–', "-"));

    private Names() {
    }

    /** The Greek letter's name (α → alpha, Ω → Omega), or null if {@code c} is not one. */
    static String greek(int c) {
        if (c >= 'α' && c <= 'ω') {
            return c == 'ς' ? "sigma" : GREEK[c - 'α'];
        }
        if (c >= 'Α' && c <= 'Ω' && c != 0x3A2) {
            String n = GREEK[c - 'Α'];
            return Character.toUpperCase(n.charAt(0)) + n.substring(1);
        }
        return null;
    }

    /** {@code text} in plain ASCII, nothing dropped. */
    static String ascii(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 128) {
                b.appendCodePoint(c);
                return;
            }
            String g = greek(c);
            String s = ASCII_SYMBOLS.get((char) c);
            if (g != null) {
                b.append(g);
            } else if (s != null && c <= 0xFFFF) {
                b.append(s);
            } else {
                b.append(String.format(Locale.ROOT, "<U+%04X>", c));
            }
        });
        return b.toString();
    }

    /** A name in LaTeX math. */
    static String latex(String name) {
        if (name.isEmpty()) {
            return "{}";
        }
        int underscore = name.indexOf('_');
        if (underscore > 0 && underscore < name.length() - 1) {
            return latexPart(name.substring(0, underscore)) + "_{" + latexPart(name.substring(underscore + 1)) + "}";
        }
        int digits = name.length();
        while (digits > 0 && Character.isDigit(name.charAt(digits - 1)) && name.charAt(digits - 1) < 128) {
            digits--;
        }
        if (digits > 0 && digits < name.length() && underscore < 0) {
            return latexPart(name.substring(0, digits)) + "_{" + name.substring(digits) + "}";
        }
        return latexPart(name);
    }

    /** Text (no subscripts) in LaTeX math: letters and digits as they are, everything else made safe. */
    static String latexPart(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                b.appendCodePoint(c);
            } else if (c < 128) {
                b.append(switch (c) {
                    case '_' -> "\\_";
                    case '#' -> "\\#";
                    case '$' -> "\\$";
                    case '%' -> "\\%";
                    case '&' -> "\\&";
                    case '{' -> "\\{";
                    case '}' -> "\\}";
                    case '\\' -> "\\backslash{}";
                    case '~' -> "\\sim{}";
                    case '^' -> "\\wedge{}";
                    case ' ' -> "\\ ";
                    case '\'' -> "'";
                    default -> c < 32 || c == 127 ? String.format(Locale.ROOT, "\\mbox{U+%04X}", c)
                            : "\\mbox{" + (char) c + "}";
                });
            } else {
                String g = greek(c);
                if (g != null && Character.isLowerCase(c)) {
                    b.append("{\\").append(g.equals("omicron") ? "o" : g.equals("final sigma") ? "varsigma" : g)
                            .append('}');
                } else if (g != null && LATEX_CAPITALS.indexOf(c) >= 0) {
                    b.append("{\\").append(g).append('}');
                } else if (g != null) {
                    b.append(LATIN_LOOKALIKES.charAt(c - 'Α'));
                } else {
                    b.append(String.format(Locale.ROOT, "\\mbox{U+%04X}", c));
                }
            }
        });
        return b.toString();
    }

    /** Plain text for LaTeX text mode (inside {@code \mbox{}}): specials escaped, non-ASCII spelled out. */
    static String latexText(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii(text).toCharArray()) {
            b.append(switch (c) {
                case '_' -> "\\_";
                case '#' -> "\\#";
                case '$' -> "\\$";
                case '%' -> "\\%";
                case '&' -> "\\&";
                case '{' -> "\\{";
                case '}' -> "\\}";
                case '\\' -> "\\textbackslash{}";
                case '~' -> "\\textasciitilde{}";
                case '^' -> "\\textasciicircum{}";
                case '<' -> "\\textless{}";
                case '>' -> "\\textgreater{}";
                case '|' -> "\\textbar{}";
                default -> c < 32 || c == 127 ? "?" : String.valueOf(c);
            });
        }
        return b.toString();
    }
}
