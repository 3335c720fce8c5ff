package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every example in every {@code --help} text runs as written, from the repository's root as the
 * README says: its exit code is 0 or 1 (a check may find a wrong answer), never 2. Files the
 * example reads are the project's own; files it writes go to a temporary folder.
 */
class HelpExamplesTest {
    /**
     * Commands that wait for a person (a server): their examples are not run. {@code shell} is run:
     * given an empty standard input and no terminal, it runs its start-up script and exits.
     */
    private static final Set<String> INTERACTIVE = Set.of("studio");

    /** Options whose value is a file or folder the example writes. */
    private static final Set<String> OUTPUTS = Set.of("-o", "--out", "--output", "--plot", "--save");

    @TempDir
    static Path out;

    @TestFactory
    Stream<DynamicTest> everyHelpExampleRuns() {
        List<DynamicTest> tests = new ArrayList<>();
        CommandLine root = Main.commandLine(new Io(System.out, System.err));
        List<CommandLine> commands = new ArrayList<>();
        commands.add(root);
        commands.addAll(root.getSubcommands().values());
        for (CommandLine c : commands) {
            for (String line : String.join("\n", c.getCommandSpec().usageMessage().footer()).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("chainrule ")
                        && !INTERACTIVE.contains(words(trimmed.substring("chainrule ".length())).get(0))) {
                    tests.add(DynamicTest.dynamicTest(trimmed, () -> run(trimmed)));
                }
            }
        }
        assertTrue(tests.size() >= 20, "found only " + tests.size() + " examples");
        return tests.stream();
    }

    private static void run(String example) {
        List<String> words = words(example.substring("chainrule ".length()));
        Path repo = repositoryRoot();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i > 0 && OUTPUTS.contains(words.get(i - 1))) {
                words.set(i, out.resolve(w).toString());
            } else if (!w.startsWith("-") && !w.contains("\n") && w.length() < 200 && Files.exists(repo.resolve(w))) {
                words.set(i, repo.resolve(w).toString());
            }
        }
        // `example NAME` writes its pictures to chainrule-out/NAME in the working folder unless told
        // where: give it the temporary folder, so that the test writes nothing into the source tree.
        if (!words.isEmpty() && words.get(0).equals("example") && words.stream().noneMatch(OUTPUTS::contains)
                && words.stream().noneMatch(w -> w.equals("--help") || w.equals("-h") || w.equals("--list"))) {
            words.add("--out");
            words.add(out.resolve("chainrule-out").toString());
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        // An empty standard input of its own: an example never reads (or waits on) the test runner's.
        int code = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), words.toArray(new String[0]));
        String err = e.toString(StandardCharsets.UTF_8);
        assertTrue(code == 0 || code == 1, example + "\nexit " + code + "\n" + err + o.toString(StandardCharsets.UTF_8));
        assertTrue(!err.contains("Exception") && !err.contains("internal error"), example + "\n" + err);
    }

    /** The words of a command line as a POSIX shell splits them: double quotes group, nothing else is special. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == '\\' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                w.append('"');
                i++;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("chainrule"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("not inside the repository: no 'chainrule' launcher above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
