package dev.chainrule.engine.expr;

import java.util.regex.Pattern;

/**
 * The one number syntax of Chainrule: decimal numbers as people write them ({@code 2}, {@code -0.5},
 * {@code .5}, {@code 1e-3}, a Unicode minus {@code −2}), as the expression language reads them
 * and as every numeric command-line option takes them. Java's own parser also takes {@code NaN},
 * {@code Infinity}, hex floats ({@code 0x1p3}) and type suffixes ({@code 1d}); these are refused.
 *
 * <p>A number is refused, with the reason, when it does not fit a double: too large (it would be
 * infinite) or too small (a number that is not zero would become 0). Both would silently change
 * what the user wrote.
 *
 * <pre>{@code
 * NumberLiteral.parse("-2.5e-3");  // -0.0025
 * NumberLiteral.parse("1e-400");   // IllegalArgumentException: '1e-400' is too small for a double ...
 * }</pre>
 */
public final class NumberLiteral {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberLiteral() {
    }

    /**
     * The number {@code text} spells.
     *
     * @param text the text
     * @return the number {@code text} spells
     * @throws IllegalArgumentException if it is not a decimal number, or does not fit a double;
     *     the message says which, with an example of what is accepted
     */
    public static double parse(String text) {
        String t = text.trim().replace('\u2212', '-');
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number; write a decimal number such as "
                    + "2, -0.5 or 1e-3");
        }
        double v = Double.parseDouble(t);
        String problem = rangeProblem(t, v);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return v;
    }

    /**
     * Why the decimal {@code literal}, parsed as {@code value}, does not fit a double, or null if it
     * does: infinite (too large), or 0 although a digit other than 0 appears before the exponent
     * (too small). Subnormal numbers (down to 4.9e-324) fit.
     */
    static String rangeProblem(String literal, double value) {
        if (Double.isInfinite(value)) {
            return "'" + literal + "' is too large for a double (the largest is about 1.8e308)";
        }
        if (value == 0 && hasNonZeroDigit(literal)) {
            return "'" + literal + "' is too small for a double: it would become 0 (the smallest is about 4.9e-324)";
        }
        return null;
    }

    private static boolean hasNonZeroDigit(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
