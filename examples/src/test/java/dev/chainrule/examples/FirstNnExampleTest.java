package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.models.Perceptron;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * firstNN as Lab 21 designs it (n inputs → one hidden unit → one output, no biases) on setosa
 * against versicolor; then the bigger network on a disc inside a ring.
 */
class FirstNnExampleTest {

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void labDataIsSetosaAgainstVersicolorStandardised() {
        Dataset d = FirstNnExample.irisSetosaVersicolor();
        assertEquals(100, d.size());
        assertEquals(2, d.featureCount());
        double ones = 0;
        double mean = 0;
        for (int i = 0; i < d.size(); i++) {
            ones += d.label(i);
            mean += d.feature(i, 0);
        }
        assertEquals(50, ones);
        assertEquals(0, mean / 100, 1e-12, "petal length is centred");
        assertEquals(0, d.label(0));
        assertEquals(1, d.label(99));
    }

    /** The lab's network: in_weights and one hid_weight, Red = σ(W·σ(Σ wᵢxᵢ)), no biases. */
    @Test
    void labNetworkIsTheLabsFormula() {
        FirstNnNetwork net = new FirstNnNetwork(3, new Random(7));
        Value[] w = net.inWeights();
        assertEquals(3, w.length);
        assertEquals("in_weights[2]", w[2].label());
        assertEquals("hid_weight", net.hidWeight().label());
        double[] x = {0.3, -1.2, 2.0};
        double beta = w[0].data() * 0.3 + w[1].data() * -1.2 + w[2].data() * 2.0;
        double red = sigmoid(net.hidWeight().data() * sigmoid(beta));
        assertEquals(red, net.output(x), 1e-15);
    }

    /**
     * One step moves each weight by −η·∂(y − Red)²/∂w with the chain rule's minus sign, which the
     * lab's written derivation leaves out: ∂/∂W = −2(y − Red)·Red(1 − Red)·H and
     * ∂/∂wᵢ = −2(y − Red)·Red(1 − Red)·W·H(1 − H)·xᵢ.
     */
    @Test
    void aStepFollowsTheCorrectlySignedDerivatives() {
        FirstNnNetwork net = new FirstNnNetwork(2, new Random(3));
        double w0 = net.inWeights()[0].data();
        double w1 = net.inWeights()[1].data();
        double bigW = net.hidWeight().data();
        double[] x = {0.8, -0.4};
        double y = 1;
        double h = sigmoid(w0 * x[0] + w1 * x[1]);
        double red = sigmoid(bigW * h);
        double common = -2 * (y - red) * red * (1 - red);
        double error = net.step(x, y, 0.5);
        assertEquals((y - red) * (y - red), error, 1e-15);
        assertEquals(bigW - 0.5 * common * h, net.hidWeight().data(), 1e-15);
        assertEquals(w0 - 0.5 * common * bigW * h * (1 - h) * x[0], net.inWeights()[0].data(),
                1e-15);
        assertEquals(w1 - 0.5 * common * bigW * h * (1 - h) * x[1], net.inWeights()[1].data(),
                1e-15);
    }

    /** With no bias and H > 0, Red is on one side of 0.5 for every input. */
    @Test
    void aThresholdAtOneHalfCannotSplitAnything() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            FirstNnNetwork net = new FirstNnNetwork(2, rng);
            boolean above = net.hidWeight().data() >= 0;
            for (int k = 0; k < 50; k++) {
                double[] x = {10 * rng.nextGaussian(), 10 * rng.nextGaussian()};
                assertEquals(above, net.output(x) >= 0.5, "trial " + trial);
            }
        }
    }

    @Test
    void labNetworkSeparatesSetosaFromVersicolor(@TempDir Path dir) throws IOException {
        FirstNnExample.LabResult r = FirstNnExample.firstNn(FirstNnExample.irisSetosaVersicolor(),
                FirstNnExample.LAB_EPOCHS);
        assertEquals(1.0, r.accuracy());
        assertEquals(0.5, r.accuracyAtHalf());
        String text = Printed.capture(out -> FirstNnExample.print(r, out));
        assertContains(text, "  mean (y − Red)² over an epoch: 0.2326 (first) → 0.1266 (last)\n");
        assertContains(text, "  in_weights[0]   -4.8284   (petal length)\n"
                + "  in_weights[1]   -5.4194   (petal width)\n"
                + "  hid_weight      -3.7049\n");
        assertContains(text, "class 1 when Red ≥ σ(hid_weight/2) = 0.1356,");
        assertContains(text, "(At 0.5 every record gets the same class, accuracy 50.0 %");
        assertContains(text, "  preds  0000000000000000000000000\n");
        assertContains(text, "  preds  1111111111111111111111111\n");
        assertContains(text, "Accuracy 100.0 % (100 of 100)\n");
        assertFalse(text.contains("wrong"), text);
    }

    @Test
    void discIsADiscInsideARing() {
        Dataset d = FirstNnExample.disc();
        assertEquals(60, d.size());
        int inner = 0;
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.feature(i, 0), d.feature(i, 1));
            if (d.label(i) == 1) {
                inner++;
                assertTrue(r <= 0.5, "class 1 point " + i + " at radius " + r);
            } else {
                assertTrue(r >= 0.9 && r <= 1.3, "class 0 point " + i + " at radius " + r);
            }
        }
        assertEquals(30, inner);
        assertEquals(d.feature(17, 1), FirstNnExample.disc().feature(17, 1), "same seed, same data");
    }

    @Test
    void aPerceptronCannotSeparateTheDisc() {
        Dataset d = FirstNnExample.disc();
        Perceptron p = new Perceptron(2);
        assertFalse(p.train(d.features(), d.classLabels(), 0.1, 500).converged());
    }

    @Test
    void biggerNetworkClassifiesEveryPointOfTheDisc() {
        FirstNnExample.BiggerResult r = FirstNnExample.biggerNetwork(FirstNnExample.disc(),
                FirstNnExample.EPOCHS);
        assertEquals(1.0, r.accuracy(), "accuracy");
        assertEquals(FirstNnExample.EPOCHS, r.history().epochs().size());
        assertEquals(2 * 4 + 4 + 4 + 1, r.model().parameterCount());
    }

    @Test
    void printsBothNetworks(@TempDir Path dir) throws IOException {
        String text = Printed.run(new FirstNnExample(), dir);
        assertContains(text, "  loss per epoch (mean ½(y − ŷ)²): 0.1332 → 0.0008\n");
        assertContains(text, "  l2.n1.b   -3.5900\n");
        Printed.assertTranscript("first-nn", text);
        for (String name : new String[] {"first-nn-lab-decision-boundary",
                "first-nn-decision-boundary", "first-nn-training"}) {
            Printed.assertPicture(dir.resolve(name + ".png"));
            Printed.assertPicture(dir.resolve(name + ".svg"));
        }
    }
}
