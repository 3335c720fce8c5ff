package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.Bias;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.tensor.Init;
import dev.chainrule.nn.tensor.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading parameters: exact round trip, atomic write, clean failures. */
class ParameterFileTest {
    @TempDir
    Path dir;

    private static MLP net(long seed) {
        return new MLP(3, List.of(4, 2), List.of(Activation.TANH, Activation.LINEAR), new Random(seed));
    }

    @Test
    void roundTripIsExact() throws IOException {
        MLP a = net(1);
        a.set("l1.n2.b", 0.1 + 0.2);        // 0.30000000000000004
        a.set("l2.n1.w3", -1e-300);
        Path file = dir.resolve("model.json");
        ParameterFile.save(a, file);
        MLP b = net(2);
        ParameterFile.load(b, file);
        assertArrayEquals(a.parameterValues(), b.parameterValues(), 0.0);
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\"format\": \"chainrule-parameters\", \"version\": 1"), text);
        assertTrue(text.contains("{\"name\": \"l1.n2.b\", \"shape\": [], \"values\": [0.30000000000000004]}"), text);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
        ParameterFile.save(b, file);
        assertEquals(text, Files.readString(file), "saving over an existing file replaces it");
    }

    @Test
    void mismatchedModelIsNamedAndLeftUnchanged() {
        Path file = dir.resolve("m.json");
        ParameterFile.save(net(1), file);
        MLP other = new MLP(3, List.of(4, 2), List.of(Activation.TANH, Activation.LINEAR), Bias.SHARED, new Random(3));
        double[] before = other.parameterValues();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(other, file));
        assertEquals("m.json: parameter 3 is 'l1.n1.b' in the file but 'l1.n2.w1' in the model", e.getMessage());
        assertArrayEquals(before, other.parameterValues(), 0.0);
        MLP bigger = new MLP(3, List.of(4, 3), List.of(Activation.TANH, Activation.LINEAR), new Random(3));
        e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(bigger, file));
        assertEquals("m.json: the file has 26 parameters, the model 31; the first missing is 'l2.n3.w1'", e.getMessage());
    }

    @Test
    void corruptAndTruncatedFilesFailCleanly() throws IOException {
        Path file = dir.resolve("m.json");
        ParameterFile.save(net(1), file);
        String good = Files.readString(file);
        MLP target = net(5);
        double[] before = target.parameterValues();

        Files.writeString(file, good.substring(0, good.length() / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(target, file));
        assertTrue(e.getMessage().startsWith("m.json: not valid JSON at "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        Files.writeString(file, good.replaceFirst("\"values\": \\[", "\"values\": [x"));
        e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(target, file));
        assertTrue(e.getMessage().matches("m\\.json: not valid JSON at 4:\\d+: unexpected 'x'"), e.getMessage());

        Files.writeString(file, good.replaceFirst("\"shape\": \\[\\], \"values\": \\[[^]]*]",
                "\"shape\": [], \"values\": [1, 2]"));
        e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(target, file));
        assertEquals("m.json: parameter 0 ('l1.n1.w1'): shape [] needs 1 values, the file has 2", e.getMessage());

        Files.writeString(file, "[]");
        e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(target, file));
        assertEquals("m.json: not a parameter file: the top level is not a JSON object", e.getMessage());

        assertArrayEquals(before, target.parameterValues(), 0.0, "nothing was half-loaded");
    }

    @Test
    void tensorModelsRoundTripWithShapes() throws IOException {
        Sequential a = Sequential.mlp(3, List.of(4, 2), Activation.RELU, Init.heNormal(), new Random(1));
        Path file = dir.resolve("t.json");
        ParameterFile.save(a, file);
        assertTrue(Files.readString(file).contains("{\"name\": \"l1.weight\", \"shape\": [4, 3], \"values\": ["));
        Sequential b = Sequential.mlp(3, List.of(4, 2), Activation.RELU, Init.heNormal(), new Random(2));
        ParameterFile.load(b, file);
        for (String name : a.namedParameters().keySet()) {
            assertArrayEquals(a.parameter(name).toArray(), b.parameter(name).toArray(), 0.0, name);
        }
        Sequential wider = Sequential.mlp(3, List.of(5, 2), Activation.RELU, Init.heNormal(), new Random(2));
        double[] before = wider.parameter("l1.weight").toArray();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(wider, file));
        assertEquals("t.json: parameter 'l1.weight' has shape [4, 3] in the file but [5, 3] in the model", e.getMessage());
        assertArrayEquals(before, wider.parameter("l1.weight").toArray(), 0.0);
    }
}
