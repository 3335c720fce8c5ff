package dev.chainrule.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.nn.tensor.ActivationLayer;
import dev.chainrule.nn.tensor.Init;
import dev.chainrule.nn.tensor.Linear;
import dev.chainrule.nn.tensor.Sequential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Benchmark workloads W1 and W1t: micrograd's moons demo, rebuilt with nn classes, reproduces
 * micrograd's losses (to the last bit on scalars).
 */
class MicrogradMoonsTest {

    static Map<String, double[]> readMoons() throws IOException {
        Map<String, double[]> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                MicrogradMoonsTest.class.getResourceAsStream("moons_micrograd.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.trim().split("\\s+");
                out.put(parts[0], Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return out;
    }

    /** Interleaves micrograd's weight rows with zero biases: neuron by neuron, weights then bias. */
    static double[] initialParameters(Map<String, double[]> moons) {
        int[][] shapes = {{16, 2}, {16, 16}, {1, 16}};
        String[] keys = {"W1", "W2", "W3"};
        List<Double> ps = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            double[] w = moons.get(keys[l]);
            int rows = shapes[l][0], cols = shapes[l][1];
            assertEquals(rows * cols, w.length, keys[l]);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    ps.add(w[i * cols + j]);
                }
                ps.add(0.0);
            }
        }
        return ps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void reproducesMicrogradBitForBit() throws IOException {
        Map<String, double[]> moons = readMoons();
        double[] x = moons.get("X");
        double[] y = moons.get("y");
        int n = y.length;
        MLP model = new MLP(2, List.of(16, 16, 1),
                List.of(Activation.RELU, Activation.RELU, Activation.LINEAR), new Random(0));
        model.setParameters(initialParameters(moons));
        assertEquals(337, model.parameterCount());

        Sgd sgd = new Sgd(model.parameters(), k -> 1.0 - 0.9 * k / 100);
        double firstLoss = Double.NaN;
        double loss = Double.NaN;
        int correct = 0;
        for (int k = 0; k < 100; k++) {
            List<Value> scores = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                scores.add(model.forward(x[2 * i], x[2 * i + 1]).get(0));
            }
            Value total = Losses.hinge(scores, y).add(Losses.l2(model.parameters(), 1e-4));
            correct = 0;
            for (int i = 0; i < n; i++) {
                if ((y[i] > 0) == (scores.get(i).data() > 0)) {
                    correct++;
                }
            }
            sgd.zeroGrad();
            total.backward();
            sgd.step();
            loss = total.data();
            if (k == 0) {
                firstLoss = loss;
            }
        }
        assertEquals(0.8958441028683222, firstLoss, 0.0, "step-0 loss");
        assertEquals(0.010978370135492717, loss, 0.0, "loss at step 99");
        assertEquals(n, correct, "accuracy at step 99");
    }

    /**
     * W1t: the same workload as a full batch on tensors. The order of additions differs from the
     * scalar graph, so the losses agree with W1 to 1e-12 (relative) rather than bit for bit.
     */
    @Test
    void tensorWorkloadW1tAgreesToOnePartIn1e12() throws IOException {
        Map<String, double[]> moons = readMoons();
        Linear l1 = new Linear(2, 16, Init.uniform(1), new Random(0));
        Linear l2 = new Linear(16, 16, Init.uniform(1), new Random(0));
        Linear l3 = new Linear(16, 1, Init.uniform(1), new Random(0));
        l1.weight().setData(moons.get("W1"));
        l2.weight().setData(moons.get("W2"));
        l3.weight().setData(moons.get("W3"));
        Sequential net = new Sequential(l1, new ActivationLayer(Activation.RELU), l2,
                new ActivationLayer(Activation.RELU), l3);
        Tensor x = Tensor.of(moons.get("X"), 100, 2).requiresGrad(false);
        Tensor y = Tensor.of(moons.get("y")).requiresGrad(false);

        Sgd sgd = new Sgd(net.parameters(), k -> 1.0 - 0.9 * k / 100);
        double first = 0;
        double last = 0;
        for (int k = 0; k < 100; k++) {
            Tensor loss = Losses.hinge(net.forward(x).reshape(100), y).add(Losses.tensorL2(net.parameters(), 1e-4));
            net.zeroGrad();
            loss.backward();
            sgd.step();
            last = loss.item();
            if (k == 0) {
                first = last;
            }
        }
        assertEquals(0.8958441028683222, first, 1e-12 * 0.8958441028683222);
        assertEquals(0.010978370135492717, last, 1e-12 * 0.010978370135492717);
    }
}
