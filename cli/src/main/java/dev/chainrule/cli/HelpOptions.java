package dev.chainrule.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version}, as picocli's {@code mixinStandardHelpOptions}
 * defines them, built in code: that attribute makes picocli read its own annotated class by
 * reflection, which costs a short command much of its start-up (see {@link Main#commandLine(Io,
 * String...)}). The commands built in code mix this in, last, under the name picocli gives its
 * own, so {@link CommandSpec#mixinStandardHelpOptions()} still says true; the annotated ones keep
 * picocli's, and CommandsBuiltInCodeTest checks that the two define the same options.
 */
final class HelpOptions {
    /** The mixin's name: picocli's for its standard help options. */
    static final String NAME = "mixinStandardHelpOptions";
    /** The version option's short name. */
    static final String VERSION_SHORT = "-V";
    /** The version option's long name. */
    static final String VERSION = "--version";

    private HelpOptions() {
    }

    /**
     * A new mixin with the two options (an option belongs to one command, so each gets its own).
     * The labels are never shown (the options take no value); they are picocli's field names.
     */
    static CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(OptionSpec.builder("-h", "--help").paramLabel("<helpRequested>").usageHelp(true)
                .type(boolean.class).initialValue(false).descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.").build());
        mixin.addOption(OptionSpec.builder(VERSION_SHORT, VERSION).paramLabel("<versionRequested>").versionHelp(true)
                .type(boolean.class).initialValue(false).descriptionKey("mixinStandardHelpOptions.version")
                .description("Print version information and exit.").build());
        return mixin;
    }
}
