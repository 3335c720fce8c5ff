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

    @Test
    void sgdWeightDecayAddsLambdaTimesPToTheGradient() {
        // g = 2(1 − 3) + 0.5·1 = −3.5; w = 1 − 0.1·(−3.5) = 1.35 (a flipped sign would give 1.45).
        Value w = Value.of(1.0);
        Sgd sgd = new Sgd(List.of(w), 0.1).weightDecay(0.5);
        backward(w);
        sgd.step();
        assertEquals(1.35, w.data(), 1e-15);
    }

    @Test
    void sgdWeightDecayWithMomentumDecaysBeforeTheVelocity() {
        // Step 1: g = −4 + 0.5·1 = −3.5, v = −3.5, w = 1.35.
        // Step 2: g = 2(1.35 − 3) + 0.5·1.35 = −3.3 + 0.675 = −2.625, v = 0.9·(−3.5) − 2.625 = −5.775,
        // w = 1.35 + 0.5775 = 1.9275.
        Value w = Value.of(1.0);
        Sgd sgd = new Sgd(List.of(w), 0.1).momentum(0.9).weightDecay(0.5);
        backward(w);
        sgd.step();
        sgd.zeroGrad();
        backward(w);
        sgd.step();
        assertEquals(1.9275, w.data(), 1e-15);
    }

    @Test
    void adamWeightDecayIsAddedToTheGradient() {
        // ε = 1 so that the step depends on |g|, not only on its sign:
        // g = −4 + 0.5·1 = −3.5, m̂ = g, v̂ = g², w = 1 + 0.1·3.5/(3.5 + 1) = 1.0777…
        // (without the decay 1.08; with its sign flipped 1.0818…).
        Value w = Value.of(1.0);
        Adam adam = Adam.withWeightDecay(List.of(w), 0.1, 0.5).eps(1.0);
        backward(w);
        adam.step();
        assertEquals(1.0777777777777777778, w.data(), 1e-15);
    }

    @Test
    void adamWShrinksTheWeightThenTakesTheAdamStepOfTheUndecayedGradient() {
        // p = 1 − 0.1·0.5·1 = 0.95; g = 2(1 − 3) = −4 (not increased by λ·p, as Adam's L2 decay would), ε = 1:
        // w = 0.95 + 0.1·4/(4 + 1) = 1.03.
        Value w = Value.of(1.0);
        Adam adamW = Adam.adamW(List.of(w), 0.1, 0.5).eps(1.0);
        backward(w);
        adamW.step();
        assertEquals(1.03, w.data(), 1e-15);
    }

    @Test
    void adamBetasAndEpsEnterTheSecondStep() {
        // β1 = 0.5, β2 = 0.75, ε = 0.1, η = 0.1, f = (w − 3)², w0 = 1.
        // Step 1: g = −4, m = −2, v = 4, m̂ = −2/0.5 = −4, v̂ = 4/0.25 = 16,
        //         w1 = 1 + 0.1·4/(4 + 0.1) = 1.0975609756097560976.
        // Step 2: g = 2(w1 − 3) = −3.8048780487804878049, m = −1 − 1.9024390243902439 = −2.9024390243902439024,
        //         v = 3 + 0.25·g² = 6.6192742415229030339, m̂ = m/0.75, v̂ = v/0.4375,
        //         w2 = w1 − 0.1·m̂/(√v̂ + 0.1) = 1.1945587009953138423 (40-digit decimal arithmetic).
        Value w = Value.of(1.0);
        Adam adam = new Adam(List.of(w), 0.1).betas(0.5, 0.75).eps(0.1);
        backward(w);
        adam.step();
        assertEquals(1.0975609756097560976, w.data(), 1e-15);
        adam.zeroGrad();
        backward(w);
        adam.step();
        assertEquals(1.1945587009953138423, w.data(), 1e-15);
    }

    @Test
    void adamDefaultsAreTheDocumentedBetasAndEps() {
        // β1 = 0.9, β2 = 0.999, ε = 1e-8, η = 0.1, f = (w − 3)², w0 = 1.
        // Step 1: g = −4, m = −0.4, v = 0.016, m̂ = −4, v̂ = 16: w1 = 1 + 0.1·4/(4 + 1e-8) = 1.09999999975.
        // Step 2: g = 2(w1 − 3) = −3.8000000005, m = 0.9·(−0.4) + 0.1·g = −0.74000000005,
        //         v = 0.999·0.016 + 0.001·g² = 0.0304240000038, m̂ = m/0.19, v̂ = v/0.001999:
        //         w2 = 1.1998335138842995668 (40-digit decimals; β2 = 0.99 would give 1.1998450915).
        Value w = Value.of(1.0);
        Adam adam = new Adam(List.of(w), 0.1);
        backward(w);
        adam.step();
        assertEquals(1.0999999997500000006, w.data(), 1e-15);
        adam.zeroGrad();
        backward(w);
        adam.step();
        assertEquals(1.1998335138842995668, w.data(), 1e-15);
    }

    @Test
    void badAdamAndSgdSettingsNameTheSetting() {
        Value w = Value.of(1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(List.of(w), 0.1).betas(1.0, 0.5));
        assertEquals("Adam: betas must be in [0, 1), got 1.0, 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(w), 0.1).eps(0));
        assertEquals("Adam: eps must be positive, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Adam.adamW(List.of(w), 0.1, -1));
        assertEquals("Adam: weight decay must be >= 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(w), 0.1).weightDecay(Double.NaN));
        assertEquals("Sgd: weight decay must be >= 0, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(w), 0.1).momentum(1));
        assertEquals("Sgd: momentum must be in [0, 1), got 1.0", e.getMessage());
    }
}
