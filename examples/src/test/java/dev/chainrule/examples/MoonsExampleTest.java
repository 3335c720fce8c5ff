package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** micrograd's moons demo, bit for bit: final loss 0.010978370135492717, accuracy 100 %. */
class MoonsExampleTest {

    @Test
    void reproducesMicrogradsLossesExactly(@TempDir Path dir) throws IOException {
        MoonsExample.Result r = MoonsExample.compute();
        assertEquals(0.8958441028683222, r.losses()[0], 0.0, "step-0 loss");
        assertEquals(0.010978370135492717, r.losses()[99], 0.0, "loss at step 99");
        assertEquals(1.0, r.accuracies()[99], 0.0, "accuracy at step 99");

        String text = Printed.capture(out -> MoonsExample.print(r, out));
        assertContains(text, "step  0 loss 0.8958441028683222, accuracy 50%");
        assertContains(text, "step 99 loss 0.010978370135492717, accuracy 100%");

        String wrote = Printed.capture(out -> MoonsExample.pictures(r, out, dir));
        for (String name : new String[] {"moons-decision-boundary", "moons-training"}) {
            for (String ext : new String[] {".png", ".svg"}) {
                Printed.assertPicture(dir.resolve(name + ext));
                assertContains(wrote, name + ext);
            }
        }
        Printed.assertTranscript("moons", text + wrote);
        // The model classifies every point, so the chart's title says so.
        assertContains(Files.readString(
                dir.resolve("moons-decision-boundary.svg")), "100.0%");
    }
}
