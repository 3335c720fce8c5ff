package dev.chainrule.cli;

import java.util.Arrays;
import java.util.Locale;

/** Picks one of an enum's constants by the name a user typed, for every option that names one. */
final class Choice {
    private Choice() {
    }

    /**
     * The constant whose name is {@code value}, ignoring case, with {@code -} read as {@code _}
     * ({@code leaky-relu} is LEAKY_RELU).
     *
     * @throws UserError naming the option and listing the choices, if there is none
     */
    static <E extends Enum<E>> E choose(String option, String value, E[] values) {
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return e;
            }
        }
        throw new UserError(option + " " + value + ": use one of "
                + String.join(", ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
