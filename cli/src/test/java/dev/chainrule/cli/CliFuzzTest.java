package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI under hostile input (issue 14): random bytes, truncations, deep nesting, huge lines, odd
 * numbers, odd files and odd output paths, through grad, check, gradcheck, render and train. Every
 * run must keep the exit-code contract: 0, 1 or 2; on 2 a message on standard error whose first
 * line says what was wrong (at most a source line and a caret follow); never a stack trace; never
 * a raw control character in anything printed.
 *
 * <p>CI runs a fast slice, in-process (about 15 s). The soak runs the same classes with more inputs
 * and other seeds, outside CI:
 * <pre>
 * mvn -B -ntp test -pl cli -am -Dtest=CliFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dchainrule.fuzz.scale=40 -Dchainrule.fuzz.seed=7
 * </pre>
 * Each class prints how many inputs it ran and the exit codes they gave.
 */
class CliFuzzTest {
    /** Inputs per class = base × scale. */
    static final int SCALE = Integer.getInteger("chainrule.fuzz.scale", 1);
    static final long SEED = Long.getLong("chainrule.fuzz.seed", 20261130L);
    private static final Map<String, Map<Integer, Integer>> TALLY = new TreeMap<>();

    @TempDir
    static Path dir;

    static String mazur;

    @BeforeAll
    static void readMazur() throws IOException {
        mazur = Files.readString(Path.of(Cli.resource("mazur.txt")));
    }

    @AfterAll
    static void printTally() {
        int total = 0;
        for (Map.Entry<String, Map<Integer, Integer>> e : TALLY.entrySet()) {
            int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            total += n;
            System.out.println("fuzz cli " + e.getKey() + ": " + n + " inputs, exit codes " + e.getValue());
        }
        System.out.println("fuzz cli: " + total + " inputs in all (scale " + SCALE + ", seed " + SEED + ")");
    }

