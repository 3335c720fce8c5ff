package dev.chainrule.checker;

import dev.chainrule.engine.NumberText;
import java.math.BigDecimal;
import java.math.MathContext;

/** How the checker prints numbers: rounded to a number of significant digits. */
final class Decimal {
    private Decimal() {
    }

    /** {@code x} rounded to {@code digits} significant digits, without trailing zeros (0.5932699921, 0.36). */
    static String human(double x, int digits) {
        return NumberText.significant(x, digits);
    }

    /**
     * {@code x} rounded to {@code digits} significant digits, keeping trailing zeros (0.7999995,
     * 0.80), as a student would write it.
     */
    static String written(double x, int digits) {
        if (x == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(digits));
        double abs = Math.abs(x);
        return abs >= 1e-6 && abs < 1e15 ? d.toPlainString() : d.toString().replace("E+", "e").replace("E", "e");
    }

    /**
     * The fewest significant digits at which {@code truth}, correctly rounded, no longer also
     * matches {@code other}; 17 if none does (they are the same double or nearly).
     */
    static int decidingDigits(double truth, double other) {
        for (int d = 1; d <= 17; d++) {
            WrittenNumber w = WrittenNumber.parse(written(truth, d));
            if (!w.matches(other)) {
                return d;
            }
        }
        return 17;
    }
}
