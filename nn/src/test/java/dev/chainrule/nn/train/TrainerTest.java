package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.Neuron;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer's loop, history and stopping rules, on a one-neuron linear fit y = 2x + 1. */
class TrainerTest {

    private static Dataset line(int n, long seed, double noise) {
        Random r = new Random(seed);
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble() * 2 - 1;
            y[i] = 2 * x[i][0] + 1 + noise * r.nextGaussian();
        }
        return new Dataset(x, y);
    }

    private static Objective mse(Neuron n) {
        return batch -> {
            List<Value> p = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                p.add(n.forward(batch.features(i)));
            }
            return Losses.mse(p, batch.labels());
        };
    }

    @Test
    void fullBatchRecordsEveryEpochAndStopsWhenLossSettles() {
        Neuron n = new Neuron(1, Activation.LINEAR, new Random(1));
        List<EpochRecord> seen = new ArrayList<>();
        TrainingHistory h = Trainer.builder(mse(n), new Sgd(n.parameters(), 0.5))
                .epochs(1000).lossTolerance(1e-12).callback(seen::add).build().fit(line(50, 3, 0));
        assertEquals(StopReason.LOSS_CONVERGED, h.stopReason());
        assertTrue(h.epochs().size() < 1000);
        assertEquals(h.epochs(), seen, "the callback saw every epoch");
        assertEquals(2.0, n.parameter("w1").data(), 1e-5);
        assertEquals(1.0, n.parameter("b").data(), 1e-5);
        double[] losses = h.trainLosses();
        assertTrue(losses[losses.length - 1] < losses[0]);
        assertTrue(h.stopMessage().startsWith("loss changed by "), h.stopMessage());
    }

    @Test
    void stopsOnSmallGradient() {
        Neuron n = new Neuron(1, Activation.LINEAR, new Random(1));
        TrainingHistory h = Trainer.builder(mse(n), new Sgd(n.parameters(), 0.5))
                .epochs(1000).gradNormTolerance(1e-6).build().fit(line(50, 3, 0));
        assertEquals(StopReason.GRADIENT_SMALL, h.stopReason());
        assertTrue(h.last().gradNorm() < 1e-6);
    }

    @Test
    void miniBatchesWithHeldOutPatience() {
        Neuron n = new Neuron(1, Activation.LINEAR, new Random(1));
        Dataset train = line(64, 5, 0.3);
        Dataset heldOut = line(32, 6, 0.3);
        TrainingHistory h = Trainer.builder(mse(n), new Sgd(n.parameters(), 0.05))
                .epochs(500).batchSize(8).seed(11).validation(heldOut).patience(5).build().fit(train);
        assertEquals(StopReason.VALIDATION_NOT_IMPROVING, h.stopReason());
        double[] val = h.validationLosses();
        assertEquals(h.epochs().size(), val.length);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < val.length - 5; i++) {
            best = Math.min(best, val[i]);
        }
        for (int i = val.length - 5; i < val.length; i++) {
            assertTrue(val[i] >= best, "the last 5 epochs did not beat the best before them");
        }
        assertEquals(2.0, n.parameter("w1").data(), 0.2);
    }

    @Test
    void recordsAccuracyWithAClassifier() {
        Neuron n = new Neuron(1, Activation.LINEAR, new Random(2));
        Dataset d = new Dataset(new double[][] {{-1}, {-0.5}, {0.5}, {1}}, new double[] {0, 0, 1, 1});
        Classifier c = data -> {
            int[] out = new int[data.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = n.forward(data.features(i)).data() > 0.5 ? 1 : 0;
            }
            return out;
        };
        TrainingHistory h = Trainer.builder(mse(n), new Sgd(n.parameters(), 0.3))
                .epochs(60).classifier(c).build().fit(d);
        assertEquals(StopReason.EPOCHS_DONE, h.stopReason());
        assertEquals(60, h.trainAccuracies().length);
        assertEquals(1.0, h.last().trainAccuracy().getAsDouble(), 0.0);
        assertTrue(h.last().toString().startsWith("epoch 60: loss "), h.last().toString());
    }

    @Test
    void misuseIsExplained() {
        Neuron n = new Neuron(1, Activation.LINEAR, new Random(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.builder(mse(n), new Sgd(n.parameters(), 0.1)).patience(3).build());
        assertEquals("Trainer: patience needs a held-out set; call validation(...)", e.getMessage());
    }

    @Test
    void progressBarLine() {
        assertEquals("training [===============>              ] 5/10 1.5s eta 1.5s loss 0.1",
                ProgressBar.line(5, 10, 1.5, "loss 0.1"));
        assertEquals("training [==============================] 10/10 3.0s done", ProgressBar.line(10, 10, 3.0, "done"));
    }
}
