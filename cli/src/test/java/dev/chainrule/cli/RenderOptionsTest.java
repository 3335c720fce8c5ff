package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture options of render and slides: number format, highlighted paths. */
class RenderOptionsTest {
    private static final String HIGHLIGHT = "#ea580c";

    private static Path mazur() {
        return Path.of(Cli.resource("mazur.txt"));
    }

    /** The DOT line of the record whose bold name is {@code name}. */
    private static String record(String dot, String name) {
        for (String line : dot.split("\n")) {
            if (line.contains("<B>" + name + "</B>")) {
                return line;
            }
        }
        throw new AssertionError("no record named " + name + " in\n" + dot);
    }

    @Test
    void numbersShowFourSignificantDigitsByDefaultAndDigitsOrPrecisionChangeThat(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("net.dot");
        assertEquals(0, Cli.run("render", mazur().toString(), "-o", dot.toString()).code());
        String text = Files.readString(dot);
        // ∂E/∂w1 = 0.000438568 and ∂E/∂w3 = 0.000497713: 4 decimals would show 0.0004 and 0.0005
        assertTrue(record(text, "w1").contains(">∂ 0.0004386<"), record(text, "w1"));
        assertTrue(record(text, "w3").contains(">∂ 0.0004977<"), record(text, "w3"));
        assertTrue(record(text, "w5").contains(">0.4<") && record(text, "w5").contains(">∂ 0.08217<"),
                record(text, "w5"));

        assertEquals(0, Cli.run("render", mazur().toString(), "-o", dot.toString(), "--digits", "6").code());
        assertTrue(record(Files.readString(dot), "w1").contains(">∂ 0.000438568<"));
        assertEquals(0, Cli.run("render", mazur().toString(), "-o", dot.toString(), "--precision", "4").code());
        assertTrue(record(Files.readString(dot), "w1").contains(">∂ 0.0004<"));
        assertTrue(record(Files.readString(dot), "w5").contains(">0.4000<"));
    }

    @Test
    void digitsAndPrecisionTogetherOrOutOfRangeAreClearErrors(@TempDir Path dir) {
        String out = dir.resolve("f.dot").toString();
        Cli both = Cli.run("render", "f = 2*x", "--at", "x=1", "-o", out, "--digits", "3", "--precision", "2");
        assertEquals(2, both.code());
        assertEquals("error: --precision 2 and --digits 3: give one (--precision for fixed decimals, --digits for"
                + " significant digits)\n", both.err());
        Cli zero = Cli.run("slides", "f = 2*x", "--at", "x=1", "-o", dir.resolve("deck").toString(), "--digits", "0");
        assertEquals(2, zero.code());
        assertEquals("error: --digits must be between 1 and 17 significant digits, got 0\n", zero.err());
    }

    @Test
    void aHighlightedPathRunsThroughUnnamedNodes(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("path.dot");
        Cli r = Cli.run("render", mazur().toString(), "-o", dot.toString(), "--highlight-path", "w5,E");
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(dot);
        for (String on : new String[] {"w5", "net_o1", "out_o1", "E_o1", "E"}) {
            assertTrue(record(text, on).contains("COLOR=\"" + HIGHLIGHT + "\""), on + ": " + record(text, on));
        }
        for (String off : new String[] {"w6", "net_o2", "E_o2", "out_h1"}) {
            assertFalse(record(text, off).contains(HIGHLIGHT), off);
        }
        // the unnamed records on the way (the sum w5·out_h1 + w6·out_h2, the square, ...) are lit too
        Matcher lit = Pattern.compile("(?m)^  v[0-9]+ \\[.*COLOR=\"" + HIGHLIGHT + "\".*$").matcher(text);
        int count = 0;
        while (lit.find()) {
            count++;
        }
        assertTrue(count >= 9, count + " highlighted records");

        Cli none = Cli.run("render", mazur().toString(), "-o", dot.toString(), "--highlight-path", "E,w5");
        assertEquals(2, none.code());
        assertEquals("error: --highlight-path: step 1: no node labelled 'w5' is computed from 'E'\n", none.err());
    }

    @Test
    void slidesFocusKeepsOnlyTheWayBackToOneWeight(@TempDir Path dir) throws Exception {
        Path deck = dir.resolve("dE_dw5");
        Cli r = Cli.run("slides", mazur().toString(), "-o", deck.toString(), "--focus", "w5");
        assertEquals(0, r.code(), r.err());
        // every value, the seed, then E_o1 ... net_o1 ... w5·out_h1, w5: nine backward steps
        assertEquals("wrote 11 slides: " + deck.resolve("slides.html") + " and 11 SVG frames in " + deck + "\n", r.out());
        String html = Files.readString(deck.resolve("slides.html"));
        assertTrue(html.contains("Backward step 9 of 9: ∂E/∂w5"), "the last step is w5's");
        assertTrue(html.contains("= 0.1385 × 0.5933 = 0.08217"));
        assertFalse(html.contains("∂E/∂w6 ="), "w6 is not on the way to w5");

        Cli none = Cli.run("slides", mazur().toString(), "-o", deck.toString(), "--focus", "w9");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("error: --focus: no node labelled 'w9' in this graph (labels: "), none.err());
        Cli output = Cli.run("slides", mazur().toString(), "-o", deck.toString(), "--focus", "E");
        assertEquals("error: --focus: 'E' is the output itself; give a node it is computed from, such as a weight\n",
                output.err());
    }
}
