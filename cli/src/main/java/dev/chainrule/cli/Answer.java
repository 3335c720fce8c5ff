package dev.chainrule.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the user's own answers, as they wrote it: a value ({@code out_h1 = 0.5932}), a gradient
 * ({@code dE/dw5 = 0.082167041} or {@code ∂E/∂w5 = ...}) or an updated value
 * ({@code w5' = 0.35891648} or {@code new w5 = ...}).
 *
 * @param line      the 1-based line it was on
 * @param written   the answer as written (trimmed, comment removed)
 * @param kind      what it is an answer for
 * @param node      the node it is about (the w of dE/dw)
 * @param of        for a gradient, the node differentiated (the E of dE/dw); otherwise null
 * @param value     the user's number
 * @param tolerance half a unit in the last digit the user wrote
 */
record Answer(int line, String written, Kind kind, String node, String of, double value, double tolerance) {

    /** What an answer is for. */
    enum Kind { VALUE, GRADIENT, UPDATED }

    private static final Pattern NUMBER = Pattern.compile(
            "^([+\\-\u2212]?)(\\d*)(?:\\.(\\d*))?(?:[eE]([+\\-]?\\d+))?");

    /** Parses every answer in {@code text}: one per line (or separated by ';'), '#' comments. */
    static List<Answer> parseAll(String text) {
        List<Answer> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String part : lines[i].split(";")) {
                String s = part;
                int hash = s.indexOf('#');
                if (hash >= 0) {
                    s = s.substring(0, hash);
                }
                s = s.strip();
                if (!s.isEmpty()) {
                    out.add(parse(i + 1, s));
                }
            }
        }
        return out;
    }

    static Answer parse(int line, String s) {
        int eq = indexOfAny(s, "=≈");
        if (eq < 0) {
            eq = s.indexOf(':');
        }
        if (eq <= 0) {
            throw new UserError("answer on line " + line + " '" + s + "': expected NAME = NUMBER, as in "
                    + "q = 3, dE/dw5 = 0.0822 or w5' = 0.3589");
        }
        String lhs = s.substring(0, eq).strip();
        String rhs = s.substring(eq + 1).strip();
        Matcher m = NUMBER.matcher(rhs);
        if (!m.find() || m.group(2).isEmpty() && (m.group(3) == null || m.group(3).isEmpty())
                || !rhs.substring(m.end()).isBlank()) {
            throw new UserError("answer on line " + line + " '" + s + "': '" + rhs + "' is not a number");
        }
        String number = rhs.substring(0, m.end()).replace('\u2212', '-');
        double value = Double.parseDouble(number);
        int decimals = m.group(3) == null ? 0 : m.group(3).length();
        int exponent = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        double tolerance = new BigDecimal("0.5").scaleByPowerOfTen(exponent - decimals).doubleValue();

        String compact = lhs.replaceAll("\\s+", "");
        int slash = compact.indexOf('/');
        if (slash >= 0) {
            String num = compact.substring(0, slash);
            String den = compact.substring(slash + 1);
            if (!isDifferential(num) || !isDifferential(den)) {
                throw new UserError("answer on line " + line + " '" + s + "': write a gradient as dE/dw5 or ∂E/∂w5");
            }
            return new Answer(line, s, Kind.GRADIENT, den.substring(1), num.substring(1), value, tolerance);
        }
        if (lhs.regionMatches(true, 0, "new ", 0, 4)) {
            return new Answer(line, s, Kind.UPDATED, lhs.substring(4).strip(), null, value, tolerance);
        }
        if (compact.endsWith("'") || compact.endsWith("’") || compact.endsWith("′")) {
            return new Answer(line, s, Kind.UPDATED, compact.substring(0, compact.length() - 1), null, value,
                    tolerance);
        }
        return new Answer(line, s, Kind.VALUE, lhs, null, value, tolerance);
    }

    private static boolean isDifferential(String s) {
        return s.length() > 1 && (s.charAt(0) == 'd' || s.charAt(0) == '∂');
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The left-hand side as written, such as "dE/dw5". */
    String subject() {
        int eq = indexOfAny(written, "=≈");
        return (eq < 0 ? written.substring(0, written.indexOf(':')) : written.substring(0, eq)).strip();
    }

    /** The number as written, such as "-0.022602540". */
    String writtenValue() {
        int eq = indexOfAny(written, "=≈");
        return written.substring((eq < 0 ? written.indexOf(':') : eq) + 1).strip();
    }

    /**
     * Whether {@code x} agrees with the user's number within twice the tolerance: looser than
     * {@link #matches}, because a mistaken answer is often a slip applied to an already rounded
     * number (2 × 0.000438568 is 0.000877136, while 2 × the exact value rounds to 0.000877135).
     */
    boolean near(double x) {
        return Double.isFinite(x) && Math.abs(value - x) <= 2 * tolerance * (1 + 1e-9);
    }

    /**
     * Whether the answer points to {@code candidate} (a likely mistake) rather than being a rough
     * {@code actual}: it is {@link #near} the candidate, and the two differ by more than the
     * precision written can blur. Without the second condition a one-digit answer such as
     * {@code 0.1} for a true −0.0226 would be called a flipped sign.
     */
    boolean pointsTo(double candidate, double actual) {
        return near(candidate) && Math.abs(candidate - actual) > 2 * tolerance;
    }

    /** How many significant digits the user wrote: 3 for 0.0123, 4 for 1.230e5. */
    int significantDigits() {
        String mantissa = writtenValue().split("[eE]")[0].replaceAll("[^0-9]", "");
        return mantissa.replaceFirst("^0+", "").length();
    }

    /** The same answer judged with another tolerance. */
    Answer withTolerance(double t) {
        return new Answer(line, written, kind, node, of, value, t);
    }

    /** Whether {@code x} agrees with the user's number within the tolerance. */
    boolean matches(double x) {
        return Double.isFinite(x) && Math.abs(value - x) <= tolerance * (1 + 1e-9);
    }
}
