package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code chainrule explain} on Mazur's network (cli/src/test/resources/mazur.txt, output E): the
 * material's lines for ∂E_total/∂w5 and ∂E_total/∂w1 with its printed numbers, every format, and
 * the exit-code contract (0 done, 2 bad input, never a stack trace).
 */
class ExplainCommandTest {
    private static final String MAZUR = Cli.resource("mazur.txt");

    @Test
    void w5IsTheMaterialsDerivationWithItsUpdate() {
        Cli r = Cli.run("explain", MAZUR, "--wrt", "w5", "--lr", "0.5");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("∂E/∂w5 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5", lines.get(0));
        assertEquals("  ∂E/∂out_o1 = −(0.01 − out_o1) = −(0.01 − 0.75136507) = 0.74136507", lines.get(1));
        assertEquals("  ∂out_o1/∂net_o1 = out_o1·(1 − out_o1) = 0.75136507·(1 − 0.75136507) = 0.186815602",
                lines.get(2));
        assertEquals("  ∂net_o1/∂w5 = out_h1 = 0.593269992", lines.get(3));
        // The material: 0.74136507 * 0.186815602 * 0.593269992 = 0.082167041; at 9 significant digits 0.0821670406.
        assertEquals("∂E/∂w5 = 0.74136507 · 0.186815602 · 0.593269992 = 0.0821670406", lines.get(4));
        assertEquals("w5⁺ = w5 − η · ∂E/∂w5 = 0.4 − 0.5 · 0.0821670406 = 0.35891648", lines.get(5));
        assertEquals(6, lines.size(), r.out());
    }

