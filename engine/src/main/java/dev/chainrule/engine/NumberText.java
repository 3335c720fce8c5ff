package dev.chainrule.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How the engine writes a number for people and for programs alike: whole numbers without a
 * trailing {@code .0} ({@code 2}, {@code -12}), everything else as {@link Double#toString(double)}
 * ({@code 0.5}, {@code 1.0E-7}), which parses back to the same double.
 *
 * <pre>{@code
 * NumberText.compact(2.0)    // "2"
 * NumberText.compact(0.01)   // "0.01"
 * NumberText.significant(0.5932699921071872, 10)  // "0.5932699921"
 * }</pre>
 */
public final class NumberText {
    private NumberText() {
    }

    /**
     * {@return {@code x} in the shortest form that reads back as the same double, with no trailing ".0"}
     *
     * @param x the input
     */
    public static String compact(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    /**
     * {@code x} correctly rounded to {@code digits} significant digits, without trailing zeros:
     * 0.5932699921071872 at 10 is {@code 0.5932699921}, −12.0 is {@code -12}. Magnitudes from 1e-6
     * up to 1e15 print in plain notation, others with an exponent ({@code 1.5e-7}, {@code 2e20});
     * the non-finite print as {@code inf}, {@code -inf} and {@code nan}.
     *
     * @param x      the number
     * @param digits how many significant digits to keep, at least 1
     * @return the rounded text
     * @throws IllegalArgumentException if {@code digits} is less than 1
     */
    public static String significant(double x, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("significant digits must be at least 1, not " + digits);
        }
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros();
        double abs = Math.abs(x);
        if (abs >= 1e-6 && abs < 1e15) {
            return d.toPlainString();
        }
        return d.toString().replace("E+", "e").replace("E", "e");
    }
}
