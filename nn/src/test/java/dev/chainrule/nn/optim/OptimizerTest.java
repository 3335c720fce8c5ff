package dev.chainrule.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Optimizer updates checked against hand-computed numbers. */
class OptimizerTest {

    /** f(w) = (w − 3)², grad 2(w − 3). */
    private static void backward(Value w) {
        w.sub(3).pow(2).backward();
    }

    @Test
    void sgdIsExactlyPMinusLrTimesGrad() {
        Value w = Value.of(1.0);
        Sgd sgd = new Sgd(List.of(w), 0.1);
        backward(w);
        sgd.step();
        assertEquals(1.0 - 0.1 * -4.0, w.data(), 0.0);
        assertEquals(1, sgd.steps());
    }

    @Test
    void sgdMomentumAccumulatesVelocity() {
        Value w = Value.of(1.0);
        Sgd sgd = new Sgd(List.of(w), 0.1).momentum(0.9);
        backward(w);
        sgd.step();                         // v = -4, w = 1.4
        sgd.zeroGrad();
        backward(w);                        // g = -3.2, v = 0.9·-4 − 3.2 = -6.8
        sgd.step();
        assertEquals(1.4 + 0.68, w.data(), 1e-15);
    }

    @Test
    void schedulesGiveTheRateOfEachStep() {
        assertEquals(1.0, LrSchedule.linear(1.0, 0.1, 100).at(0), 0.0);
        assertEquals(0.55, LrSchedule.linear(1.0, 0.1, 100).at(50), 1e-15);
        assertEquals(0.1, LrSchedule.linear(1.0, 0.1, 100).at(500), 0.0);
        assertEquals(0.025, LrSchedule.stepDecay(0.1, 10, 0.5).at(25), 1e-17);
        assertEquals(0.05, LrSchedule.cosine(0.1, 0.0, 10).at(5), 1e-15);
        Value w = Value.of(0.0);
        Sgd sgd = new Sgd(List.of(w), LrSchedule.exponential(1.0, 0.5));
        backward(w);
        sgd.step();
        assertEquals(0.5, sgd.learningRate(), 0.0);
    }

    @Test
    void adamFirstStepMovesByLearningRate() {
        Value w = Value.of(1.0);
        Adam adam = new Adam(List.of(w), 0.01);
        backward(w);
        adam.step();
        // m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε)
        assertEquals(1.0 + 0.01 * 4 / (4 + 1e-8), w.data(), 1e-15);
    }

    @Test
    void adamConvergesAndAdamWDecays() {
        Value w = Value.of(-5.0);
        Adam adam = new Adam(List.of(w), 0.1);
        for (int k = 0; k < 500; k++) {
            adam.zeroGrad();
            backward(w);
            adam.step();
        }
        assertEquals(3.0, w.data(), 1e-3);
        Value d = Value.of(2.0);
        Adam adamW = Adam.adamW(List.of(d), 0.1, 0.5);
        adamW.step(); // grad 0: only the decay acts
        assertEquals(2.0 - 0.1 * 0.5 * 2.0, d.data(), 1e-15);
    }

    @Test
    void updatesRecordNoGraphAndBadSettingsFail() {
        Value w = Value.of(1.0);
        new Sgd(List.of(w), 0.1).step();
        assertEquals(true, w.isLeaf());
        assertEquals(true, Autograd.isGradEnabled());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(w), -1));
        assertEquals("Sgd: learning rate must be positive, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(), 0.1));
        assertEquals("Sgd: no parameters to optimise", e.getMessage());
    }
}
