package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** micrograd's moons demo, bit for bit: final loss 0.010978370135492717, accuracy 100 %. */
class MoonsExampleTest {

    @Test
    void reproducesMicrogradsLossesExactly() throws IOException {
        MoonsExample.Result r = MoonsExample.compute();
        assertEquals(0.8958441028683222, r.losses()[0], 0.0, "step-0 loss");
        assertEquals(0.010978370135492717, r.losses()[99], 0.0, "loss at step 99");
        assertEquals(1.0, r.accuracies()[99], 0.0, "accuracy at step 99");

        String text = Printed.capture(out -> MoonsExample.print(r, out));
        assertContains(text, "step  0 loss 0.8958441028683222, accuracy 50%");
        assertContains(text, "step 99 loss 0.010978370135492717, accuracy 100%");
    }
}
