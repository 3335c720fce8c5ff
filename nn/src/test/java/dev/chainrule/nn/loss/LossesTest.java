package dev.chainrule.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scalar losses against hand-computed numbers and their gradients. */
class LossesTest {

    private static List<Value> values(double... xs) {
        return java.util.Arrays.stream(xs).mapToObj(Value::of).toList();
    }

    @Test
    void mseIsTheMeanOfSquaredErrors() {
        List<Value> p = values(1.0, 2.0, 4.0);
        Value loss = Losses.mse(p, new double[] {1.5, 2.0, 1.0});
        assertEquals((0.25 + 0 + 9) / 3, loss.data(), 1e-15);
        loss.backward();
        assertEquals(2 * (4.0 - 1.0) / 3, p.get(2).grad(), 1e-15);
    }

    @Test
    void halfSseIsHalfTheSumOfSquares() {
        List<Value> p = values(0.75136507, 0.772928465);
        Value loss = Losses.halfSse(p, new double[] {0.01, 0.99});
        assertEquals(0.298371109, loss.data(), 5e-9);
        loss.backward();
        assertEquals(0.75136507 - 0.01, p.get(0).grad(), 1e-15, "dE/dout = out - target");
    }

    @Test
    void bceFromProbabilitiesAndFromLogitsAgree() {
        double[] z = {-1.2, 0.3, 2.5};
        double[] t = {0, 1, 0.25};
        List<Value> logits = values(z);
        List<Value> probs = logits.stream().map(Value::sigmoid).toList();
        Value fromProbs = Losses.bce(probs, t);
        Value fromLogits = Losses.bceWithLogits(logits, t);
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            expected -= t[i] * Math.log(s) + (1 - t[i]) * Math.log(1 - s);
        }
        assertEquals(expected / 3, fromProbs.data(), 1e-14);
        assertEquals(expected / 3, fromLogits.data(), 1e-14);
        fromLogits.backward();
        double s1 = 1 / (1 + Math.exp(-0.3));
        assertEquals((s1 - 1) / 3, logits.get(1).grad(), 1e-15, "d/dz = (σ(z) − t)/n");
    }

    @Test
    void bceWithLogitsStaysFiniteForHugeLogits() {
        Value loss = Losses.bceWithLogits(values(800, -800), new double[] {0, 1});
        assertEquals(800, loss.data(), 1e-12);
    }

    @Test
    void softmaxCrossEntropyWithIntegerLabels() {
        List<Value> z = values(1.0, 2.0, 3.0);
        Value loss = Losses.softmaxCrossEntropy(z, 0);
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertEquals(lse - 1.0, loss.data(), 1e-14);
        loss.backward();
        assertEquals(Math.exp(1 - lse) - 1, z.get(0).grad(), 1e-14);
        assertEquals(Math.exp(3 - lse), z.get(2).grad(), 1e-14);
        Value big = Losses.softmaxCrossEntropy(values(1000, 0), 1);
        assertEquals(1000, big.data(), 1e-12);
        Value batch = Losses.softmaxCrossEntropy(List.of(values(1, 2, 3), values(0, 0, 0)), new int[] {0, 2});
        assertEquals((lse - 1 + Math.log(3)) / 2, batch.data(), 1e-14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(values(1, 2), 2));
        assertEquals("softmaxCrossEntropy: label 2 is outside 0..1", e.getMessage());
    }

    @Test
    void hingeAndL2() {
        List<Value> s = values(2.0, 0.5, -0.25);
        Value h = Losses.hinge(s, new double[] {1, 1, 1});
        assertEquals((0 + 0.5 + 1.25) / 3, h.data(), 1e-15);
        List<Value> p = values(1.0, -2.0);
        Value reg = Losses.l2(p, 0.5);
        assertEquals(2.5, reg.data(), 0.0);
        reg.backward();
        assertEquals(-2.0, p.get(1).grad(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.hinge(values(1), new double[] {0}));
        assertTrue(e.getMessage().contains("labels must be -1 or +1"));
        e = assertThrows(IllegalArgumentException.class, () -> Losses.mse(values(1, 2), new double[] {1}));
        assertEquals("mse: 2 predictions but 1 targets", e.getMessage());
    }
}
