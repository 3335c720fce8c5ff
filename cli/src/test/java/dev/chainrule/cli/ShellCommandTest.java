package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** The shell's start-up script runs in a real JShell and leaves f = (x + y)·z differentiated. */
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
        }
    }

    @Test
    void theCommandHasHelp() {
        Cli help = Cli.run("shell", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Opens jshell with Chainrule loaded."), help.out());
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
