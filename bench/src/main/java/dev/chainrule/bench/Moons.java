package dev.chainrule.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fixed data of workload W1: micrograd's make-moons sample (100 points, noise 0.1, seed
 * 1337) and micrograd's own initial weights for a 2-16-16-1 MLP with that seed.
 *
 * <p>Read from {@code moons_micrograd.txt}, a byte copy of {@code shared/bench/moons_micrograd.txt}:
 * one line each for X (100×2, row-major), y (±1), W1 (16×2), W2 (16×16), W3 (1×16). Biases start
 * at 0. Arrays handed out are fresh copies, so a workload may change them.
 */
final class Moons {
    static final int SAMPLES = 100;
    static final int HIDDEN = 16;
    /** The loss micrograd prints before the first update. */
    static final double STEP0_LOSS = 0.8958441028683222;
    /** The loss micrograd prints at step 99 (before its update). */
    static final double FINAL_LOSS = 0.010978370135492717;
    static final int STEPS = 100;
    /** Weights and biases of the 2-16-16-1 MLP. */
    static final int PARAMETERS = 337;

    private final Map<String, double[]> rows;

    private Moons(Map<String, double[]> rows) {
        this.rows = rows;
    }

    /** Loads the bundled copy of the workload's data. */
    static Moons load() {
        try (InputStream in = Moons.class.getResourceAsStream("moons_micrograd.txt")) {
            if (in == null) {
                throw new IllegalStateException("moons_micrograd.txt is missing from the bench jar");
            }
            Map<String, double[]> rows = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length < 2) {
                    continue;
                }
                double[] v = new double[parts.length - 1];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(parts[i + 1]);
                }
                rows.put(parts[0], v);
            }
            Moons m = new Moons(rows);
            m.expect("X", SAMPLES * 2);
            m.expect("y", SAMPLES);
            m.expect("W1", HIDDEN * 2);
            m.expect("W2", HIDDEN * HIDDEN);
            m.expect("W3", HIDDEN);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void expect(String name, int length) {
        double[] v = rows.get(name);
        if (v == null || v.length != length) {
            throw new IllegalStateException("moons_micrograd.txt: row " + name + " should have "
                    + length + " numbers, has " + (v == null ? "none" : v.length));
        }
    }

    /** Inputs, 100×2 row-major. */
    double[] x() {
        return rows.get("X").clone();
    }

    /** Labels, ±1. */
    double[] y() {
        return rows.get("y").clone();
    }

    /** Weights of layer {@code layer} (1, 2 or 3), one row per neuron, row-major. */
    double[] weights(int layer) {
        return rows.get("W" + layer).clone();
    }

    /** All 337 initial parameters in nn's (and micrograd's) order: each neuron's weights, then its bias 0. */
    double[] initialParameters() {
        double[] out = new double[PARAMETERS];
        int k = 0;
        int[] fanIn = {2, HIDDEN, HIDDEN};
        int[] neurons = {HIDDEN, HIDDEN, 1};
        for (int layer = 1; layer <= 3; layer++) {
            double[] w = rows.get("W" + layer);
            for (int n = 0; n < neurons[layer - 1]; n++) {
                for (int j = 0; j < fanIn[layer - 1]; j++) {
                    out[k++] = w[n * fanIn[layer - 1] + j];
                }
                out[k++] = 0;
            }
        }
        return out;
    }

    /** Share of scores whose sign matches the label's. */
    static double accuracy(double[] scores, double[] labels) {
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] > 0) == (labels[i] > 0)) {
                right++;
            }
        }
        return (double) right / scores.length;
    }

    /** The learning rate of step k of micrograd's demo, computed as micrograd computes it. */
    static double learningRate(int k) {
        return 1.0 - 0.9 * k / 100;
    }
}
