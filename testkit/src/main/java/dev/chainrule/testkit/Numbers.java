package dev.chainrule.testkit;

import java.math.BigDecimal;

/** Number formatting shared by expression text and reports. */
final class Numbers {
    private Numbers() {
    }

    /** Plain decimal text, shortest round-trip digits, no exponent and no trailing ".0" (2, 0.5, -1.25). */
    static String format(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
