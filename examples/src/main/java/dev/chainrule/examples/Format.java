package dev.chainrule.examples;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting shared by the examples' printed reports. */
final class Format {

    private Format() {
    }

    /** A number with the fewest digits that still reads back exactly ({@code -4}, {@code 0.5}). */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A number rounded to {@code decimals} places, always with a dot. */
    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A number in scientific notation with {@code decimals} digits after the point: 3.5102e-05. */
    static String sci(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "e", v);
    }
}
