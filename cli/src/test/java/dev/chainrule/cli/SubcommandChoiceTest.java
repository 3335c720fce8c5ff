package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Main builds only the subcommand its first word names (for start-up time); this must not change
 * what any command line prints or returns, so each case runs against that command line and
 * against the one with every subcommand, and the two must agree to the byte.
 */
class SubcommandChoiceTest {

    @Test
    void theListNamesEveryCommandInHelpOrderUnderItsOwnName() {
        CommandLine all = Main.commandLine(new Io(System.out, System.err));
        assertEquals(Main.SUBCOMMANDS, new ArrayList<>(all.getSubcommands().keySet()));
        for (String name : Main.SUBCOMMANDS) {
            CommandLine one = Main.commandLine(new Io(System.out, System.err), name, "--help");
            assertEquals(Set.of(name), one.getSubcommands().keySet(), name);
        }
    }

    @Test
    void anythingButASubcommandFirstGetsEveryCommand() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"--version", "grad"},
                new String[] {"gard"}, new String[] {"--time-limit", "5", "grad"}, new String[] {"Grad"})) {
            CommandLine cl = Main.commandLine(new Io(System.out, System.err), args);
            assertEquals(Main.SUBCOMMANDS, new ArrayList<>(cl.getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void theVersionAloneNeedsNoSubcommandAndPrintsTheSame() {
        for (String flag : List.of("--version", "-V")) {
            assertEquals(0, Main.commandLine(new Io(System.out, System.err), flag).getSubcommands().size());
            Run alone = Run.of(false, flag);
            assertEquals(Run.of(true, flag), alone);
            assertEquals(0, alone.code);
            assertTrue(alone.out.startsWith("chainrule "), alone.out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"grad", "check", "render", "slides", "explain", "gradcheck", "train", "plot", "example",
        "studio", "shell"})
    void eachCommandsHelpIsTheSameBuiltAloneAsWithTheOthers(String name) {
        Run alone = Run.of(false, name, "--help");
        Run all = Run.of(true, name, "--help");
        assertEquals(0, alone.code);
        assertEquals(all, alone);
        assertTrue(alone.out.startsWith("Usage: chainrule " + name), alone.out);
    }

    @Test
    void theFunctionListIsInGradsHelpAndTheActivationsInPlots() {
        assertTrue(Run.of(false, "grad", "--help").out.contains("\nFunctions ("));
        assertTrue(Run.of(false, "plot", "-h").out.contains("\nActivations: "));
        assertTrue(Run.of(true, "grad", "-h").out.contains("\nFunctions ("));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "grad", "grad --bogus", "grad f=x --at", "grad f=x --at x=1 extra", "grad f=x --max-input-mb 0",
        "grad f=x --time-limit -1", "grad --at x=1 -hx", "check --lr abc", "plot --bogus", "plot nosuch",
        "train", "gradcheck --trials 1.5", "example --nope", "shell --bogus", "studio --port x", "render",
        "slides --help --bogus"})
    void errorsAreTheSameBuiltAloneAsWithTheOthers(String line) {
        String[] args = line.split(" ");
        Run alone = Run.of(false, args);
        Run all = Run.of(true, args);
        assertEquals(all, alone, line);
        // Every line is an error except the two that ask for help (-hx is -h and -x).
        assertTrue(alone.code != 0 || line.contains("-h"), line + " exit " + alone.code);
    }

    /** What a command line printed and returned. */
    private record Run(int code, String out, String err) {
        static Run of(boolean everyCommand, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            Limits.reset();
            CommandLine cl = everyCommand ? Main.commandLine(io) : Main.commandLine(io, args);
            if (everyCommand) {
                assertEquals(Main.SUBCOMMANDS.size(), cl.getSubcommands().size());
            }
            int code = cl.execute(args);
            io.out().flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
