package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The named ParameterFile cases of issue 14: hostile files fail clearly, saves respect the file system. */
class ParameterFileHardeningTest {
    @TempDir
    Path dir;

    static MLP net(long seed) {
        return new MLP(3, List.of(4, 2), List.of(Activation.TANH, Activation.LINEAR), new Random(seed));
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void aHundredThousandDeepFileIsRefusedByItsNestingNotAStackOverflow() throws IOException {
        Path file = dir.resolve("deep.json");
        Files.writeString(file, "[".repeat(100_000) + "]".repeat(100_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(net(1), file));
        assertEquals("deep.json: not valid JSON at 1:257: arrays and objects nested more than 256 levels deep "
                + "(a parameter file nests 3)", e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByLineAndOffset() throws IOException {
        Path file = dir.resolve("m.json");
        ParameterFile.save(net(1), file);
        byte[] b = Files.readAllBytes(file);
        int at = new String(b, StandardCharsets.UTF_8).indexOf("l1.n1.w2");
        b[at] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        Files.write(file, b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(net(1), file));
        assertEquals("m.json is not UTF-8 text: line 5, byte offset " + at + " (byte 0xc3); save it as UTF-8 and try again",
                e.getMessage());
    }

    @Test
    void aMissingFileSaysSoOnce() {
        Path file = dir.resolve("missing.json");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ParameterFile.load(net(1), file));
        assertEquals("load: cannot read " + file + ": no such file or folder", e.getMessage());
    }

    @Test
    void numbersThatDoNotFitADoubleAreRefused() throws IOException {
        Path file = dir.resolve("m.json");
        ParameterFile.save(net(1), file);
        String text = Files.readString(file).replaceFirst("\n \"sha256\": \"[0-9a-f]+\",", "");
        String tiny = text.replaceFirst("(\"l1\\.n1\\.w1\", \"shape\": \\[\\], \"values\": \\[)[^]]*]", "$11e-400]");
        Files.writeString(file, tiny);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(net(1), file));
        assertTrue(e.getMessage().matches("m\\.json: not valid JSON at 3:\\d+: '1e-400' is too small for a double: "
                + "it would become 0.*"), e.getMessage());
    }

    @Test
    void theChecksumCatchesAChangedNumberAndIsOptional() throws IOException {
        Path file = dir.resolve("m.json");
        MLP a = net(1);
        a.set("l1.n1.w1", 0.25);
        ParameterFile.save(a, file);
        String text = Files.readString(file);
        assertTrue(text.matches("(?s)\\{\"format\": \"chainrule-parameters\", \"version\": 1,\n \"sha256\": \"[0-9a-f]{64}\",\n"
                + " \"parameters\": \\[\n.*"), text);
        Files.writeString(file, text.replace("[0.25]", "[0.35]"));
        MLP b = net(2);
        double[] before = b.parameterValues();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(b, file));
        assertEquals("m.json: the checksum does not match the numbers: the file was changed after it was saved (a damaged "
                + "copy, or an edit by hand); if you edited it on purpose, delete its \"sha256\" line and load it again",
                e.getMessage());
        assertArrayEquals(before, b.parameterValues(), 0.0);
        // The edit was meant: delete the checksum's line, and the edited number loads.
        Files.writeString(file, text.replace("[0.25]", "[0.35]").replaceFirst("\n \"sha256\": \"[0-9a-f]+\",", ""));
        ParameterFile.load(b, file);
        assertEquals(0.35, b.namedParameters().get("l1.n1.w1").data());
        // Layout is not covered: reformatting keeps the meaning and the checksum.
        Files.writeString(file, text.replace(", ", ",  ").replace("\n", "\r\n"));
        ParameterFile.load(b, file);
        assertArrayEquals(a.parameterValues(), b.parameterValues(), 0.0);
    }

    @Test
    void savingKeepsTheFilesPermissionsAndANewFileGetsTheUsualOnes() throws IOException {
        assumeTrue(posix());
        Path file = dir.resolve("m.json");
        for (String perms : new String[] {"rw-r--r--", "rw-rw-r--", "rw-------"}) {
            Files.writeString(file, "old");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
            ParameterFile.save(net(1), file);
            assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        Path plain = Files.createFile(dir.resolve("plain"));
        Path fresh = dir.resolve("fresh.json");
        ParameterFile.save(net(1), fresh);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh),
                "a new file gets the permissions any new file gets here (the umask's), not owner-only");
    }

    @Test
    void savingWritesThroughASymbolicLinkToItsTarget() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path links = Files.createDirectories(dir.resolve("links"));
        Path target = real.resolve("model.json");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(links.resolve("model.json"), Path.of("../real/model.json"));
        Path linkToLink = Files.createSymbolicLink(links.resolve("again.json"), Path.of("model.json"));
        MLP a = net(1);
        ParameterFile.save(a, linkToLink);
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(linkToLink), "the links stay links");
        MLP b = net(2);
        ParameterFile.load(b, target);
        assertArrayEquals(a.parameterValues(), b.parameterValues(), 0.0);
        try (var in = Files.list(real); var in2 = Files.list(links)) {
            assertEquals(List.of(target), in.toList(), "no temporary file left in the target's folder");
            assertEquals(2, in2.count());
        }
        // A link whose target does not exist yet: the target is created.
        Path dangling = Files.createSymbolicLink(links.resolve("new.json"), real.resolve("new.json"));
        ParameterFile.save(a, dangling);
        assertTrue(Files.isSymbolicLink(dangling) && Files.isRegularFile(real.resolve("new.json")));
    }

    @Test
    void staleTemporaryFilesOfOurNamingAreCleanedOnTheNextSave() throws IOException {
        Path file = dir.resolve("m.json");
        Path deadPid = Files.writeString(dir.resolve(".m.json.999999999.k3j2.tmp"), "half");  // no such process
        Path oldNaming = Files.writeString(dir.resolve(".m.json.4711.tmp"), "half");
        Files.setLastModifiedTime(oldNaming, FileTime.from(Instant.now().minusSeconds(7200)));
        Path recentOldNaming = Files.writeString(dir.resolve(".m.json.4712.tmp"), "maybe a save in progress");
        Path live = Files.writeString(dir.resolve(".m.json." + ProcessHandle.current().pid() + ".x1.tmp"), "in progress");
        Path otherFile = Files.writeString(dir.resolve(".other.json.999999999.k3j2.tmp"), "not ours to judge");
        Path notOurs = Files.writeString(dir.resolve(".m.json.notes.tmp"), "someone else's");
        ParameterFile.save(net(1), file);
        assertFalse(Files.exists(deadPid));
        assertFalse(Files.exists(oldNaming));
        assertTrue(Files.exists(recentOldNaming));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(otherFile));
        assertTrue(Files.exists(notOurs));
        ParameterFile.load(net(2), file);
    }
}
