package dev.chainrule.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: without a subcommand it prints the list of subcommands. */
@Command(name = "chainrule", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = {"Autograd you can read: every value and gradient of your expression or network,",
            "and which of your own numbers is wrong."},
        footer = {"", "Examples:",
            "  chainrule grad \"f = (x + y)·z\" --at x=-2,y=5,z=-4",
            "  chainrule check homework.txt --expect answers.txt --lr 0.5",
            "  chainrule example --list",
            "", "Run 'chainrule COMMAND --help' for each command's options."})
final class ChainruleCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

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
