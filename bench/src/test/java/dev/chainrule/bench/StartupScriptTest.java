package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench/startup's statistics and JSON lines, with stand-in commands that take no time. */
class StartupScriptTest {
    private static final Path SCRIPT = Path.of("startup").toAbsolutePath();

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        // No launcher's cache: nothing to wait for.
        return run(Map.of("CHAINRULE_CACHE_DIR", "/nonexistent/chainrule-cache"), args);
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash");
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void medianAndP90FollowTheRunnersRules() throws Exception {
        assertEquals("3.000 5.000\n", run("--stats", "5", "1", "4", "2", "3").out());
        assertEquals("2.500 4.000\n", run("--stats", "4", "3", "2", "1").out());
        assertEquals("0.150 0.170\n", run("--stats", "0.17", "0.15", "0.12", "0.16", "0.15", "0.14", "0.15",
                "0.13", "0.15", "0.18").out());
    }

    @Test
    void badArgumentsAreRefusedByName() throws Exception {
        Run r = run("--stats", "1", "two");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--stats takes numbers, not 'two'"), r.err());
        assertTrue(run("--runs", "0").err().contains("--runs must be at least 1"));
        assertTrue(run("--runs", "x").err().contains("--runs needs a whole number, not 'x'"));
        assertTrue(run("--launcher", "/no/such/launcher").err().contains("'/no/such/launcher' is not an executable file"));
        assertTrue(run("--bogus").err().contains("unknown argument '--bogus'"));
    }

    @Test
    void everyCommandGetsOneJsonLineWithItsRatioToPython(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("chainrule");
        Files.writeString(fake, "#!/bin/bash\necho \"$@\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run r = run("--runs", "3", "--json", "--launcher", fake.toString(), "--python", "/bin/true");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Map<String, Object> m = FlatJson.parse(line);
            names.add((String) m.get("startup"));
            assertEquals(3.0, m.get("runs"));
            assertEquals(Boolean.TRUE, m.get("ok"));
            double median = (Double) m.get("median_s");
            assertTrue(median >= 0 && median <= (Double) m.get("p90_s"), line);
            if (!m.get("startup").equals("python")) {
                assertTrue(m.get("ratio_to_python") == null || m.get("ratio_to_python") instanceof Double, line);
            }
        }
        assertEquals(List.of("python", "grad", "svg", "version"), names);
        assertTrue(lines.get(1).contains("\"command\": \"chainrule grad \\\"f = (x + y)·z\\\" --at x=-2,y=5,z=-4\""),
                lines.get(1));
    }

    @Test
    void pythonIsTimedAsTheInterpreterItRunsNotAShimInFrontOfIt(@TempDir Path dir) throws Exception {
        Path real = executable(dir.resolve("python-real"), "#!/bin/bash\nexit 0\n");
        Path shim = executable(dir.resolve("python-shim"),
                "#!/bin/bash\ncase \"$2\" in *sys.executable*) echo '" + real + "' ;; esac\nexit 0\n");
        Path fake = executable(dir.resolve("chainrule"), "#!/bin/bash\nexit 0\n");
        Run r = run("--runs", "1", "--json", "--launcher", fake.toString(), "--python", shim.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> python = FlatJson.parse(r.out().lines().findFirst().orElseThrow());
        assertEquals(real + " bench/peers/grad_by_hand.py", python.get("command"));
    }

    @Test
    void timedRunsWaitUntilTheLaunchersArchiveIsMade(@TempDir Path dir) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        // Like ./chainrule: its first run leaves a class list that a background job turns into an archive.
        Path fake = executable(dir.resolve("chainrule"), String.join("\n", "#!/bin/bash",
                "c=\"$CHAINRULE_CACHE_DIR\"",
                "if [ ! -e \"$c/started\" ]; then",
                "  touch \"$c/started\" \"$c/chainrule-x-grad-1.lst.99\"",
                "  (sleep 1; rm -f \"$c/chainrule-x-grad-1.lst.99\") &",
                "  exit 0",
                "fi",
                "[ -e \"$c/chainrule-x-grad-1.lst.99\" ] && echo \"$*\" >> \"$c/seen\"",
                "exit 0", ""));
        Run r = run(Map.of("CHAINRULE_CACHE_DIR", cache.toString()), "--runs", "2", "--json", "--launcher", fake.toString(),
                "--python", "/bin/true");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(cache.resolve("started")));
        assertTrue(!Files.exists(cache.resolve("seen")), "a timed run started while the archive was being made");
    }

    private static Path executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aMissingPythonIsSkippedNotPassedAndAFailingCommandFails(@TempDir Path dir) throws Exception {
        Path failing = dir.resolve("chainrule");
        Files.writeString(failing, "#!/bin/bash\nexit 2\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run r = run("--runs", "1", "--json", "--launcher", failing.toString(), "--python", "/no/such/python");
        assertNotEquals(0, r.code());
        Map<String, Object> python = FlatJson.parse(r.out().lines().findFirst().orElseThrow());
        assertEquals("no working /no/such/python", python.get("skipped"));
        assertEquals(Boolean.FALSE, python.get("ok"));
        assertTrue(r.out().contains("\"skipped\": \"the command failed\""), r.out());
    }
}