    /** Runs the command and checks the contract; returns the result. */
    static Cli check(String kind, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--time-limit");
        a.add("60");
        long start = System.nanoTime();
        // Standard input is empty unless a test gives one: surefire's own channel is not for us.
        Cli r = System.in instanceof java.io.ByteArrayInputStream ? Cli.run(a.toArray(new String[0]))
                : HostileInputTest.withStdin(new byte[0], () -> Cli.run(a.toArray(new String[0])));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 2000) {
            System.out.println("fuzz cli: slow (" + ms + " ms): " + kind + ": " + describe(args));
        }
        synchronized (TALLY) {
            TALLY.computeIfAbsent(kind, k -> new TreeMap<>()).merge(r.code(), 1, Integer::sum);
        }
        String what = kind + ": " + describe(args);
        if (r.code() < 0 || r.code() > 2) {
            fail(what + ": exit code " + r.code());
        }
        if (r.code() == 2 && r.err().isBlank()) {
            fail(what + ": exit code 2 with nothing on standard error");
        }
        if (r.code() == 1 && r.out().isBlank() && r.err().isBlank()) {
            fail(what + ": exit code 1 with no report of what is wrong");
        }
        if (r.code() == 2) {
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("error: ") || first.contains("parse error") || first.startsWith("unknown name"),
                    what + ": first line does not say what went wrong: " + r.err());
            // One line, or a message with its source line and caret; check lists one line per unreadable answer.
            assertTrue(r.err().lines().count() <= 4 || r.err().lines().allMatch(l -> l.startsWith("error: ")),
                    what + ": more than a message and a caret: " + r.err());
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("internal error") || r.err().contains("Exception"),
                what + ": stack trace or crash: " + r.err());
        noRawControl(what, r.out());
        noRawControl(what, r.err());
        return r;
    }

    private static void noRawControl(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (TerminalSafeStream.isControl(s.charAt(i))) {
                fail(what + ": raw control character U+" + Integer.toHexString(s.charAt(i)) + " at " + i);
            }
        }
    }

    private static String describe(String[] args) {
        StringBuilder s = new StringBuilder();
        for (String a : args) {
            String shown = a.length() > 80 ? a.substring(0, 80) + "…(" + a.length() + " chars)" : a;
            s.append(s.length() == 0 ? "" : " ").append('[').append(shown.replaceAll("\\p{Cntrl}", "?")).append(']');
        }
        return s.toString();
    }

    static Path file(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] randomBytes(Random rng, int n) {
        byte[] b = new byte[n];
        rng.nextBytes(b);
        return b;
    }

    /** A string of random code points, control characters and surrogate halves included. */
    static String randomText(Random rng, int n) {
        StringBuilder s = new StringBuilder();
        String alphabet = "xyzw1_ =+-*/^()·×−²⁻.,;#e\n\t\u001b\u0007\u009b\u202e\u0000\"'\\";
        for (int i = 0; i < n; i++) {
            int pick = rng.nextInt(10);
            if (pick < 7) {
                s.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            } else if (pick < 9) {
                s.append((char) rng.nextInt(0x80));
            } else {
                s.append((char) rng.nextInt(0x10000));
            }
        }
        return s.toString();
    }

    @Test
    void randomBytesAsFilesStdinAndArguments() {
        Random rng = new Random(SEED);
        for (int i = 0; i < 25 * SCALE; i++) {
            byte[] b = randomBytes(rng, 1 + rng.nextInt(i % 7 == 0 ? 5000 : 200));
            Path f = file("random-" + i + ".txt", b);
            check("random-bytes", "grad", f.toString());
            HostileInputTest.withStdin(b, () -> check("random-bytes", "grad", "-"));
            check("random-bytes", "check", "f = x", "--at", "x=1", "--expect", f.toString());
            String text = randomText(rng, 1 + rng.nextInt(120));
            check("random-text", "grad", "f = " + text);
            check("random-text", "grad", text, "--at", "x=1,y=2");
            check("random-text", "render", "x = 1; f = x", "-o", dir.resolve("r.dot").toString(), "--title", text);
        }
        for (int i = 0; i < 3 * SCALE; i++) {
            byte[] b = randomBytes(rng, 1 + rng.nextInt(3000));
            check("random-bytes", "train", file("random-" + i + ".csv", b).toString(), "--label", "c1", "--epochs", "2");
        }
    }

    @Test
    void truncationsOfRealInputs() throws IOException {
        Random rng = new Random(SEED + 1);
        byte[] prog = mazur.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 40 * SCALE; i++) {
            int cut = rng.nextInt(prog.length + 1); // may cut a multi-byte character in half
            Path f = file("cut-" + i + ".txt", java.util.Arrays.copyOf(prog, cut));
            check("truncation", "grad", f.toString(), "--of", "E");
            check("truncation", "grad", f.toString(), "--lr", "0.5", "--format", i % 2 == 0 ? "json" : "csv");
        }
        byte[] answers = "out_h1 = 0.5932\ndE/dw5 = 0.082167041\nw5' = 0.35891648\n∂E/∂w6 = 0.0827\n"
                .getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= answers.length; cut += Math.max(1, 3 / SCALE)) {
            Path a = file("answers-" + cut + ".txt", java.util.Arrays.copyOf(answers, cut));
            check("truncation", "check", Cli.resource("mazur.txt"), "--lr", "0.5", "--expect", a.toString());
        }
        byte[] csv = "a,b,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n\"q\",9,1\n".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= csv.length; cut += Math.max(1, 4 / SCALE)) {
            check("truncation", "train", file("cut-" + cut + ".csv", java.util.Arrays.copyOf(csv, cut)).toString(),
                    "--label", "label", "--epochs", "2", "--test-fraction", "0");
        }
    }

    @Test
    void deepNesting() {
        int[] depths = SCALE > 1 ? new int[] {10, 999, 1000, 1001, 5000, 100_000, 1_000_000} : new int[] {10, 1001, 100_000};
        for (int d : depths) {
            check("deep-nesting", "grad", "f = " + "(".repeat(d) + "x" + ")".repeat(d), "--at", "x=1");
            check("deep-nesting", "grad", "f = " + "-".repeat(d) + "x", "--at", "x=1");
            check("deep-nesting", "grad", "f = " + "sin(".repeat(d) + "x" + ")".repeat(d), "--at", "x=1");
            check("deep-nesting", "grad", "f = x" + "^x".repeat(d), "--at", "x=1");
            check("deep-nesting", "grad", "f = " + "(".repeat(d), "--at", "x=1");
            check("deep-nesting", "check", "f = x", "--at", "x=1", "--expect", "f = " + "(".repeat(d) + "1");
        }
        // A long chain of statements is not nesting: it must work.
        StringBuilder chain = new StringBuilder("x0 = 1\n");
        for (int i = 1; i <= 20_000 * SCALE; i++) {
            chain.append('x').append(i).append(" = sin(x").append(i - 1).append(")\n");
        }
        Cli r = check("deep-nesting", "grad", file("chain.txt", chain.toString().getBytes(StandardCharsets.UTF_8)).toString(),
                "--format", "csv");
        assertTrue(r.code() == 0, r.err());
    }

    @Test
    void hugeLines() {
        Random rng = new Random(SEED + 2);
        int n = 200_000 * SCALE;
        check("huge-line", "grad", "f = " + "x + ".repeat(n) + "x", "--at", "x=1", "--format", "csv");
        check("huge-line", "grad", "f = " + "x".repeat(n), "--at", "x=1");
        check("huge-line", "grad", "f = 1" + "0".repeat(n), "--at", "x=1");
        check("huge-line", "grad", "f = 0." + "0".repeat(n) + "1");
        check("huge-line", "grad", "f = x", "--at", "x=" + "9".repeat(n));
        check("huge-line", "grad", "f = " + randomText(rng, n));
        check("huge-line", "grad", "f = x", "--at", "x=1".repeat(n));
        check("huge-line", "check", "f = x", "--at", "x=1", "--expect", "f = " + "1".repeat(n));
        check("huge-line", "grad", "f = x #" + "€".repeat(n), "--at", "x=1");
        check("huge-line", "grad", file("oneline.txt", ("f = " + "x*".repeat(n) + "x").getBytes(StandardCharsets.UTF_8))
                .toString(), "--at", "x=1.0000001", "--max-input-mb", "1");
    }

    static final String[] ODD_NUMBERS = {"0x1p3", "0x10", "1d", "1f", "1D", "NaN", "nan", "Infinity", "-Infinity", "inf",
        "∞", "1e-400", "-1e-400", "1e400", "1e99999999999", "1e-99999999999", "4.9e-324", "2.2250738585072014E-308",
        "1.7976931348623157e308", "1.7976931348623159e308", "-0", "+0", "0e-400", "00", "010", "1.", ".5", ".", "-.", "-",
        "+", "e1", "1e", "1e+", "1_000", "1,5", "1 5", " 1", "1 ", "١٢٣", "１２３", "²", "−1", "--1", "+-1", "1e1e1",
        "0.1.2", "9".repeat(400), "0." + "0".repeat(400) + "1", "", " ", "\u001b[31m1", "1\u0000", "true", "x",
        "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999"};

    @Test
    void oddNumbersEverywhere() {
        Path o = dir.resolve("n.dot");
        Random rng = new Random(SEED + 3);
        for (int rep = 0; rep < SCALE; rep++) {
            for (String odd : ODD_NUMBERS) {
                String n = rep == 0 ? odd : mutate(rng, odd); // the soak also tries near misses
                check("odd-number", "grad", "f = 4*x", "--at", "x=" + n);
                check("odd-number", "grad", "f = 4*x + " + n, "--at", "x=1");
                check("odd-number", "grad", "f = 4*x", "--at", "x=1", "--lr", n);
                check("odd-number", "grad", "f = 4*x", "--at", "x=1", "--digits", n);
                check("odd-number", "check", "f = 4*x", "--at", "x=1", "--expect", "f = " + n);
                check("odd-number", "check", "f = 4*x", "--at", "x=1", "--expect", "f = 4", "--tol", n);
                check("odd-number", "gradcheck", "f = 4*x", "--trials", n.isEmpty() ? "0" : n.length() > 12 ? n : "3");
                check("odd-number", "gradcheck", "f = 4*x", "--seed", n, "--trials", "2");
                check("odd-number", "render", "f = 4*x", "--at", "x=1", "-o", o.toString(), "--scale", n);
                check("odd-number", "render", "f = 4*x", "--at", "x=1", "-o", o.toString(), "--precision", n);
                check("odd-number", "render", "f = 4*x", "--at", "x=1", "-o", o.toString(), "--max-nodes", n);
                check("odd-number", "grad", "f = 4*x", "--max-input-mb", n);
                check("odd-number", "grad", "f = 4*x", "--time-limit", n);
            }
            // Values that are numbers but make the computation overflow or divide by zero.
            for (String p : new String[] {"f = exp(x)", "f = 1/x", "f = log(x)", "f = x^x", "f = sqrt(x)", "f = x*1e308*10"}) {
                for (String at : new String[] {"x=0", "x=-1", "x=1000", "x=1e308", "x=4.9e-324"}) {
                    check("odd-number", "grad", p, "--at", at, "--lr", "1e300");
                    check("odd-number", "gradcheck", p, "--at", at, "--trials", "3");
                }
            }
        }
    }

    /** {@code s} with one character inserted, deleted or replaced by one of a number's characters. */
    static String mutate(Random rng, String s) {
        String chars = "0123456789.eE+-−xXpPdDfF_, \u00a0";
        StringBuilder b = new StringBuilder(s);
        int at = b.length() == 0 ? 0 : rng.nextInt(b.length());
        switch (rng.nextInt(3)) {
            case 0 -> b.insert(at, chars.charAt(rng.nextInt(chars.length())));
            case 1 -> {
                if (b.length() > 0) {
                    b.deleteCharAt(at);
                }
            }
            default -> {
                if (b.length() > 0) {
                    b.setCharAt(at, chars.charAt(rng.nextInt(chars.length())));
                }
            }
        }
        return b.toString();
    }

    @Test
    void oddFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path empty = file("empty.txt", new byte[0]);
        Path bomOnly = file("bom.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Path nul = file("nul.txt", "f = x\u0000 + 1".getBytes(StandardCharsets.UTF_8));
        Path utf16 = file("utf16.txt", "f = x + 1".getBytes(StandardCharsets.UTF_16));
        Path latin1 = file("latin1.txt", "f = x # café".getBytes(StandardCharsets.ISO_8859_1));
        Path crlf = file("crlf.txt", "x = 1\r\nf = 2*x\r\n".getBytes(StandardCharsets.UTF_8));
        Path loop = dir.resolve("loop.txt");
        if (!Files.exists(loop, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(loop, loop.getFileName());
        }
        List<String> odd = new ArrayList<>(List.of(folder.toString(), empty.toString(), bomOnly.toString(), nul.toString(),
                utf16.toString(), latin1.toString(), crlf.toString(), loop.toString(), dir.resolve("missing.txt").toString(),
                "", " ", "-", "/", "//", ".", "..", "x".repeat(5000), dir.resolve("a\u001b]0;t\u0007.txt").toString()));
        for (String special : new String[] {"/dev/null", "/dev/zero", "/dev/urandom", "/proc/self/status"}) {
            if (Files.exists(Path.of(special))) {
                odd.add(special);
            }
        }
        for (int rep = 0; rep < SCALE; rep++) {
            for (String f : odd) {
                byte[] stdin = f.equals("-") ? "f = 1".getBytes(StandardCharsets.UTF_8) : new byte[0];
                HostileInputTest.withStdin(stdin, () -> check("odd-file", "grad", f, "--max-input-mb", "1"));
                check("odd-file", "check", "f = 1", "--expect", f, "--max-input-mb", "1");
                check("odd-file", "train", f, "--label", "c1", "--epochs", "1", "--max-input-mb", "1");
                check("odd-file", "gradcheck", f, "--trials", "1", "--max-input-mb", "1");
            }
        }
    }

    @Test
    void oddOutputPaths() throws IOException {
        // "" and " " are relative names: whatever accepts them writes into the folder the tests run
        // in (cli/, the source tree). Nothing may: slides refuses both, the others refuse them too.
        Path here = Path.of("").toAbsolutePath();
        List<String> before = listing(here);
        Path aFile = file("a-file.txt", "x".getBytes(StandardCharsets.UTF_8));
        List<String> outs = new ArrayList<>(List.of("", " ", dir.toString(), dir.resolve("no/such/folder/f.dot").toString(),
                aFile.resolve("f.dot").toString(), dir.resolve("f.unknown").toString(), dir.resolve("f").toString(),
                dir.resolve(".dot").toString(), dir.resolve("x".repeat(300) + ".dot").toString(),
                dir.resolve("ctl\u001b[2J.dot").toString(), dir.resolve("f.DOT").toString(), "/proc/version.dot",
                dir.resolve("f.svg/").toString()));
        if (Files.exists(Path.of("/dev/full"))) {
            outs.add("/dev/full");
        }
        for (int rep = 0; rep < SCALE; rep++) {
            for (String o : outs) {
                check("odd-output", "render", "f = x*y", "--at", "x=1,y=2", "-o", o);
                check("odd-output", "grad", "f = x*y", "--at", "x=1,y=2", "-o", o);
                if (SCALE > 1 || o.length() < 2 || o.contains("such")) { // slides draw SVG frames: slow
                    check("odd-output", "slides", "f = x*y", "--at", "x=1,y=2", "-o", o);
                }
                check("odd-output", "train", Cli.resource("mazur.txt"), "--label", "c1", "--save", o);
            }
        }
        assertEquals(before, listing(here), "the odd output paths wrote into " + here);
        for (String blank : List.of("", " ")) {
            Cli slides = Cli.run("slides", "f = x*y", "--at", "x=1,y=2", "-o", blank);
            assertEquals(2, slides.code(), slides.out());
            assertTrue(slides.err().startsWith("error: -o '" + blank + "' names no folder: give the folder for the slides,"),
                    slides.err());
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
