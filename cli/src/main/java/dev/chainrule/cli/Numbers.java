package dev.chainrule.cli;

import dev.chainrule.engine.NumberText;
import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers print: rounded for people, exact for machines. */
final class Numbers {
    private Numbers() {
    }

    /**
     * {@code x} rounded to {@code digits} significant digits, without trailing zeros:
     * 0.5932699921071872 prints as 0.5932699921, −12.0 as −12. Non-finite values print as inf,
     * -inf and nan.
     */
    static String human(double x, int digits) {
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

    /**
     * {@code x} at full double precision (it parses back to the same double), without a trailing
     * ".0" for whole numbers; non-finite values give {@code null}, as JSON has no spelling for them.
     */
    static String exact(double x) {
        return Double.isFinite(x) ? NumberText.compact(x) : "null";
    }
}
