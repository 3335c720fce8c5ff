package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts draw exactly the registry's activations, with the registry's titles and defaults. */
class ChartsRegistryTest {

    @Test
    void theChartsKnowEveryActivationOfTheRegistry() {
        List<String> names = Charts.activationNames();
        assertEquals(List.of("sigmoid", "tanh", "relu", "gaussian"), names.subList(0, 4), "the course's four first");
        assertEquals(new HashSet<>(OpRegistry.activations().stream().map(OpInfo::name).toList()), new HashSet<>(names));
        assertEquals(OpRegistry.activations().size(), names.size());
    }

    @Test
    void leakyReluIsDrawnAtTheRegistrysSlope() {
        assertTrue(SvgTexts.all(Charts.activation("leaky_relu").svg()).contains("leaky ReLU, slope 0.01"));
        double[][] c = Charts.activationCurve(v -> OpRegistry.get("leaky_relu").apply(v));
        assertEquals(-0.05, c[1][0], 1e-15, "leaky_relu(−5) at slope 0.01");
        assertEquals(0.01, c[2][0], 1e-15);
        assertTrue(SvgTexts.all(Charts.activation("softsign").svg()).contains("softsign x/(1 + |x|)"));
    }
}
