package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Tensor;
import org.junit.jupiter.api.Test;

/** W1t's, W4's and W5's correctness checks, W5 on a small size. */
class TensorWorkloadTest {

    @Test
    void tensorMoonsAgreesWithMicrogradsFinalLoss() {
        MoonsTensor model = new MoonsTensor(Moons.load());
        double[] losses = Workloads.train(model::step, null);
        assertEquals(0.8958441028683222, losses[0], 1e-12 * 0.8958441028683222);
        assertEquals(0.010978370135492717, losses[1], 1e-12 * 0.010978370135492717);
        assertEquals(1.0, model.accuracy());
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6},
                MoonsTensor.transpose(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
    }

    @Test
    void mlpLossFallsOnItsFixedBatch() {
        TensorMlp mlp = new TensorMlp(1);
        double first = mlp.step();
        // Ten classes: the loss starts near ln 10 = 2.30 (He-scaled weights spread it a little).
        assertTrue(first > 1 && first < 6, "step-0 loss " + first);
        double last = first;
        for (int i = 0; i < 5; i++) {
            last = mlp.step();
        }
        assertTrue(last < first, first + " then " + last);
    }

    @Test
    void matmulEntriesMatchPlainDotProducts() {
        MatMul mm = new MatMul(67, 3);
        Tensor c = mm.run();
        assertTrue(mm.maxSampledError(c, 200, 1) <= 1e-13);
        assertEquals(2.0 * 67 * 67 * 67 / 1e6, mm.gflops(1.0), 1e-9);
    }
}
