package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Main tells picocli not to make its converters for the types in {@link Main#UNUSED_CONVERTER_TYPES}
 * (start-up time). That can change nothing only while no option or parameter of any command has
 * such a type; and with the converters left out, command lines print and return what they did.
 */
class ConverterTypesTest {

    @Test
    void noOptionOrParameterOfAnyCommandHasATypeWhoseConverterIsLeftOut() {
        CommandLine root = Main.commandLine(new Io(System.out, System.err));
        List<CommandLine> commands = new ArrayList<>();
        commands.add(root);
        commands.addAll(root.getSubcommands().values());
        int checked = 0;
        for (CommandLine c : commands) {
            for (ArgSpec arg : c.getCommandSpec().args()) {
                List<Class<?>> types = new ArrayList<>(List.of(arg.auxiliaryTypes()));
                types.add(arg.type());
                for (Class<?> t : types) {
                    assertFalse(t.getName().matches(Main.UNUSED_CONVERTER_TYPES),
                            c.getCommandName() + " " + arg + " has type " + t.getName());
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "checked only " + checked + " types");
        // The pattern does match what it is meant to leave out.
        assertTrue(java.time.Duration.class.getName().matches(Main.UNUSED_CONVERTER_TYPES));
        assertTrue(java.sql.Timestamp.class.getName().matches(Main.UNUSED_CONVERTER_TYPES));
        assertFalse(java.nio.file.Path.class.getName().matches(Main.UNUSED_CONVERTER_TYPES));
    }

    @Test
    void commandLinesPrintTheSameWithTheConvertersLeftOut() {
        String[][] lines = {
            {"grad", "f = (x + y)·z", "--at", "x=-2,y=5,z=-4"},
            {"grad", "f = x^2", "--at", "x=3", "--lr", "0.1", "--steps", "2", "--digits", "5"},
            {"grad", "f = x", "--lr", "abc"},
            {"grad", "f = x", "--plot", ""},
            {"grad", "--help"},
            {"--help"},
            {"check", "--tol", "1e-3"},
        };
        String before = System.getProperty("picocli.converters.excludes");
        try {
            for (String[] args : lines) {
                System.clearProperty("picocli.converters.excludes");
                String with = run(args);
                System.setProperty("picocli.converters.excludes", Main.UNUSED_CONVERTER_TYPES);
                assertEquals(with, run(args), String.join(" ", args));
            }
        } finally {
            if (before == null) {
                System.clearProperty("picocli.converters.excludes");
            } else {
                System.setProperty("picocli.converters.excludes", before);
            }
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return code + "\n" + out.toString(StandardCharsets.UTF_8) + "\n" + err.toString(StandardCharsets.UTF_8);
    }
}
