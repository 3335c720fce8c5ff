package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ./chainrule does around the JVM, run for real with a stand-in {@code java} on the PATH (a
 * shell script that prints its arguments, writes the archive it is asked to dump, and prints the
 * JVM's incubator notice when given the Vector API): which options each command gets, a clean
 * stderr with the exit status passed on, the class-data archive made once and then used, and an
 * unwritable cache that changes nothing.
 */
class LauncherBehaviourTest {
    private static final String NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    Path dir;
    private Path launcher;
    private Path bin;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash");
        Path root = Files.createDirectories(dir.resolve("checkout"));
        launcher = root.resolve("chainrule");
        Files.writeString(launcher, ProjectPoms.read("chainrule"));
        Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(root.resolve("cli/target/chainrule.jar"), "not a real jar");
        bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, String.join("\n",
                "#!/bin/bash",
                "for a in \"$@\"; do",
                "  case \"$a\" in",
                "    -XX:SharedArchiveFile=*) [ \"$1\" = -Xshare:dump ] && echo archive > \"${a#*=}\" ;;",
                "    -XX:DumpLoadedClassList=*) printf 'java/lang/Object\\n@lambda-proxy picocli/X\\n' > \"${a#*=}\" ;;",
                "    --add-modules) echo '" + NOTICE + "' >&2 ;;",
                "  esac",
                "done",
                "[ \"$1\" = -Xshare:dump ] && exit 0",
                "echo \"args: $*\"",
                "echo 'a line on stderr' >&2",
                "printf 'last words without a newline' >&2",
                "exit 3",
                ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("CHAINRULE_JAVA_OPTS");
        pb.environment().remove("CHAINRULE_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }

    private Map<String, String> cache(Path d) {
        return Map.of("CHAINRULE_CACHE_DIR", d.toString());
    }

    @Test
    void trainGetsTheVectorApiWithoutTheNoticeOnStderrAndKeepsTheExitStatus() throws Exception {
        Run r = run(Map.of("CHAINRULE_CDS", "off"), "train", "data.csv", "--label", "y");
        assertEquals(3, r.code());
        assertTrue(r.out().startsWith("args: --add-modules jdk.incubator.vector -XX:+UseSerialGC -jar "), r.out());
        assertTrue(r.out().trim().endsWith("chainrule.jar train data.csv --label y"), r.out());
        assertFalse(r.out().contains("TieredStopAtLevel"), "train keeps the full JIT: " + r.out());
        assertEquals("a line on stderr\nlast words without a newline", r.err());
    }

    @Test
    void shortCommandsGetTheClientJitAndLongOnesTheFullJit() throws Exception {
        Map<String, String> off = Map.of("CHAINRULE_CDS", "off");
        assertTrue(run(off, "grad", "f = x").out().startsWith("args: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "));
        assertTrue(run(off, "--version").out().startsWith("args: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "));
        Run gradcheck = run(off, "gradcheck");
        assertTrue(gradcheck.out().startsWith("args: -jar "), gradcheck.out());
        assertEquals("a line on stderr\nlast words without a newline", gradcheck.err());
        Run studio = run(off, "studio");
        assertTrue(studio.out().startsWith("args: -XX:-DontCompileHugeMethods -jar "), studio.out());
        assertEquals("a line on stderr\nlast words without a newline", studio.err());
        assertTrue(run(off, "example", "moons").out().startsWith("args: --add-modules jdk.incubator.vector -XX:+UseSerialGC -jar "));
        Run extra = run(Map.of("CHAINRULE_CDS", "off", "CHAINRULE_JAVA_OPTS", "-Xmx2g -Dx=1"), "grad");
        assertTrue(extra.out().startsWith("args: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx2g -Dx=1 -jar "), extra.out());
    }

    @Test
    void theArchiveIsMadeAfterTheFirstRunAndUsedAfterwards() throws Exception {
        Path cache = dir.resolve("cache");
        Run first = run(cache(cache), "grad", "f = x");
        assertTrue(first.out().contains("-XX:DumpLoadedClassList=" + cache), first.out());
        assertFalse(first.out().contains("SharedArchiveFile"), first.out());
        Path archive = null;
        for (int i = 0; i < 100 && archive == null; i++) {
            try (Stream<Path> s = Files.list(cache)) {
                archive = s.filter(p -> p.toString().endsWith(".jsa")).findFirst().orElse(null);
            }
            Thread.sleep(100);
        }
        assertTrue(archive != null, "an archive appears in the cache");
        Run second = run(cache(cache), "grad", "f = x");
        assertTrue(second.out().contains("-XX:SharedArchiveFile=" + archive + " -Xshare:auto"), second.out());
        assertFalse(second.out().contains("DumpLoadedClassList"), second.out());
        assertEquals(3, second.code());
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(List.of(archive), s.toList(), "the class list and the lock are cleaned up");
        }
        assertTrue(archive.getFileName().toString().contains("-grad-"), "one archive per command: " + archive);
        Run other = run(cache(cache), "--version");
        assertTrue(other.out().contains("-XX:DumpLoadedClassList="), "--version records its own classes: " + other.out());
    }

    @Test
    void aGradThatDrawsHasAnArchiveOfItsOwnAndKeepsThePlainOne() throws Exception {
        Path cache = dir.resolve("cache");
        run(cache(cache), "grad", "f = x");
        Path plain = awaitArchive(cache, "-grad-");
        for (List<String> drawing : List.of(List.of("grad", "f = x", "-o", "f.svg"), List.of("grad", "f = x", "--output=f.png"),
                List.of("grad", "f = x", "-of.svg"))) {
            Run r = run(cache(cache), drawing.toArray(new String[0]));
            assertFalse(r.out().contains("-XX:SharedArchiveFile=" + plain), drawing + ": " + r.out());
        }
        Path drawn = awaitArchive(cache, "-grad_render-");
        Run again = run(cache(cache), "grad", "f = x", "--output", "f.svg");
        assertTrue(again.out().contains("-XX:SharedArchiveFile=" + drawn + " "), again.out());
        Run plainAgain = run(cache(cache), "grad", "f = x", "--format", "csv");
        assertTrue(plainAgain.out().contains("-XX:SharedArchiveFile=" + plain + " "), "the plain archive is kept: " + plainAgain.out());
    }

    private static Path awaitArchive(Path cache, String group) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> s = Files.list(cache)) {
                Path found = s.filter(p -> p.toString().endsWith(".jsa") && p.getFileName().toString().contains(group))
                        .findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no archive for " + group + " in " + cache);
    }

    @Test
    void aPomOrMainSourceNewerThanTheJarRebuildsItAndNothingElseDoes() throws Exception {
        Path root = launcher.getParent();
        Path jar = root.resolve("cli/target/chainrule.jar");
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/bash\necho \"$*\" >> '" + dir.resolve("mvn.log") + "'\ntouch '" + jar + "'\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> off = Map.of("CHAINRULE_CDS", "off");
        Path source = Files.createDirectories(root.resolve("engine/src/main/java/x")).resolve("Y.java");
        Path hidden = Files.createDirectories(root.resolve("viz/src/main/resources/.cache")).resolve("z.txt");
        Path test = Files.createDirectories(root.resolve("engine/src/test/java")).resolve("YTest.java");
        for (Path p : List.of(source, hidden, test, root.resolve("pom.xml"), root.resolve("nn/pom.xml"))) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        // Times in the past: the stand-in mvn's touch makes the jar newer than everything.
        long t0 = System.currentTimeMillis() - 1_000_000;
        for (Path p : List.of(source, hidden, test, root.resolve("pom.xml"), root.resolve("nn/pom.xml"))) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(t0 - 10_000));
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(t0));

        Run fresh = run(off, "--version");
        assertFalse(fresh.err().contains("building"), fresh.err());
        assertFalse(Files.exists(dir.resolve("mvn.log")), "nothing newer than the jar: no build");
        // A test source or a directory is not a main source file.
        Files.setLastModifiedTime(test, FileTime.fromMillis(t0 + 1000));
        Files.setLastModifiedTime(source.getParent(), FileTime.fromMillis(t0 + 1000));
        run(off, "--version");
        assertFalse(Files.exists(dir.resolve("mvn.log")), "a test file or a directory is not a main source");

        int builds = 0;
        for (Path p : List.of(source, hidden, root.resolve("pom.xml"), root.resolve("nn/pom.xml"))) {
            t0 += 10_000;
            Files.setLastModifiedTime(jar, FileTime.fromMillis(t0));
            Files.setLastModifiedTime(p, FileTime.fromMillis(t0 + 1000));
            Run r = run(off, "--version");
            builds++;
            assertTrue(r.err().startsWith("chainrule: building cli/target/chainrule.jar"), p + ": " + r.err());
            assertEquals(builds, Files.readAllLines(dir.resolve("mvn.log")).size(), p + " is newer than the jar");
            assertTrue(r.out().contains("-jar " + jar + " --version"), r.out());
            run(off, "--version");
            assertEquals(builds, Files.readAllLines(dir.resolve("mvn.log")).size(), "rebuilt once, not again: " + p);
            Files.setLastModifiedTime(p, FileTime.fromMillis(t0 - 1000));
        }
        assertEquals("-B -DskipTests package -pl cli -am", Files.readAllLines(dir.resolve("mvn.log")).get(0));
    }

    @Test
    void anUnwritableCacheChangesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run r = run(cache(file.resolve("cache")), "grad", "f = x");
        assertEquals(3, r.code());
        assertTrue(r.out().startsWith("args: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "), r.out());
        assertEquals("a line on stderr\nlast words without a newline", r.err());
    }
}
