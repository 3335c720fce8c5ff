package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render, gradcheck, example and the top-level command, end to end. */
class OtherCommandsTest {

    @Test
    void renderWritesTheGraphInTheFormatOfTheExtension(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("f.dot");
        Cli r = Cli.run("render", "q = x + y; f = q·z", "--at", "x=-2,y=5,z=-4", "-o", dot.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + dot + "\n", r.out());
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph"), text);
        assertTrue(text.contains("-12") && text.contains("-4"), text);
    }

    @Test
    void gradWithOutputPrintsTheTableAndWritesTheGraph(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("sub/f.dot");
        Cli r = Cli.run("grad", "f = (x + y)·z", "--at", "x=-2,y=5,z=-4", "-o", dot.toString(), "--no-grads");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("f     mul      -12         1"), r.out());
        assertEquals("wrote " + dot + "\n", r.err());
        assertTrue(Files.readString(dot).startsWith("digraph"));
    }

    @Test
    void renderBadInput(@TempDir Path dir) {
        Cli ext = Cli.run("render", "f = 1", "-o", dir.resolve("f.gif").toString());
        assertEquals(2, ext.code());
        assertTrue(ext.err().contains("unknown extension 'gif'"), ext.err());
        Cli theme = Cli.run("render", "f = 1", "-o", dir.resolve("f.dot").toString(), "--theme", "pink");
        assertEquals("error: --theme pink: use one of light, dark, print, cs231n\n", theme.err());
        Cli highlight = Cli.run("render", "x = 1; f = x", "-o", dir.resolve("f.dot").toString(), "--highlight", "nope");
        assertEquals(2, highlight.code());
        assertTrue(highlight.err().contains("nope") && highlight.noStackTrace(), highlight.err());
        Cli noOutput = Cli.run("render", "f = 1");
        assertEquals(2, noOutput.code());
    }

    @Test
    void gradcheckPassesForTheEngineAndPrintsTheWorstPoint() {
        Cli r = Cli.run("gradcheck", "f = sigmoid(x·y) + log(x) + x^y", "--at", "x=1,y=2", "--trials", "5", "--seed", "3");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("gradcheck of f: 5 random points, seed 3, 2 inputs\nlargest absolute error: "), r.out());
        assertTrue(r.out().contains("\nworst point ("), r.out());
        assertTrue(r.out().endsWith("passed: all 10 derivatives agree (atol 0.00001, rtol 0.001)\n"), r.out());
        assertEquals(r.out(), Cli.run("gradcheck", "f = sigmoid(x·y) + log(x) + x^y", "--at", "x=1,y=2", "--trials", "5",
                "--seed", "3").out(), "the same seed gives the same points");
    }

    @Test
    void gradcheckDrawsAgainOutsideTheDomain() {
        // Half of [-1, 1] is outside log's domain; every point checked must be inside it.
        Cli r = Cli.run("gradcheck", "f = log(x)", "--at", "x=0", "--trials", "10");
        assertEquals(0, r.code(), r.out());
        Cli never = Cli.run("gradcheck", "f = log(x - 100)", "--at", "x=0");
        assertEquals(2, never.code());
        assertEquals("error: gradcheck: found no point where the program and its gradient are finite in 1000 tries; "
                + "give a centre inside its domain with --at\n", never.err());
    }

    @Test
    void exampleListsAndRuns(@TempDir Path dir) {
        Cli list = Cli.run("example");
        assertEquals(0, list.code());
        assertTrue(list.out().startsWith("example     "), list.out());
        assertTrue(list.out().contains("\nchain-rule  "), list.out());
        Cli run = Cli.run("example", "chain-rule", "-o", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("f         -12        1"), run.out());
        Cli unknown = Cli.run("example", "nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: unknown example 'nope'; the examples are chain-rule, "), unknown.err());
    }

    @Test
    void theTopLevelCommand() {
        Cli none = Cli.run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("error: say which command to run\nUsage: chainrule"), none.err());
        Cli version = Cli.run("--version");
        assertEquals(0, version.code());
        assertEquals("chainrule 0.1.0-SNAPSHOT\n", version.out());
        Cli unknown = Cli.run("frobnicate");
        assertEquals(2, unknown.code());
        for (String command : new String[] {"grad", "check", "render", "gradcheck", "example"}) {
            Cli help = Cli.run(command, "--help");
            assertEquals(0, help.code(), command);
            assertTrue(help.out().contains("Examples:\n  chainrule " + command), command + ":\n" + help.out());
        }
    }
}
