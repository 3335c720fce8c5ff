package dev.chainrule.cli;

import dev.chainrule.engine.expr.NumberLiteral;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One number syntax for every numeric option ({@code --lr}, {@code --tol}, {@code --scale},
 * {@code --trials} ...), the same as {@code --at} and the expression language: decimals through
 * {@link NumberLiteral} (so {@code 0x1p3}, {@code 1d}, {@code NaN} and {@code Infinity} are
 * refused, and so is a number that does not fit a double), whole numbers as plain decimal digits
 * (a Unicode minus allowed), each refusal saying what is accepted. picocli's own double converter
 * takes {@code 0x1p3}, {@code 1d} and {@code NaN}.
 */
final class NumberOptions {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    private NumberOptions() {
    }

    /**
     * Installs the converters on {@code cl} and every subcommand it has now.
     *
     * <p>The converters are classes, not lambdas: picocli's interfaces come from a Java 5 class
     * file, and JDK 17 cannot put a lambda implementing one in the launcher's class-data archive,
     * so each such lambda would be generated again on every run (start-up time).
     */
    static void register(CommandLine cl) {
        Decimal decimal = new Decimal();
        cl.registerConverter(Double.class, decimal);
        cl.registerConverter(Double.TYPE, decimal);
        WholeInt wholeInt = new WholeInt();
        cl.registerConverter(Integer.class, wholeInt);
        cl.registerConverter(Integer.TYPE, wholeInt);
        WholeLong wholeLong = new WholeLong();
        cl.registerConverter(Long.class, wholeLong);
        cl.registerConverter(Long.TYPE, wholeLong);
    }

    /** Decimals, as {@link #decimal}. */
    private static final class Decimal implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            return decimal(text);
        }
    }

    /** Whole numbers that fit an {@code int}. */
    private static final class WholeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    /** Whole numbers that fit a {@code long}. */
    private static final class WholeLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return whole(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    static double decimal(String text) {
        try {
            return NumberLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static long whole(String text, long min, long max) {
        String t = text.trim().replace('\u2212', '-');
        if (!WHOLE.matcher(t).matches()) {
            throw new TypeConversionException("'" + text + "' is not a whole number; write decimal digits, such as 20");
        }
        try {
            long v = Long.parseLong(t);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // beyond long: the same message as beyond the type's range
        }
        throw new TypeConversionException("'" + text + "' is out of range (from " + min + " to " + max + ")");
    }
}
