package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.Graph;
import org.junit.jupiter.api.Test;

/** W1's correctness checks: micrograd's losses to the bit, on the engine and by hand. */
class MoonsWorkloadTest {
    private final Moons moons = Moons.load();

    @Test
    void engineReproducesMicrogradsLossesToTheBit() {
        MoonsScalar model = new MoonsScalar(moons);
        double[] losses = Workloads.train(model, null);
        assertEquals(0.8958441028683222, losses[0], 0.0);
        assertEquals(0.010978370135492717, losses[1], 0.0);
        assertEquals(1.0, model.accuracy());
    }

    @Test
    void oneStepBuildsMicrogradsGraphOf65818Nodes() {
        MoonsScalar model = new MoonsScalar(moons);
        model.step(0);
        assertEquals(337, model.parameterCount());
        assertEquals(65_818, Graph.of(model.lastLoss()).size());
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
}
