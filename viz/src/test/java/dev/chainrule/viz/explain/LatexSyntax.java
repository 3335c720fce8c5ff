package dev.chainrule.viz.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small LaTeX syntax checker for the fragments derivations write (no LaTeX is installed and no
 * math renderer is on the test class path): comments stripped, every line a {@code \[ ... \]}
 * display, braces balanced inside each, only commands LaTeX defines without packages, each with
 * its arguments ({@code \frac} two groups, {@code \sqrt}, {@code \mbox} and {@code \mathrm} one),
 * no double subscript or superscript, nothing but ASCII, and text-mode specials escaped inside
 * {@code \mbox}.
 */
final class LatexSyntax {
    private static final Set<String> MATH = Set.of("frac", "partial", "cdot", "qquad", "quad", "mbox", "mathrm",
            "sqrt", "times", "infty", "ln", "log", "exp", "cos", "sin", "tanh", "backslash", "sim", "wedge",
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
            "nu", "xi", "o", "pi", "rho", "sigma", "varsigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");
    private static final Set<String> TEXT = Set.of("textbackslash", "textasciitilde", "textasciicircum",
            "textless", "textgreater", "textbar");
    private static final String ESCAPES = "_#$%&{} ";

    private LatexSyntax() {
    }

    /** The problems found; empty if the fragment would compile. */
    static List<String> problems(String fragment) {
        List<String> problems = new ArrayList<>();
        int lineNo = 0;
        for (String raw : fragment.split("\n", -1)) {
            lineNo++;
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            for (char c : line.toCharArray()) {
                if (c > 126 || c < 32) {
                    problems.add(lineNo + ": a character LaTeX may not read: U+" + Integer.toHexString(c));
                }
            }
            if (!line.startsWith("\\[") || !line.endsWith("\\]")) {
                problems.add(lineNo + ": not one display \\[ ... \\]: " + line);
                continue;
            }
            String body = line.substring(2, line.length() - 2);
            if (body.contains("\\[") || body.contains("\\]") || body.contains("$")) {
                problems.add(lineNo + ": display inside display: " + line);
            }
            check(body, lineNo, problems);
        }
        return problems;
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '%') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Checks one display's body in math mode. */
    private static void check(String s, int lineNo, List<String> problems) {
        int i = 0;
        char lastScript = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    if (j >= s.length() || ESCAPES.indexOf(s.charAt(j)) < 0) {
                        problems.add(lineNo + ": unknown escape at " + i + ": " + s);
                    }
                    i = j + 1;
                    lastScript = 0;
                    continue;
                }
                String command = s.substring(i + 1, j);
                if (!MATH.contains(command)) {
                    problems.add(lineNo + ": unknown command \\" + command);
                }
                i = j;
                int groups = command.equals("frac") ? 2 : Set.of("sqrt", "mbox", "mathrm").contains(command) ? 1 : 0;
                for (int g = 0; g < groups; g++) {
                    int end = group(s, i);
                    if (end < 0) {
                        problems.add(lineNo + ": \\" + command + " needs " + groups + " {group}" + (groups > 1 ? "s" : "")
                                + " at " + i + ": " + s);
                        return;
                    }
                    String inner = s.substring(i + 1, end);
                    if (command.equals("mbox")) {
                        checkText(inner, lineNo, problems);
                    } else {
                        check(inner, lineNo, problems);
                    }
                    i = end + 1;
                }
                lastScript = 0;
                continue;
            }
            if (c == '_' || c == '^') {
                if (lastScript == c) {
                    problems.add(lineNo + ": double " + (c == '_' ? "subscript" : "superscript") + " at " + i + ": " + s);
                }
                int end = i + 1 < s.length() && s.charAt(i + 1) == '{' ? group(s, i + 1) : i + 1;
                if (end < 0 || end >= s.length()) {
                    problems.add(lineNo + ": " + c + " without an argument at " + i + ": " + s);
                    return;
                }
                if (s.charAt(i + 1) == '{') {
                    check(s.substring(i + 2, end), lineNo, problems);
                }
                lastScript = c;
                i = end + 1;
                continue;
            }
            if (c == '{') {
                int end = group(s, i);
                if (end < 0) {
                    problems.add(lineNo + ": unbalanced { at " + i + ": " + s);
                    return;
                }
                check(s.substring(i + 1, end), lineNo, problems);
                i = end + 1;
                lastScript = 0;
                continue;
            }
            if (c == '}') {
                problems.add(lineNo + ": unbalanced } at " + i + ": " + s);
                return;
            }
            if ("#$%&~".indexOf(c) >= 0) {
                problems.add(lineNo + ": special character " + c + " at " + i + ": " + s);
            }
            if (c != ' ') {
                lastScript = 0;
            }
            i++;
        }
    }

    /** Text mode inside \mbox: specials must be escaped. */
    private static void checkText(String s, int lineNo, List<String> problems) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    if (j >= s.length() || "_#$%&{}".indexOf(s.charAt(j)) < 0) {
                        problems.add(lineNo + ": unknown text escape in \\mbox{" + s + "}");
                    }
                    i = j;
                    continue;
                }
                String command = s.substring(i + 1, j);
                if (!TEXT.contains(command)) {
                    problems.add(lineNo + ": unknown text command \\" + command);
                }
                if (j + 1 < s.length() && s.charAt(j) == '{' && s.charAt(j + 1) == '}') {
                    j += 2;
                }
                i = j - 1;
                continue;
            }
            if ("#$%&_^~{}".indexOf(c) >= 0) {
                problems.add(lineNo + ": unescaped " + c + " in \\mbox{" + s + "}");
            }
        }
    }

    /** The index of the } that closes the group opening at {@code open}, or -1. */
    private static int group(String s, int open) {
        if (open >= s.length() || s.charAt(open) != '{') {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
