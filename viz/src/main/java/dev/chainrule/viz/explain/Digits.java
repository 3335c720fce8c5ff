package dev.chainrule.viz.explain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as a derivation prints them: rounded to a number of significant digits (9 by default,
 * as the course material prints its figures), trailing zeros dropped, plain decimals from 1e-6 to
 * 1e15 and powers of ten outside that range.
 */
final class Digits {
    /** The default: the course material's 0.082167041 and 0.186815602 have 9. */
    static final int DEFAULT = 9;

    private Digits() {
    }

    static String format(double x, int digits, Notation notation) {
        if (Double.isNaN(x)) {
            return notation == Notation.LATEX ? "\\mathrm{NaN}" : notation == Notation.ASCII ? "nan" : "NaN";
        }
        if (Double.isInfinite(x)) {
            String inf = notation == Notation.LATEX ? "\\infty" : notation == Notation.ASCII ? "inf" : "∞";
            return x > 0 ? inf : minus(notation) + inf;
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        double a = Math.abs(x);
        String s;
        if (a >= 1e-6 && a < 1e15) {
            s = d.toPlainString();
        } else {
            String e = d.toString();   // 1.2345E-7
            int at = e.indexOf('E');
            String mantissa = e.substring(0, at);
            String exponent = e.substring(at + 1).replace("+", "");
            s = switch (notation) {
                case LATEX -> mantissa + " \\times 10^{" + exponent + "}";
                case ASCII -> mantissa + "e" + exponent;
                case UNICODE -> mantissa + "e" + exponent.replace('-', '−');
            };
        }
        return s.startsWith("-") ? minus(notation) + s.substring(1) : s;
    }

    private static String minus(Notation notation) {
        return notation == Notation.UNICODE ? "−" : "-";
    }
}
