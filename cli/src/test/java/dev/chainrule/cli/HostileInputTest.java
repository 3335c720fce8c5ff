package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The named cases of issue 14: each failure is exit code 2 with one clear line on standard error,
 * and nothing is silently wrong (underflow, overflowing updates, replaced bytes, raw control bytes).
 */
@Isolated("replaces System.in, which every command that reads - shares")
class HostileInputTest {
    @TempDir
    Path dir;

    /** Exit 2, exactly one line on stderr that starts with "error: ", no stack trace. */
    private static void assertOneLineError(Cli r, String mustContain) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertEquals(1, r.err().split("\n", -1).length - 1, "one line: " + r.err());
        assertTrue(r.err().contains(mustContain), r.err());
        assertTrue(r.noStackTrace(), r.err());
    }

    @Test
    void anUnderflowingAtValueIsRefusedLikeAnOverflowingOne() {
        assertOneLineError(Cli.run("grad", "f = 4*x", "--at", "x=1e-400"),
                "'1e-400' is too small for a double: it would become 0");
        assertOneLineError(Cli.run("grad", "f = 4*x", "--at", "x=1e400"), "'1e400' is too large for a double");
        // Zero written as zero, and the smallest subnormal, are numbers like any other.
        assertEquals(0, Cli.run("grad", "f = 4*x", "--at", "x=0e-400").code());
        Cli tiny = Cli.run("grad", "f = 4*x", "--at", "x=4.9e-324", "--format", "csv");
        assertEquals(0, tiny.code());
        assertTrue(tiny.out().contains("x,input,4.9E-324,4"), tiny.out());
    }

    @Test
    void anUnderflowingLiteralIsAParseError() {
        Cli r = Cli.run("grad", "f = 4*x + 1e-400", "--at", "x=1");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("parse error at 1:11: number '1e-400' is too small for a double"), r.err());
        assertTrue(r.err().contains("\n            ^"), r.err()); // the caret under the literal
    }

    @Test
    void anUpdateThatOverflowsIsAnAnomalyWithExitCode2() {
        Cli r = Cli.run("grad", "f = 4*x", "--at", "x=0", "--lr", "1e308", "--wrt", "x");
        assertEquals(2, r.code());
        assertTrue(r.out().contains("-inf"), r.out()); // the table still shows what happened
        assertEquals("error: the update of x is not finite: x − η·∂f/∂x = 0 − 1e308·4 = -inf; use a smaller --lr\n",
                r.err());
        Cli json = Cli.run("grad", "f = 4*x", "--at", "x=0", "--lr", "1e308", "--wrt", "x", "--format", "json");
        assertEquals(2, json.code());
        assertTrue(json.out().contains("\"updated\": null"), json.out());
        assertEquals(0, Cli.run("grad", "f = 4*x", "--at", "x=0", "--lr", "1e300", "--wrt", "x").code());
        Cli param = Cli.run("grad", "param w = 0; f = 4*w", "--lr", "1e308"); // a declared parameter is updated
        assertEquals(2, param.code(), param.err());
    }

    @Test
    void anEmptyOrBlankTitleRendersWithoutATitle() throws Exception {
        Path titled = dir.resolve("titled.svg");
        Path empty = dir.resolve("empty.svg");
        assertEquals(0, Cli.run("render", "f = x*y", "--at", "x=1,y=2", "-o", titled.toString(), "--title", "Hello").code());
        Cli r = Cli.run("render", "f = x*y", "--at", "x=1,y=2", "-o", empty.toString(), "--title", "");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String svg = Files.readString(empty);
        assertTrue(svg.contains(">f</text>"), "the graph is drawn: " + svg.length() + " chars");
        assertTrue(Files.readString(titled).contains(">Hello</text>"), "the title option does draw a title");
        assertFalse(svg.contains(">Hello</text>"));
        Cli deck = Cli.run("slides", "f = x*y", "--at", "x=1,y=2", "-o", dir.resolve("deck").toString(), "--title", "  ");
        assertEquals(0, deck.code(), deck.err());
        assertTrue(Files.exists(dir.resolve("deck").resolve("slides.html")));
    }

    @Test
    void anEndlessInputIsRefusedAtTheInputCapWhichTheMessageNames() throws Exception {
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertOneLineError(Cli.run("grad", "/dev/zero", "--max-input-mb", "2"),
                    "program file '/dev/zero' is larger than 2 MiB, the input limit; if it is meant to be that large, "
                            + "raise the limit with --max-input-mb N");
            assertOneLineError(Cli.run("train", "/dev/zero", "--label", "y", "--max-input-mb", "1"),
                    "data file '/dev/zero' is larger than 1 MiB");
        }
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "x = 1\n" + "# padding\n".repeat(110_000) + "f = 2*x\n"); // just over 1 MiB
        assertOneLineError(Cli.run("grad", big.toString(), "--max-input-mb", "1"), "larger than 1 MiB");
        assertEquals(0, Cli.run("grad", big.toString(), "--max-input-mb", "2").code());
        assertOneLineError(Cli.run("grad", big.toString(), "--max-input-mb", "0"), "--max-input-mb must be at least 1");
    }

    @Test
    void aDotFileHasANodeCapToo() {
        StringBuilder chain = new StringBuilder("x0 = 1");
        for (int i = 1; i <= 110_000; i++) {
            chain.append("; x").append(i).append(" = sin(x").append(i - 1).append(')');
        }
        String big = chain.toString();
        String out = dir.resolve("big.dot").toString();
        assertOneLineError(Cli.run("render", big, "-o", out), "the graph has 110001 nodes, more than the "
                + "DOT limit of 100000; if it is meant to be that large, raise the limit with --max-nodes 110001");
        assertOneLineError(Cli.run("grad", "y = sin(x); f = cos(y)", "--at", "x=1", "-o", out, "--max-nodes", "2"),
                "raise the limit with --max-nodes 3");
        assertEquals(0, Cli.run("render", "y = sin(x); f = cos(y)", "--at", "x=1", "-o", out, "--max-nodes", "3").code());
        // a limit below 1 is refused as such, not compared with the graph's size
        for (String limit : new String[] {"-3", "0"}) {
            assertOneLineError(Cli.run("grad", "y = sin(x); f = cos(y)", "--at", "x=1", "-o", out, "--max-nodes", limit),
                    "--max-nodes must be at least 1, got " + limit);
        }
    }

    @Test
    void standardInputThatIsNotUtf8IsRefusedLikeAFileNamingLineAndOffset() throws Exception {
        byte[] bytes = "x = 1\nf = 2*x # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Cli stdin = withStdin(bytes, () -> Cli.run("grad", "-"));
        assertOneLineError(stdin, "the program on standard input is not UTF-8 text: line 2, byte offset 19 (byte 0xe9); "
                + "save it as UTF-8 and try again");
        Path file = dir.resolve("latin1.txt");
        Files.write(file, bytes);
        assertOneLineError(Cli.run("grad", file.toString()), "program file '" + file
                + "' is not UTF-8 text: line 2, byte offset 19 (byte 0xe9)");
        // Good UTF-8 with a byte order mark reads the same from both.
        byte[] good = "\uFEFFx = 1; f = 2·x".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, withStdin(good, () -> Cli.run("grad", "-")).code());
    }

    @Test
    void aLayerTooLargeForAnArrayIsOneLineNotAnInternalError() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n");
        assertOneLineError(Cli.run("train", csv.toString(), "--label", "y", "--hidden", "2000000000", "--epochs", "1"),
                "Linear: 2000000000 × 2 weights are more than one array can hold (2^31 − 1); use smaller layers");
    }

    @Test
    void aCsvFileThatIsNotUtf8NamesTheFileAndLine() throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.write(csv, "a,b\n1,2\n3,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneLineError(Cli.run("train", csv.toString(), "--label", "b"),
                "data file '" + csv + "' is not UTF-8 text: line 3, byte offset 10 (byte 0xff); save it as UTF-8");
    }

    @Test
    void everyNumericOptionHasTheSameSyntaxAsAt() {
        for (String bad : new String[] {"0x1p3", "1d", "NaN", "Infinity", "1e-400", "1e400", "1_000", ""}) {
            Cli at = Cli.run("grad", "f = 4*x", "--at", "x=" + bad);
            Cli lr = Cli.run("grad", "f = 4*x", "--at", "x=1", "--lr", bad);
            Cli tol = Cli.run("check", "f = 4*x", "--at", "x=1", "--expect", "f = 4", "--tol", bad);
            Cli scale = Cli.run("render", "f = 4*x", "--at", "x=1", "-o", dir.resolve("f.png").toString(), "--scale", bad);
            for (Cli r : List.of(at, lr, tol, scale)) {
                assertEquals(2, r.code(), bad + ": " + r.err());
                assertTrue(r.noStackTrace(), r.err());
            }
            if (!bad.isEmpty()) {
                String reason = at.err().substring(at.err().indexOf(": '") + 2).strip();
                assertTrue(lr.err().contains("Invalid value for option '--lr': " + reason), lr.err());
                assertTrue(tol.err().contains("Invalid value for option '--tol': " + reason), tol.err());
                assertTrue(scale.err().contains("Invalid value for option '--scale': " + reason), scale.err());
            }
        }
        // Whole-number options take decimal digits only: 010 is ten; 0x10 is refused, saying what to write.
        Cli ten = Cli.run("grad", "f = 1/3", "--digits", "010");
        assertTrue(ten.out().contains(" 0.3333333333 "), ten.out()); // ten significant digits
        assertOneLineError(Cli.run("grad", "f = 1", "--digits", "0x10"), "'0x10' is not a whole number");
        assertOneLineError(Cli.run("gradcheck", "f = x", "--trials", "99999999999"), "'99999999999' is out of range");
        // The learning rate accepts what --at accepts, the Unicode minus included.
        Cli unicode = Cli.run("grad", "f = 4*x", "--at", "x=1", "--lr", "\u22120.5", "--wrt", "x", "--format", "csv");
        assertTrue(unicode.out().contains("x,input,1,4,3"), unicode.out());
    }

    @Test
    void controlCharactersInTheInputPrintEscaped() throws Exception {
        String evil = "f = 4*x\u001b]0;pwned\u0007 + \u009b31m\u202e";
        Cli arg = Cli.run("grad", evil);
        Cli file = Cli.run("grad", write("evil.txt", evil));
        Cli option = Cli.run("grad", "f = x", "--at", "x\u001b[2J=1");
        Cli unknown = Cli.run("grad", "f = x", "--\u001b[31mred");
        for (Cli r : List.of(arg, file, option, unknown)) {
            assertEquals(2, r.code(), r.err());
            assertNoRawControl(r.out());
            assertNoRawControl(r.err());
            assertTrue(r.err().contains("\\x1b"), r.err());
        }
        assertTrue(arg.err().contains("\\x1b]0;pwned\\x07 + \\x9b31m\\u202e"), arg.err());
    }

    /** No byte below 0x20 but newline and tab, no DEL, no C1 control, no bidi override. */
    static void assertNoRawControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            assertFalse(TerminalSafeStream.isControl(s.charAt(i)),
                    "raw control character U+" + Integer.toHexString(s.charAt(i)) + " at " + i + " in: " + s);
        }
    }

    @Test
    void unboundedWorkStopsAtTheTimeLimitWhichTheMessageNames() {
        long start = System.nanoTime();
        Cli r = Cli.run("gradcheck", "f = sin(x)·y", "--trials", "2000000000", "--time-limit", "1");
        assertOneLineError(r, "stopped after 1 s, the time limit; if the work is meant to take longer, raise the limit "
                + "with --time-limit SECONDS (0 for none)");
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 10);
    }

    @Test
    void runningOutOfMemoryIsOneLineWithExitCode2() throws Exception {
        // A real OutOfMemoryError, in a JVM of its own with a 48 MiB heap: an input cap raised far
        // beyond what the heap can hold, on an endless input.
        if (!Files.exists(Path.of("/dev/zero"))) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "grad", "/dev/zero", "--max-input-mb", "4000"));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.startsWith("error: out of memory (the Java heap holds at most "), err);
        assertTrue(err.contains("lower --max-nodes or --max-input-mb, or give Java more memory"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void aBugIsReportedInOneLineWithoutAStackTrace() {
        String m = Failures.message(new NullPointerException("boom"));
        assertTrue(m.startsWith("internal error in chainrule: NullPointerException: boom at HostileInputTest.java:"), m);
        assertTrue(m.endsWith("please report it with the command you ran (CHAINRULE_DEBUG=1 prints the stack trace)"), m);
        assertEquals("error: the input nests too deeply to process (stack overflow); nest it less deeply",
                Failures.message(new StackOverflowError()));
    }

    private String write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    static Cli withStdin(byte[] bytes, java.util.function.Supplier<Cli> run) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(bytes));
        try {
            return run.get();
        } finally {
            System.setIn(saved);
        }
    }

    @SuppressWarnings("unused")
    private static PrintStream sink(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }
}
