package dev.chainrule.engine;

/**
 * How the engine writes a number for people and for programs alike: whole numbers without a
 * trailing {@code .0} ({@code 2}, {@code -12}), everything else as {@link Double#toString(double)}
 * ({@code 0.5}, {@code 1.0E-7}), which parses back to the same double.
 *
 * <pre>{@code
 * NumberText.compact(2.0)    // "2"
 * NumberText.compact(0.01)   // "0.01"
 * }</pre>
 */
public final class NumberText {
    private NumberText() {
    }

    /** {@code x} in the shortest form that reads back as the same double, with no trailing ".0". */
    public static String compact(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
