package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import dev.chainrule.viz.GraphRenderer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chainrule shell}: its start-up script in a real JShell, and the command itself run without a
 * terminal, as in a pipe, a test or CI, where it reads its snippets from the given input and exits.
 */
class ShellCommandTest {
    @Test
    void theStartupScriptRunsAndLeavesTheChainRuleExampleReady() throws Exception {
        try (JShell shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            for (String snippet : snippets(shell, ShellCommand.startupScript())) {
                for (SnippetEvent e : shell.eval(snippet)) {
                    assertEquals(Snippet.Status.VALID, e.status(),
                            () -> snippet + "\n" + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
                    assertEquals(null, e.exception(), snippet);
                }
            }
            assertEquals("-12.0", value(shell, "f.data()"));
            assertEquals("-4.0", value(shell, "x.grad()"));
            assertEquals("-4.0", value(shell, "y.grad()"));
            assertEquals("3.0", value(shell, "z.grad()"));
            assertTrue(value(shell, "Tensor.zeros(2, 3)").contains("[[0, 0, 0],"), "Tensor prints as rows");
            // GradCheck is in both engine (the deprecated alias) and engine.gradcheck: not ambiguous.
            assertEquals("true", value(shell, "GradCheck.check(v -> v[0].mul(v[0]), 3.0).passed()"));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void withoutATerminalItRunsTheSnippetsItIsGivenAndExits(@TempDir Path dir) {
        Path svg = dir.resolve("f.svg");
        Cli shell = shell("x.grad()\nf.data() * 2\nGraphRenderer.render(f, Path.of(\"" + svg.toString().replace("\\", "\\\\")
                + "\"))\n/exit\n");
        assertEquals(0, shell.code(), shell.err() + shell.out());
        assertTrue(shell.out().contains("Chainrule: x, y, z, q and f = (x + y)·z are ready"), shell.out());
        assertTrue(shell.out().contains("==> -4.0"), "x.grad(): " + shell.out());
        assertTrue(shell.out().contains("==> -24.0"), "f.data() * 2: " + shell.out());
        assertTrue(Files.isRegularFile(svg), "the snippet rendered f.svg: " + shell.out());
        assertTrue(shell.noStackTrace(), shell.err());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anEmptyInputEndsTheSessionAfterTheStartup() {
        Cli shell = shell("");
        assertEquals(0, shell.code(), shell.err() + shell.out());
        assertTrue(shell.out().contains("f.backward() has run"), shell.out());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSnippetThatDoesNotCompileIsReportedAndTheNextStillRuns() {
        Cli shell = shell("undefinedName + 1\nz.grad()\n");
        assertEquals(0, shell.code(), shell.err() + shell.out());
        String all = shell.out() + shell.err();
        assertTrue(all.contains("undefinedName"), "the error names the symbol: " + all);
        assertTrue(shell.out().contains("==> 3.0"), "z.grad() still ran: " + shell.out());
    }

    @Test
    void theClassPathHoldsEveryModuleWhenRunFromAClassesFolder() throws Exception {
        List<String> entries = Arrays.asList(ShellCommand.classPath().split(File.pathSeparator));
        for (Class<?> c : List.of(ShellCommand.class, Value.class, GraphRenderer.class)) {
            String location = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            assertTrue(entries.contains(location), c.getSimpleName() + " from " + location + " is not on " + entries);
        }
    }

    @Test
    void theCommandHasHelp() {
        Cli help = Cli.run("shell", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Opens jshell with Chainrule loaded."), help.out());
    }

    private static Cli shell(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), "shell");
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String value(JShell shell, String expression) {
        List<SnippetEvent> events = shell.eval(expression);
        assertEquals(1, events.size(), expression);
        assertEquals(null, events.get(0).exception(), expression);
        return events.get(0).value();
    }

    /** Splits a script into complete snippets, as jshell itself does when it reads a file. */
    private static List<String> snippets(JShell shell, String script) {
        List<String> out = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = script;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            assertTrue(info.completeness().isComplete(), "an incomplete snippet in the script: " + rest);
            out.add(info.source());
            rest = info.remaining();
        }
        return out;
    }
}
