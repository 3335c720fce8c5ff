package dev.chainrule.cli;

import java.util.List;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Small pieces for options built in code ({@code grad}'s, the root's and their mixins'), each of
 * which holds its own value after a parse.
 */
final class OptionsInCode {
    private OptionsInCode() {
    }

    /** A boolean option that is false unless given. */
    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).initialValue(false).description(description).build();
    }

    /** Whether the flag {@code option} was given. */
    static boolean isSet(OptionSpec option) {
        return Boolean.TRUE.equals(option.getValue());
    }

    /** A list option's values; empty when it was not given. */
    static List<String> list(OptionSpec option) {
        List<String> values = option.getValue();
        return values == null ? List.of() : values;
    }
}
