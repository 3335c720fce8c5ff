package dev.chainrule.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level command: without a subcommand it prints the list of subcommands. */
@Command(name = "chainrule", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = {"Autograd you can read: every value and gradient of your expression or network,",
            "and which of your own numbers is wrong."},
        footer = {"", "Examples:",
            "  chainrule grad \"f = (x + y)·z\" --at x=-2,y=5,z=-4",
            "  chainrule check cli/src/test/resources/mazur.txt --lr 0.5 --expect \"w5' = 0.35891648; dE/dw1 = 0.000438568\"",
            "  chainrule example --list",
            "", "Run 'chainrule COMMAND --help' for each command's options."})
final class ChainruleCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

    /** The input cap; an option of every command (inherited), so that its message can name it anywhere. */
    @Option(names = "--max-input-mb", paramLabel = "N", scope = ScopeType.INHERIT, order = 900,
            description = "refuse a program, answers or data file larger than N MiB (default: 64)")
    void maxInputMb(int mb) {
        if (mb < 1) {
            throw new ParameterException(spec.commandLine(), "--max-input-mb must be at least 1, not " + mb);
        }
        Limits.setMaxInputMb(mb);
    }

    /** The time limit, an option of every command. */
    @Option(names = "--time-limit", paramLabel = "SECONDS", scope = ScopeType.INHERIT, order = 901,
            description = "stop with an error after SECONDS (default: 600; 0 for no limit)")
    void timeLimit(int seconds) {
        if (seconds < 0) {
            throw new ParameterException(spec.commandLine(), "--time-limit must be 0 (no limit) or more, not " + seconds);
        }
        Limits.setTimeLimitSeconds(seconds);
    }

    ChainruleCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.err().println("error: say which command to run");
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return 2;
    }
}
