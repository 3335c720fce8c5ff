package dev.chainrule.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The top-level command: without a subcommand it prints the list of subcommands.
 *
 * <p>Every run builds it, so its model is built in code ({@link #spec()}) rather than read from
 * annotations by reflection: see {@link Main#commandLine(Io, String...)}.
 */
final class ChainruleCommand implements Callable<Integer> {
    private final Io io;

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    ChainruleCommand(Io io) {
        this.io = io;
        spec.name("chainrule");
        spec.versionProvider(new BuildVersion());
        spec.usageMessage()
                .description("Autograd you can read: every value and gradient of your expression or network,",
                        "and which of your own numbers is wrong.")
                .footer("", "Examples:",
                        "  chainrule grad \"f = (x + y)·z\" --at x=-2,y=5,z=-4",
                        "  chainrule check cli/src/test/resources/mazur.txt --lr 0.5 --expect \"w5' = 0.35891648; dE/dw1 = 0.000438568\"",
                        "  chainrule example --list",
                        "", "Run 'chainrule COMMAND --help' for each command's options.");
        // The input cap and the time limit: options of every command (inherited), so that their
        // messages can name them anywhere.
        MaxInputMb max = new MaxInputMb();
        TimeLimit time = new TimeLimit();
        spec.addOption(OptionSpec.builder("--max-input-mb").paramLabel("N").type(int.class)
                .scopeType(ScopeType.INHERIT).order(900)
                .description("refuse a program, answers or data file larger than N MiB (default: 64)")
                .hasInitialValue(false).setter(max).getter(max).build());
        spec.addOption(OptionSpec.builder("--time-limit").paramLabel("SECONDS").type(int.class)
                .scopeType(ScopeType.INHERIT).order(901)
                .description("stop with an error after SECONDS (default: 600; 0 for no limit)")
                .hasInitialValue(false).setter(time).getter(time).build());
        spec.addMixin(HelpOptions.NAME, HelpOptions.mixin());
    }

    /** The command's model: what its help shows and its parse fills in. */
    CommandSpec spec() {
        return spec;
    }

    /**
     * An option that sets a {@link Limits} value: checks it, sets it, and keeps the last one set
     * (what picocli's binding of an annotated setter method does).
     */
    private abstract static class LimitBinding implements IGetter, ISetter {
        private Object last;

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) last;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            apply((Integer) value);
            T before = (T) last;
            last = value;
            return before;
        }

        abstract void apply(int value);
    }

    /** {@code --max-input-mb}: at least 1. */
    private final class MaxInputMb extends LimitBinding {
        @Override
        void apply(int mb) {
            if (mb < 1) {
                throw new ParameterException(spec.commandLine(), "--max-input-mb must be at least 1, not " + mb);
            }
            Limits.setMaxInputMb(mb);
        }
    }

    /** {@code --time-limit}: 0 (no limit) or more. */
    private final class TimeLimit extends LimitBinding {
        @Override
        void apply(int seconds) {
            if (seconds < 0) {
                throw new ParameterException(spec.commandLine(), "--time-limit must be 0 (no limit) or more, not " + seconds);
            }
            Limits.setTimeLimitSeconds(seconds);
        }
    }

    @Override
    public Integer call() {
        io.err().println("error: say which command to run");
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return 2;
    }
}
