package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ParameterFile under damage (issue 14): every truncation, random byte flips, insertions and
 * deletions, and SIGKILL in the middle of a save. A load either fails with a message that names
 * the file and leaves the model unchanged, or gives exactly the saved numbers: never a
 * silently different model. Thanks to the checksum, a flipped digit cannot load.
 *
 * <p>CI runs a fast slice; the soak runs more, with other seeds:
 * <pre>
 * mvn -B -ntp test -pl nn -am -Dtest=ParameterFileFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dchainrule.fuzz.scale=40 -Dchainrule.fuzz.seed=7
 * </pre>
 */
class ParameterFileFuzzTest {
    static final int SCALE = Integer.getInteger("chainrule.fuzz.scale", 1);
    static final long SEED = Long.getLong("chainrule.fuzz.seed", 20261130L);

    @TempDir
    Path dir;

    static MLP model(long seed) {
        MLP m = new MLP(3, List.of(4, 2), List.of(Activation.TANH, Activation.LINEAR), new Random(seed));
        m.set("l1.n1.w1", seed == 1 ? 0.1 + 0.2 : -1e-300);
        return m;
    }

    /** Loads {@code bytes}; returns true if it loaded (and then it must be exactly {@code saved}). */
    private boolean loadChecked(byte[] bytes, MLP saved, String what) throws IOException {
        Path file = Files.write(dir.resolve("m.json"), bytes);
        MLP target = model(3);
        double[] before = target.parameterValues();
        try {
            ParameterFile.load(target, file);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().startsWith("m.json")) {
                fail(what + ": the message does not name the file: " + e.getMessage());
            }
            assertArrayEquals(before, target.parameterValues(), 0.0, what + ": half-loaded");
            return false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e, e);
        }
        assertArrayEquals(saved.parameterValues(), target.parameterValues(), 0.0, what + ": loaded different numbers");
        return true;
    }

    @Test
    void everyTruncationFailsCleanly() throws IOException {
        MLP a = model(1);
        Path file = dir.resolve("m.json");
        ParameterFile.save(a, file);
        byte[] good = Files.readAllBytes(file);
        int loaded = 0;
        for (int cut = 0; cut < good.length; cut++) {
            loaded += loadChecked(Arrays.copyOf(good, cut), a, "cut at " + cut) ? 1 : 0;
        }
        // Only cutting the final newline (or the closing brace's trailing whitespace) may load.
        assertTrue(loaded <= 1, loaded + " truncations loaded");
        System.out.println("fuzz parameter-file truncation: " + good.length + " inputs, " + loaded + " loaded (exact)");
    }

    @Test
    void byteFlipsInsertionsAndDeletionsNeverLoadOtherNumbers() throws IOException {
        MLP a = model(1);
        Path file = dir.resolve("m.json");
        ParameterFile.save(a, file);
        byte[] good = Files.readAllBytes(file);
        Random rng = new Random(SEED);
        int n = 1500 * SCALE;
        int loaded = 0;
        for (int i = 0; i < n; i++) {
            byte[] b;
            int kind = i % 4;
            if (kind == 0) { // one bit
                b = good.clone();
                int at = rng.nextInt(b.length);
                b[at] ^= (byte) (1 << rng.nextInt(8));
            } else if (kind == 1) { // one to three random bytes
                b = good.clone();
                for (int k = 0; k <= rng.nextInt(3); k++) {
                    b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
                }
            } else if (kind == 2) { // an inserted byte, often a digit
                int at = rng.nextInt(good.length + 1);
                b = new byte[good.length + 1];
                System.arraycopy(good, 0, b, 0, at);
                b[at] = (byte) (rng.nextBoolean() ? '0' + rng.nextInt(10) : rng.nextInt(256));
                System.arraycopy(good, at, b, at + 1, good.length - at);
            } else { // a deleted byte
                int at = rng.nextInt(good.length);
                b = new byte[good.length - 1];
                System.arraycopy(good, 0, b, 0, at);
                System.arraycopy(good, at + 1, b, at, good.length - at - 1);
            }
            loaded += loadChecked(b, a, "damage " + i + " (kind " + kind + ")") ? 1 : 0;
        }
        System.out.println("fuzz parameter-file damage: " + n + " inputs, " + loaded + " loaded (each exactly the saved "
                + "numbers: the damage hit whitespace), " + (n - loaded) + " refused with the file named");
    }

    @Test
    void aSaveKilledAtAnyMomentLeavesTheOldOrTheNewFileAndNoLitter() throws Exception {
        Path file = dir.resolve("m.json");
        Random rng = new Random(SEED + 1);
        int kills = 3 * SCALE;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int k = 0; k < kills; k++) {
            Process p = new ProcessBuilder(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    ParameterFileSaver.class.getName(), file.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (!"ready".equals(first)) {
                p.destroyForcibly();
                fail("the saver did not start: " + first);
            }
            Thread.sleep(rng.nextInt(200));
            p.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            MLP target = model(3);
            ParameterFile.load(target, file); // must be whole
            double[] v = target.parameterValues();
            assertTrue(Arrays.equals(v, model(1).parameterValues()) || Arrays.equals(v, model(2).parameterValues()),
                    "kill " + k + ": the file holds neither saved model");
        }
        ParameterFile.save(model(1), file); // cleans what the killed saves left
        try (var files = Files.list(dir)) {
            List<Path> left = files.toList();
            assertTrue(left.equals(List.of(file)), "left behind: " + left);
        }
        System.out.println("fuzz parameter-file kill: " + kills + " saves killed, each left a whole file");
    }
}
