package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The root command, {@code grad} and the option groups they share with other commands are built
 * in code rather than from annotations (start-up time). What a user sees must be what the
 * annotated commands printed: the help texts in {@code src/test/resources/help/} were printed by
 * the annotated version, and the messages below are its messages, option by option.
 */
class CommandsBuiltInCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"chainrule", "grad", "check", "render", "slides", "explain", "gradcheck"})
    void theHelpIsTheAnnotatedCommandsHelp(String name) throws IOException {
        String expected = resource("/help/" + name + ".txt");
        Cli help = name.equals("chainrule") ? Cli.run("--help") : Cli.run(name, "--help");
        assertEquals(0, help.code());
        assertEquals("", help.err());
        String shown = help.out();
        if (name.equals("grad")) {
            // The function list after this is the engine's registry's: OpRegistryHelpTest checks it.
            int functions = shown.indexOf("\nFunctions (");
            assertTrue(functions > 0, shown);
            shown = shown.substring(0, functions + 1);
        }
        assertEquals(expected, shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "grad|error: Missing required parameter: 'PROGRAM' (see 'chainrule grad --help')",
        "grad f=x --max-input-mb 0|error: --max-input-mb must be at least 1, not 0 (see 'chainrule --help')",
        "--max-input-mb 0 grad f=x|error: --max-input-mb must be at least 1, not 0 (see 'chainrule --help')",
        "grad f=x --time-limit -1|error: --time-limit must be 0 (no limit) or more, not -1 (see 'chainrule --help')",
        "grad f=x --time-limit 1.5|error: Invalid value for option '--time-limit': '1.5' is not a whole number; "
            + "write decimal digits, such as 20 (see 'chainrule grad --help')",
        "--max-input-mb=abc|error: Invalid value for option '--max-input-mb': 'abc' is not a whole number; "
            + "write decimal digits, such as 20 (see 'chainrule --help')",
        "grad f=x --max-input-mb 99999999999|error: Invalid value for option '--max-input-mb': '99999999999' is out "
            + "of range (from -2147483648 to 2147483647) (see 'chainrule grad --help')",
        "grad f=x --lr NaN|error: Invalid value for option '--lr': 'NaN' is not a number; write a decimal number "
            + "such as 2, -0.5 or 1e-3 (see 'chainrule grad --help')",
        "grad f=x --steps 1e3 --lr 0.01|error: Invalid value for option '--steps': '1e3' is not a whole number; "
            + "write decimal digits, such as 20 (see 'chainrule grad --help')",
        "grad f=x --at|error: Missing required parameter for option '--at' (NAME=VALUE[,...]) (see 'chainrule grad --help')",
        "grad f=x --highlight|error: Missing required parameter for option '--highlight' (NAMES) (see 'chainrule grad --help')",
        "grad f=x --no-grads=x|error: Invalid value for option '--no-grads': 'x' is not a boolean (see 'chainrule grad --help')",
        "grad f=x -- --at|error: Unknown option: '--at' (see 'chainrule grad --help')",
        "grad f=x --scale x|error: Invalid value for option '--scale': 'x' is not a number; write a decimal number "
            + "such as 2, -0.5 or 1e-3 (see 'chainrule grad --help')",
        "grad f=x --lr 1 --lr 2|error: option '--lr' (ETA) should be specified only once (see 'chainrule grad --help')",
        "check|error: Missing required options and parameters: '--expect=FILE_OR_TEXT', 'PROGRAM' (see 'chainrule check --help')",
        "render|error: Missing required options and parameters: '--output=FILE', 'PROGRAM' (see 'chainrule render --help')",
    })
    void aBadCommandLineGetsTheAnnotatedCommandsMessage(String line, String message) {
        Cli run = Cli.run(line.split(" "));
        assertEquals(2, run.code(), run.err());
        assertEquals(message + "\n", run.err());
    }

    @Test
    void theHelpOptionsAreTheOnesPicocliMixesIntoAnAnnotatedCommand() {
        // check is annotated, with mixinStandardHelpOptions = true.
        CommandSpec check = Main.commandLine(new Io(System.out, System.err), "check", "--help")
                .getSubcommands().get("check").getCommandSpec();
        CommandSpec picocli = check.mixins().get(HelpOptions.NAME);
        assertEquals(2, picocli.options().size());
        assertEquals(describe(picocli.options()), describe(HelpOptions.mixin().options()));
        assertTrue(Main.commandLine(new Io(System.out, System.err), "grad", "-h").getSubcommands().get("grad")
                .getCommandSpec().mixinStandardHelpOptions());
    }

    /** Everything about each option that a parse or the help can show. */
    private static List<String> describe(List<OptionSpec> options) {
        List<String> described = new ArrayList<>();
        for (OptionSpec o : options) {
            described.add(String.join(",", o.names()) + " label=" + o.paramLabel() + " description="
                    + Arrays.toString(o.description()) + " key=" + o.descriptionKey() + " usageHelp=" + o.usageHelp()
                    + " versionHelp=" + o.versionHelp() + " arity=" + o.arity() + " type=" + o.type()
                    + " aux=" + Arrays.toString(o.auxiliaryTypes()) + " hidden=" + o.hidden() + " order=" + o.order()
                    + " required=" + o.required() + " scope=" + o.scopeType() + " negatable=" + o.negatable()
                    + " default=" + o.defaultValue() + " initial=" + o.initialValue() + " split=" + o.splitRegex()
                    + " interactive=" + o.interactive() + " showDefault=" + o.showDefaultValue());
        }
        return described;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CommandsBuiltInCodeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
