package dev.chainrule.checker;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as the student wrote it, with the precision its digits claim: 0.5932 stands for
 * anything in [0.59315, 0.59325], so its tolerance is half a unit in the last digit written.
 *
 * @param text              the number as written
 * @param value             the nearest double
 * @param tolerance         half a unit in the last digit written (never below half an ulp of the value)
 * @param significantDigits how many significant digits were written (0.0123 has 3; 0 has 1)
 */
record WrittenNumber(String text, double value, double tolerance, int significantDigits) {

    private static final Pattern NUMBER = Pattern.compile(
            "([+\\-\u2212]?)(\\d*)(?:\\.(\\d*))?(?:[eE]([+\\-\u2212]?)(\\d+))?");
    /** Beyond these decimal exponents a double holds nothing but infinity or zero. */
    private static final int LARGEST_EXPONENT = 308;
    private static final int SMALLEST_EXPONENT = -324;

    /**
     * Reads {@code text} (already trimmed), such as {@code 0.5932}, {@code -2.26e-2} or {@code −0.0226}.
     *
     * @throws IllegalArgumentException when it is not a number, or a double cannot hold it or the
     *                                  precision it claims; the message says which
     */
    static WrittenNumber parse(String text) {
        Matcher m = NUMBER.matcher(text);
        String whole = m.matches() ? m.group(2) : "";
        String decimals = m.matches() && m.group(3) != null ? m.group(3) : "";
        if (!m.matches() || whole.isEmpty() && decimals.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        boolean negative = !m.group(1).isEmpty() && m.group(1).charAt(0) != '+';
        BigInteger exponent = m.group(5) == null ? BigInteger.ZERO : new BigInteger(m.group(5));
        if (m.group(4) != null && !m.group(4).isEmpty() && m.group(4).charAt(0) != '+') {
            exponent = exponent.negate();
        }
        String digits = (whole + decimals).replaceFirst("^0+", "");
        // The exponent of the last digit written, and of the first significant one.
        BigInteger last = exponent.subtract(BigInteger.valueOf(decimals.length()));
        if (digits.isEmpty()) {
            if (last.compareTo(BigInteger.valueOf(LARGEST_EXPONENT)) > 0) {
                throw new IllegalArgumentException(text + " is zero to within 1e" + last
                        + ", a precision beyond the range of a double; write 0");
            }
            double tolerance = last.compareTo(BigInteger.valueOf(SMALLEST_EXPONENT)) < 0 ? Double.MIN_VALUE
                    : new BigDecimal("0.5").scaleByPowerOfTen(last.intValueExact()).doubleValue();
            return new WrittenNumber(text, negative ? -0.0 : 0.0, Math.max(tolerance, Double.MIN_VALUE), 1);
        }
        BigInteger first = last.add(BigInteger.valueOf(digits.length() - 1L));
        if (first.compareTo(BigInteger.valueOf(LARGEST_EXPONENT)) > 0) {
            throw new IllegalArgumentException(text + " is too large for a double (the largest is about 1.8e308)");
        }
        if (first.compareTo(BigInteger.valueOf(SMALLEST_EXPONENT)) < 0) {
            throw new IllegalArgumentException(text + " is too small for a double: it underflows to zero "
                    + "(the smallest is about 4.9e-324)");
        }
        BigDecimal exact = new BigDecimal(new BigInteger(digits), -last.intValueExact());
        double value = exact.doubleValue();
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(text + " is too large for a double (the largest is about 1.8e308)");
        }
        if (value == 0) {
            throw new IllegalArgumentException(text + " is too small for a double: it underflows to zero "
                    + "(the smallest is about 4.9e-324)");
        }
        double tolerance = new BigDecimal("0.5").scaleByPowerOfTen(last.intValueExact()).doubleValue();
        tolerance = Math.max(tolerance, Math.ulp(value) / 2);
        return new WrittenNumber(text, negative ? -value : value, tolerance, digits.length());
    }

    /** Whether {@code x} rounds to this number at the precision written. */
    boolean matches(double x) {
        return Double.isFinite(x) && Math.abs(value - x) <= tolerance * (1 + 1e-9);
    }

    /**
     * Whether {@code x} agrees with this number within twice the tolerance: looser than
     * {@link #matches}, because a number made with a mistake is often computed from already
     * rounded numbers (2 × 0.000438568 is 0.000877136, while 2 × the exact value rounds to 0.000877135).
     */
    boolean near(double x) {
        return Double.isFinite(x) && Math.abs(value - x) <= 2 * tolerance * (1 + 1e-9);
    }

    /** This number judged with another tolerance. */
    WrittenNumber withTolerance(double t) {
        return new WrittenNumber(text, value, t, significantDigits);
    }
}
