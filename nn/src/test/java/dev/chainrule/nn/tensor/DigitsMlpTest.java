package dev.chainrule.nn.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Tensor;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.data.ConfusionMatrix;
import dev.chainrule.nn.data.Csv;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.StopReason;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingHistory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A tensor MLP 64-64-10 on scikit-learn's 8×8 digits, trained with mini-batch Adam. */
class DigitsMlpTest {

    private static Tensor inputs(Dataset d) {
        // Pixels are 0..16; scaling to [0, 1] is all the preprocessing the MLP needs.
        return Tensor.of(d.features()).requiresGrad(false).div(16.0);
    }

    @Test
    void reachesAtLeast95PercentOnHeldOutDigits() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/dev/chainrule/nn/data/digits.csv").toURI());
        Dataset.Split split = Csv.read(file, Csv.Header.NONE).toDataset("c65").split(0.2, 7);
        Dataset train = split.train();
        Dataset test = split.test();
        assertEquals(1438, train.size());
        assertEquals(359, test.size());

        Sequential net = Sequential.mlp(64, List.of(64, 10), Activation.RELU, Init.heNormal(), new Random(0));
        assertEquals(List.of("l1.weight", "l1.bias", "l2.weight", "l2.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(64 * 64 + 64 + 64 * 10 + 10, net.parameterCount());

        TrainingHistory h = Trainer.builder(
                        batch -> Losses.softmaxCrossEntropy(net.forward(inputs(batch)), batch.classLabels()),
                        new Adam(net.parameters(), 0.01))
                .epochs(15).batchSize(32).seed(1)
                .classifier(d -> net.predictClasses(inputs(d)))
                .build()
                .fit(train);
        assertEquals(StopReason.EPOCHS_DONE, h.stopReason());
        double[] losses = h.trainLosses();
        assertTrue(losses[14] < losses[0] / 10, "training loss fell from " + losses[0] + " to " + losses[14]);
        assertTrue(h.last().trainAccuracy().getAsDouble() > 0.99, h.last().toString());

        ConfusionMatrix cm = ConfusionMatrix.of(test.classLabels(), net.predictClasses(inputs(test)), 10);
        assertTrue(cm.accuracy() >= 0.95, "test accuracy " + cm.accuracy() + "\n" + cm);
    }
}
