package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Shortcuts} runs the plainest {@code grad} lines and {@code --version} without picocli:
 * every command line must print the same bytes and give the same exit code with the shortcut as
 * through picocli, whether the shortcut takes it or leaves it.
 */
class ShortcutsTest {
    private static final String MAZUR = Cli.resource("mazur.txt");

    /** Lines the shortcut takes (their errors included). */
    private static final List<String[]> TAKEN = List.of(
            new String[] {"grad", "f = (x + y)·z", "--at", "x=-2,y=5,z=-4"},
            new String[] {"grad", "--at", "x=-2,y=5,z=-4", "f = (x + y)·z"},
            new String[] {"grad", "f = (x + y)·z", "--at", "x=-2,y=5,z=-4", "--of", "f"},
            new String[] {"grad", "--of", "q", "f = (x + y)·z; q = f·f", "--at", "x=1,y=2,z=3"},
            new String[] {"grad", "x = 2; y = 3; f = x^2·y"},
            new String[] {"grad", MAZUR, "--of", "E"},
            new String[] {"grad", MAZUR, "--of", "E_total"},
            new String[] {"grad", "f = log(x)", "--at", "x=0"},
            new String[] {"grad", "f = (x + y)·z", "--at", "x=1"},
            new String[] {"grad", "f = (x + y)·z", "--at", "x=1,y=2,z=3,w=4"},
            new String[] {"grad", "f = (x + y)·z", "--at", "x=one"},
            new String[] {"grad", "f = (x + y)·z", "--at", ""},
            new String[] {"grad", "f = (x + ", "--at", "x=1"},
            new String[] {"grad", ""},
            new String[] {"grad", "no/such/file.txt"},
            new String[] {"grad", "f = x", "--of", "g"},
            new String[] {"grad", "f = x\u0007 + 1"},
            new String[] {"grad", "f = (x + y)·z", "--at", "x=1e400,y=1,z=1"},
            new String[] {"grad", "f = (x + y)·z", "--at", "x=1e-400,y=1,z=1"},
            new String[] {"grad", "f = (x + y)·z", "--at", "x=NaN,y=1,z=1"},
            new String[] {"grad", "f = " + "x + ".repeat(5000) + "x", "--at", "x=1e-300"},
            new String[] {"--version"},
            new String[] {"-V"});

    /**
     * Lines the shortcut leaves to picocli: errors of the command line, help, other options. (Not
     * {@code grad -}, which reads the test JVM's standard input either way.)
     */
    private static final List<String[]> LEFT = List.of(
            new String[] {"grad"},
            new String[] {"grad", "f = x", "--at", "x=1", "--at", "x=2"},
            new String[] {"grad", "f = x", "--of", "f", "--of", "f"},
            new String[] {"grad", "f = x", "--at"},
            new String[] {"grad", "f = x", "--at", "-x=1"},
            new String[] {"grad", "f = x", "--at=x=1"},
            new String[] {"grad", "f = x", "g = x"},
            new String[] {"grad", "@args.txt"},
            new String[] {"grad", "--", "f = x"},
            new String[] {"grad", "f = x", "-h"},
            new String[] {"grad", "f = x", "--format", "json"},
            new String[] {"grad", "f = x", "--digits", "3"},
            new String[] {"grad", "f = x", "--time-limit", "5"},
            new String[] {"--version", "grad"},
            new String[] {"grad", "--version"},
            new String[] {"Grad", "f = x"});

    @Test
    void everyLineOfTheCorpusPrintsTheSameWithTheShortcutAsThroughPicocli() {
        for (List<String[]> corpus : List.of(TAKEN, LEFT)) {
            for (String[] args : corpus) {
                assertEquals(Run.of(false, args), Run.of(true, args), String.join(" ", args));
            }
        }
    }

    @Test
    void randomLinesOfTheSameWordsPrintTheSameBothWays() {
        String[] words = {"grad", "grad", "--at", "--at", "--of", "f = (x + y)·z", "x = 2; f = x^2", MAZUR,
            "x=-2,y=5,z=-4", "x=2", "f", "E", "q", "--", "-h", "-V", "--version", "@x", "", "--format", "json",
            "--hessian", "x=", "=1", ",", "f = sin(x", "--at=x=1", "--of=f", "check"};
        Random random = new Random(20261130);
        int taken = 0;
        int lines = 400;
        for (int n = 0; n < lines; n++) {
            List<String> line = new ArrayList<>();
            line.add(random.nextInt(6) == 0 ? words[random.nextInt(words.length)] : "grad");
            int more = random.nextInt(6);
            for (int i = 0; i < more; i++) {
                line.add(words[random.nextInt(words.length)]);
            }
            String[] args = line.toArray(String[]::new);
            boolean takes = Shortcuts.plainGrad(args) != null || args.length == 1 && args[0].matches("-V|--version");
            taken += takes ? 1 : 0;
            assertEquals(Run.of(false, args), Run.of(true, args), String.join(" | ", args));
        }
        System.out.println("ShortcutsTest: " + lines + " random lines, " + taken + " taken by the shortcut");
        assertTrue(taken >= 20 && taken <= lines - 100, "taken " + taken + " of " + lines);
    }

    @Test
    void theShortcutTakesTheReadmesLineInAnyOrderAndLeavesEverythingElse() {
        GradJob job = Shortcuts.plainGrad("grad", "--of", "f", "f = (x + y)·z", "--at", "x=-2,y=5,z=-4");
        assertNotNull(job);
        assertEquals(GradJob.plain("f = (x + y)·z", List.of("x=-2,y=5,z=-4"), "f"), job);
        assertEquals(GradJob.plain("f = x", null, null), Shortcuts.plainGrad("grad", "f = x"));
        for (String[] args : TAKEN) {
            boolean version = args.length == 1 && args[0].startsWith("-");
            assertEquals(!version, Shortcuts.plainGrad(args) != null, String.join(" ", args));
        }
        for (String[] args : LEFT) {
            assertNull(Shortcuts.plainGrad(args), String.join(" ", args));
        }
    }

    @Test
    void theVersionIsTheManifestsOrThePomsAsPicocliPrintsIt() {
        Run shortcut = Run.of(true, "--version");
        assertEquals(0, shortcut.code);
        assertEquals("chainrule " + BuildVersion.version() + System.lineSeparator(), shortcut.out);
        assertEquals("", shortcut.err);
    }

    /** What a command line printed and returned, with standard input empty. */
    private record Run(int code, String out, String err) {
        static Run of(boolean shortcuts, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), shortcuts, args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
