package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads answers in the course material's notation, one per line or separated by {@code ;}, with
 * {@code #} comments. A line that cannot be read becomes an {@link Unreadable} and the others are
 * still read.
 *
 * <ul>
 *   <li>values: {@code out_h1 = 0.5933} (also {@code ≈} or {@code :});</li>
 *   <li>gradients: {@code dE/dw5}, {@code ∂E/∂w5}, {@code δE/δw5}, {@code dE_total/dw5};</li>
 *   <li>updated values: {@code w5'}, {@code w5′}, {@code w5+}, {@code w5⁺}, {@code new w5},
 *       {@code w5 new}, {@code w5_new};</li>
 *   <li>steps: {@code Δw5} (the change −η·∂E/∂w5).</li>
 * </ul>
 * A name for the loss ({@code E}, {@code E_total}, {@code L}, {@code loss}) stands for the output
 * when the program has no node of that name.
 */
final class AnswerParser {
    /** Names a student may use for the loss when the program calls it something else. */
    static final Set<String> LOSS_NAMES = Set.of("E", "E_total", "Etotal", "E_tot", "L", "loss", "Loss", "J");
    private static final String UPDATED_SUFFIXES = "'’′+⁺";

    private final Network network;

    AnswerParser(Network network) {
        this.network = network;
    }

    /** One read line: an answer or what was wrong with it. */
    record Entry(Answer answer, Unreadable unreadable) {
    }

    List<Entry> parseAll(String text) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = hash >= 0 ? line.substring(0, hash) : line;
            int from = 0;
            while (from <= body.length()) {
                int semi = body.indexOf(';', from);
                int to = semi < 0 ? body.length() : semi;
                String part = body.substring(from, to);
                if (!part.isBlank()) {
                    int lead = 0;
                    while (Character.isWhitespace(part.charAt(lead))) {
                        lead++;
                    }
                    out.add(parse(i + 1, from + lead, part.strip()));
                }
                from = to + 1;
            }
        }
        return out;
    }

    /**
     * Reads one answer.
     *
     * @param line   the 1-based line
     * @param offset where {@code s} starts in the line (0-based)
     * @param s      the answer, trimmed
     */
    Entry parse(int line, int offset, String s) {
        int eq = indexOfAny(s, "=≈");
        if (eq < 0) {
            eq = s.indexOf(':');
        }
        if (eq <= 0) {
            return bad(line, offset + Math.max(eq, 0), s, "expected NAME = NUMBER, as in q = 3, dE/dw5 = 0.0822 or "
                    + "w5' = 0.3589");
        }
        String lhs = s.substring(0, eq).strip();
        String rhs = s.substring(eq + 1).strip();
        int numberColumn = offset + s.indexOf(rhs.isEmpty() ? s.substring(eq) : rhs, eq + 1);
        if (rhs.isEmpty()) {
            return bad(line, offset + eq + 1, s, "no number after '" + s.charAt(eq) + "'");
        }
        WrittenNumber number;
        try {
            number = WrittenNumber.parse(rhs);
        } catch (IllegalArgumentException e) {
            return bad(line, numberColumn, s, e.getMessage());
        }
        String compact = lhs.replaceAll("\\s+", "");
        Quantity q;
        int slash = compact.indexOf('/');
        if (slash >= 0) {
            String num = compact.substring(0, slash);
            String den = compact.substring(slash + 1);
            if (!isDifferential(num) || !isDifferential(den)) {
                return bad(line, offset, s, "write a gradient as dE/dw5, ∂E/∂w5 or δE/δw5");
            }
            String of = resolve(num.substring(1));
            String node = den.substring(1);
            if (!network.has(of)) {
                return bad(line, offset, s, unknown(num.substring(1)));
            }
            if (!network.has(node)) {
                return bad(line, offset + lhs.indexOf(node), s, unknown(node));
            }
            q = new Quantity(Quantity.Kind.GRADIENT, node, of);
        } else {
            String updated = updatedName(lhs);
            if (updated != null) {
                q = new Quantity(Quantity.Kind.UPDATED, updated, null);
            } else if (compact.startsWith("Δ") || compact.startsWith("∆")) {
                q = new Quantity(Quantity.Kind.STEP, compact.substring(1), null);
            } else {
                q = new Quantity(Quantity.Kind.VALUE, resolve(compact), null);
            }
            if (!network.has(q.node())) {
                return bad(line, offset + Math.max(0, lhs.indexOf(q.node())), s, unknown(q.node()));
            }
        }
        if (q.kind() == Quantity.Kind.UPDATED || q.kind() == Quantity.Kind.STEP) {
            String problem = network.whyNotUpdated(q.node());
            if (problem != null) {
                return bad(line, offset, s, problem);
            }
        }
        return new Entry(new Answer(line, offset + 1, s, lhs, q, number), null);
    }

    private String unknown(String name) {
        return "the program has no node named '" + name + "'; its nodes are " + Names.list(network.names());
    }

    /** The output's name for a loss name the program does not have, else the name itself. */
    private String resolve(String name) {
        return !network.has(name) && LOSS_NAMES.contains(name) ? network.outputName() : name;
    }

    /** The parameter an updated-value answer names (w5 of w5', new w5, w5 new), or null. */
    private static String updatedName(String lhs) {
        String s = lhs.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("new ")) {
            return s.substring(4).strip();
        }
        for (String suffix : new String[] {" new", "_new", "^new", "(new)", "^+", "^{+}"}) {
            if (lower.endsWith(suffix) && s.length() > suffix.length()) {
                return s.substring(0, s.length() - suffix.length()).strip();
            }
        }
        if (s.length() > 1 && UPDATED_SUFFIXES.indexOf(s.charAt(s.length() - 1)) >= 0) {
            return s.substring(0, s.length() - 1).strip();
        }
        return null;
    }

    private static boolean isDifferential(String s) {
        return s.length() > 1 && "d∂δ".indexOf(s.charAt(0)) >= 0;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Entry bad(int line, int offset, String s, String message) {
        return new Entry(null, new Unreadable(line, offset + 1, s, message));
    }
}
