package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.Graph;
import org.junit.jupiter.api.Test;

/** W1's correctness checks: micrograd's losses to the bit, on the engine and by hand. */
class MoonsWorkloadTest {
    private final Moons moons = Moons.load();

    @Test
    void nnOnTheEngineReproducesMicrogradsLossesToTheBit() {
        MoonsNn model = new MoonsNn(moons);
        double[] losses = Workloads.train(model, null);
        assertEquals(0.8958441028683222, losses[0], 0.0);
        assertEquals(0.010978370135492717, losses[1], 0.0);
        assertEquals(1.0, model.accuracy());
    }

    @Test
    void oneStepBuildsOneGraphOf38381Nodes() {
        MoonsNn model = new MoonsNn(moons);
        model.step(0);
        assertEquals(337, model.parameterCount());
        // Per sample 2 inputs + 16·(2 products, Σ, relu) + 16·(16 products, Σ, relu) + 16 products
        // and Σ = 371; hinge 6 a sample + 3; L2 337 squares + 3; the total; 337 parameters.
        assertEquals(100 * 371 + 603 + 340 + 1 + 337, Graph.of(model.lastLoss()).size());
    }

    @Test
    void handWrittenBaselineComputesTheSameLosses() {
        MoonsByHand hand = new MoonsByHand(moons);
        double[] losses = Workloads.trainByHand(hand, null);
        assertEquals(0.8958441028683222, losses[0], 0.0);
        assertEquals(0.010978370135492717, losses[1], 0.0);
        assertEquals(1.0, hand.accuracy());
    }

    @Test
    void learningRateDecaysAsMicrogradsDoes() {
        assertEquals(1.0, Moons.learningRate(0));
        assertEquals(1.0 - 0.9 * 99 / 100, Moons.learningRate(99));
        assertEquals(0.109, Moons.learningRate(99), 1e-15);
    }

    @Test
    void initialParametersInterleaveWeightRowsWithZeroBiases() {
        double[] p = moons.initialParameters();
        assertEquals(337, p.length);
        assertEquals(moons.weights(1)[0], p[0]);
        assertEquals(moons.weights(1)[1], p[1]);
        assertEquals(0.0, p[2]);
        assertEquals(moons.weights(2)[0], p[48]);
        assertEquals(moons.weights(3)[15], p[335]);
        assertEquals(0.0, p[336]);
    }
}
