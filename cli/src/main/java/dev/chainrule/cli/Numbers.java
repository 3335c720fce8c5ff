package dev.chainrule.cli;

import dev.chainrule.engine.NumberText;

/** How numbers print: rounded for people, exact for machines. */
final class Numbers {
    private Numbers() {
    }

    /** {@code x} rounded to {@code digits} significant digits, without trailing zeros (−12.0 prints as −12). */
    static String human(double x, int digits) {
        return NumberText.significant(x, digits);
    }

    /**
     * {@code x} at full double precision (it parses back to the same double), without a trailing
     * ".0" for whole numbers; non-finite values give {@code null}, as JSON has no spelling for them.
     */
    static String exact(double x) {
        return Double.isFinite(x) ? NumberText.compact(x) : "null";
    }
}
