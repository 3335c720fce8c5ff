package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static dev.chainrule.examples.Printed.assertDigits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hidden unit: h = −0.02, a = 0.495, ŷ = 0.512, δ_out = 0.122, δ_hidden = 0.003,
 * ΔW = 0.0302, Δw = (0.00015, 0.00045).
 */
class SingleHiddenUnitExampleTest {

    @Test
    void engineGradientsGiveTheMaterialsNumbers() {
        SingleHiddenUnitExample.Result r = SingleHiddenUnitExample.compute();
        assertDigits(-0.02, r.h(), 2, "h");
        assertDigits(0.495, r.a(), 3, "a");
        assertDigits(0.512, r.yHat(), 3, "ŷ");
        assertDigits(0.122, r.deltaOut(), 3, "δ_out");
        assertDigits(0.003, r.deltaHidden(), 3, "δ_hidden");
        assertDigits(0.0302, r.deltaW(), 4, "ΔW");
        assertDigits(0.00015, r.deltaW1(), 5, "Δw1");
        // Unrounded, Δw2 = 0.5 · 0.0030455 · 0.3 = 0.000457: the material's 0.00045 multiplies
        // the rounded δ_hidden = 0.003 (checked below).
        assertDigits(0.000457, r.deltaW2(), 6, "Δw2");
    }

    @Test
    void materialsRoundedChainIsReproducedExactly() {
        SingleHiddenUnitExample.Result m = SingleHiddenUnitExample.roundedAsTheMaterial();
        assertEquals(-0.02, m.h());
        assertEquals(0.495, m.a());
        assertEquals(0.512, m.yHat());
        assertEquals(0.122, m.deltaOut());
        assertEquals(0.003, m.deltaHidden());
        assertEquals(0.0302, m.deltaW());
        assertEquals(0.00015, m.deltaW1());
        assertEquals(0.00045, m.deltaW2());
    }

    @Test
    void printsBothColumns(@TempDir Path dir) throws IOException {
        String text = Printed.run(new SingleHiddenUnitExample(), dir);
        assertContains(text, "δ_out      0.121832     0.122");
        assertContains(text, "δ_hidden   0.003046     0.003");
        assertContains(text, "ΔW         0.0301535    0.0302");
        assertContains(text, "Δw2        0.00045683   0.00045");
        Printed.assertTranscript("single-hidden-unit", text);
    }
}
