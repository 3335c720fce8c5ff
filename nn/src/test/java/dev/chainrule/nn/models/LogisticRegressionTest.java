package dev.chainrule.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.data.ConfusionMatrix;
import dev.chainrule.nn.data.Csv;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Standardizer;
import dev.chainrule.nn.train.TrainingHistory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Logistic regression on the Wisconsin breast cancer data, standardised on the training part. */
class LogisticRegressionTest {

    static Dataset breastCancer() throws URISyntaxException {
        Path file = Path.of(LogisticRegressionTest.class.getResource("/dev/chainrule/nn/data/breast_cancer.csv").toURI());
        return Csv.read(file, Csv.Header.SKIP_FIRST_LINE).toDataset("c31");
    }

    @Test
    void reachesAtLeast95PercentOnHeldOutBreastCancer() throws URISyntaxException {
        Dataset.Split split = breastCancer().split(0.2, 2026);
        Standardizer z = Standardizer.fit(split.train());
        Dataset train = z.transform(split.train());
        Dataset test = z.transform(split.test());
        assertEquals(455, train.size());
        assertEquals(114, test.size());

        LogisticRegression model = new LogisticRegression(30);
        TrainingHistory h = model.fit(train, 150, 0.5);
        double[] losses = h.trainLosses();
        assertEquals(Math.log(2), losses[0], 1e-12, "all weights 0: p = 0.5 for every example");
        assertTrue(losses[losses.length - 1] < 0.1, "final training loss " + losses[losses.length - 1]);

        ConfusionMatrix cm = ConfusionMatrix.of(test.classLabels(), model.predict(test), 2);
        assertTrue(cm.accuracy() >= 0.95, "test accuracy " + cm.accuracy() + "\n" + cm);
        assertTrue(cm.precision(1) >= 0.95 && cm.recall(1) >= 0.95, cm.toString());
    }

    @Test
    void thresholdMovesTheDecision() {
        LogisticRegression model = new LogisticRegression(1);
        model.set("w1", 1.0);
        Dataset d = new Dataset(new double[][] {{-0.5}, {0.0}, {0.5}}, new double[] {0, 1, 1});
        assertEquals(0.5, model.threshold(), 0.0);
        assertEquals("[0, 1, 1]", java.util.Arrays.toString(model.predict(d)), "p = 0.5 counts as class 1");
        model.threshold(0.6);
        assertEquals("[0, 0, 1]", java.util.Arrays.toString(model.predict(d)));
        assertEquals(1 / (1 + Math.exp(-0.5)), model.probability(0.5).data(), 1e-15);
    }
}