    @Test
    void theReadmeShowsWhatTheCommandPrints() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(HelpExamplesTest.repositoryRoot().resolve("README.md"));
        String prompt = "$ ./chainrule explain cli/src/test/resources/mazur.txt --wrt w5 --lr 0.5\n";
        int at = readme.indexOf(prompt);
        assertTrue(at >= 0, "the README shows explain --wrt w5 on Mazur's network");
        String shown = readme.substring(at + prompt.length(), readme.indexOf("```", at));
        assertEquals(Cli.run("explain", MAZUR, "--wrt", "w5", "--lr", "0.5").out(), shown);
    }

    @Test
    void w1WritesTheSumOverBothPaths() {
        Cli r = Cli.run("explain", MAZUR, "--wrt", "w1", "--lr", "0.5");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("∂E/∂w1 = ∂E/∂out_h1 · ∂out_h1/∂net_h1 · ∂net_h1/∂w1\n"), out);
        assertTrue(out.contains("\n  ∂E/∂out_h1 = δ_net_o1 · ∂net_o1/∂out_h1 + δ_net_o2 · ∂net_o2/∂out_h1   "
                + "(out_h1 feeds net_o1 and net_o2: the paths add)\n"), out);
        assertTrue(out.contains("\n    δ_net_o1 = 0.74136507 · 0.186815602 = 0.138498562\n"), out);
        assertTrue(out.contains("\n    ∂net_o1/∂out_h1 = w5 = 0.4\n"), out);
        assertTrue(out.contains("\n    δ_net_o1 · ∂net_o1/∂out_h1 = 0.138498562 · 0.4 = 0.0553994247\n"), out);
        assertTrue(out.contains("\n  ∂E/∂out_h1 = 0.0553994247 + (−0.0190491183) = 0.0363503064\n"), out);
        assertTrue(out.contains("\n  ∂out_h1/∂net_h1 = out_h1·(1 − out_h1) = 0.593269992·(1 − 0.593269992) = 0.241300709\n"),
                out);
        assertTrue(out.contains("\n  ∂net_h1/∂w1 = i1 = 0.05\n"), out);
        assertTrue(out.contains("\n∂E/∂w1 = 0.0363503064 · 0.241300709 · 0.05 = 0.000438567734\n"), out);
        assertTrue(out.endsWith("\nw1⁺ = w1 − η · ∂E/∂w1 = 0.15 − 0.5 · 0.000438567734 = 0.149780716\n"), out);
    }

    @Test
    void allParametersOutputLayerFirstInEachFormat() {
        Cli text = Cli.run("explain", MAZUR, "--all");
        assertEquals(0, text.code(), text.err());
        List<String> heads = text.out().lines().filter(l -> l.matches("∂E/∂w\\d = ∂E/∂.*")).toList();
        assertEquals(List.of("5", "6", "7", "8", "1", "2", "3", "4"),
                heads.stream().map(l -> l.substring(5, 6)).toList(), text.out());
        Cli ascii = Cli.run("explain", MAZUR, "--all", "--ascii", "--lr", "0.5");
        assertTrue(ascii.out().chars().allMatch(c -> c < 128), ascii.out());
        assertTrue(ascii.out().contains("w5' = w5 - eta * dE/dw5 = 0.4 - 0.5 * 0.0821670406 = 0.35891648"), ascii.out());
        Cli tex = Cli.run("explain", MAZUR, "--wrt", "w5", "--format", "latex");
        assertEquals(0, tex.code(), tex.err());
        assertTrue(tex.out().contains("\\[ \\frac{\\partial E}{\\partial w_{5}} = \\frac{\\partial E}{\\partial out_{o1}}"),
                tex.out());
        Cli md = Cli.run("explain", MAZUR, "--wrt", "w1", "--format", "Markdown", "--digits", "4");
        assertTrue(md.out().startsWith("### ∂E/∂w1\n\n- ∂E/∂w1 = ∂E/∂out\\_h1 · "), md.out());
        assertTrue(md.out().contains("- ∂E/∂w1 = 0.03635 · 0.2413 · 0.05 = 0.0004386"), md.out());
    }

    @Test
    void anyNodeCanBeExplainedAndOneTheOutputIgnoresIsZero() {
        Cli r = Cli.run("explain", "q = x + y; f = q·z; g = 2", "--at", "x=-2,y=5,z=-4", "--of", "f", "--wrt", "x,q");
        assertEquals(0, r.code(), r.err());
        assertEquals("∂f/∂x = ∂f/∂q · ∂q/∂x\n  ∂f/∂q = z = −4\n  ∂q/∂x = 1\n∂f/∂x = −4 · 1 = −4\n\n"
                + "∂f/∂q = −4   (as above)\n", r.out());
        Cli none = Cli.run("explain", "a = 1; b = 2; f = a·3", "--wrt", "b");
        assertEquals("∂f/∂b = 0   (f does not depend on b)\n", none.out());
    }

    @Test
    void badInputExitsTwoWithAMessage() {
        assertError("error: say which gradient to derive: --wrt NAME (such as --wrt w5) or --all for every parameter\n",
                "explain", MAZUR);
        assertError("error: give --wrt NAMES or --all, not both\n", "explain", MAZUR, "--all", "--wrt", "w1");
        assertError(null, "explain", MAZUR, "--wrt", "w9");
        assertError("error: --format pdf: use one of text, markdown, latex\n", "explain", MAZUR, "--wrt", "w1",
                "--format", "pdf");
        assertError("error: --digits must be between 1 and 17, not 0\n", "explain", MAZUR, "--wrt", "w1", "--digits", "0");
        assertError("error: --max-steps must be between 1 and 1000, not 5000\n", "explain", MAZUR, "--wrt", "w1",
                "--max-steps", "5000");
        assertError(null, "explain", MAZUR, "--wrt", "net_o1", "--lr", "0.5");
        assertError(null, "explain", MAZUR, "--wrt", "w1", "--lr", "NaN");
        assertError(null, "explain", "f = (x + ", "--wrt", "x");
        assertError(null, "explain", "a = 1; f = a·3", "--all");
        assertError(null, "explain", "f = log(x)", "--at", "x=-1", "--wrt", "x");
        Cli r = Cli.run("explain", MAZUR, "--wrt", "w9");
        assertTrue(r.err().startsWith("error: --wrt w9: the program has no node named 'w9'; its nodes are i1, i2, w1"),
                r.err());
    }

    @Test
    void aDeepProgramGivesABoundedDerivationThatSaysWhatWasLeftOut() {
        StringBuilder b = new StringBuilder("x = 0.5\na0 = sin(x)\n");
        for (int i = 1; i < 20_000; i++) {
            b.append('a').append(i).append(" = sin(a").append(i - 1).append(")\n");
        }
        Cli r = Cli.run("explain", b.toString(), "--wrt", "x", "--max-steps", "20");
        assertEquals(0, r.code(), r.err());
        long lines = r.out().lines().count();
        assertTrue(lines < 12 * 21, lines + " lines");
        assertTrue(r.out().contains("(1 quantity is given by value only: the limit on derivation steps was reached)"),
                r.out());
        // The pieces of the long chain run from the output down, flat; the one asked for comes last.
        assertTrue(r.out().startsWith("∂a19999/∂a167 = 0."), r.out());
        assertTrue(r.out().contains("\n∂a19999/∂x = ∂a19999/∂a7 · ∂a7/∂a6 · "), r.out());
        assertTrue(r.out().lines().allMatch(l -> !l.startsWith("    ")), "no deeper than one level: " + r.out());
    }

    @Test
    void hostileNamesAndTextStayReadable() {
        String program = "α_β = 0.5; param __w__ = 0.3; 中文 = 1.5\ny_ = α_β * __w__ + 中文\nΩ = sigmoid(y_)";
        Cli r = Cli.run("explain", program, "--all", "--lr", "0.1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("∂Ω/∂__w__ = ∂Ω/∂y_ · ∂y_/∂__w__\n"), r.out());
        Cli ascii = Cli.run("explain", program, "--wrt", "__w__,中文", "--ascii", "--format", "markdown");
        assertTrue(ascii.out().chars().allMatch(c -> c < 128), ascii.out());
        assertTrue(ascii.out().contains("d<U+03A9>/d\\_\\_w\\_\\_") || ascii.out().contains("dOmega/d\\_\\_w\\_\\_"),
                ascii.out());
        Cli tex = Cli.run("explain", program, "--wrt", "__w__", "--format", "latex");
        assertTrue(tex.out().contains("\\frac{\\partial {\\Omega}}{\\partial \\_\\_w\\_\\_}"), tex.out());
        for (String junk : new String[] {"", "\u0000", "f = ((((((((x", "param = 3", "f = x\u202e + 1"}) {
            Cli j = Cli.run("explain", junk, "--wrt", "x");
            assertEquals(2, j.code(), junk + ": " + j.out() + j.err());
            assertTrue(j.noStackTrace(), j.err());
        }
    }

    private static void assertError(String expected, String... args) {
        Cli r = Cli.run(args);
        assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        assertTrue(r.noStackTrace(), r.err());
        if (expected != null) {
            assertEquals(expected, r.err());
        }
    }
}
