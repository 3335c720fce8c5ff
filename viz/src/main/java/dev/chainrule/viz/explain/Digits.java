package dev.chainrule.viz.explain;

import dev.chainrule.engine.NumberText;

/**
 * Numbers as a derivation prints them: {@link NumberText#significant} (9 significant digits by
 * default, as the course material prints its figures, trailing zeros dropped, plain decimals from
 * 1e-6 to 1e15), written in the notation's own minus sign, infinity and powers of ten.
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
        String s = NumberText.significant(x, digits);  // 1.2345e-7 outside 1e-6..1e15
        int at = s.indexOf('e');
        if (at >= 0) {
            String mantissa = s.substring(0, at);
            String exponent = s.substring(at + 1);
            s = switch (notation) {
                case LATEX -> mantissa + " \\times 10^{" + exponent + "}";
                case ASCII -> s;
                case UNICODE -> mantissa + "e" + exponent.replace('-', '−');
            };
        }
        return s.startsWith("-") ? minus(notation) + s.substring(1) : s;
    }

    private static String minus(Notation notation) {
        return notation == Notation.UNICODE ? "−" : "-";
    }
}
