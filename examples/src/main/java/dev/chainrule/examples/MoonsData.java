package dev.chainrule.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The moons workload's text file (benchmark W1): one line per array, {@code NAME v1 v2 ...},
 * holding X (100×2, row-major), y (±1), and the initial weights W1 (16×2), W2 (16×16), W3 (1×16).
 */
final class MoonsData {

    final double[][] x;
    final double[] y;
    /** Every parameter in the MLP's order: neuron by neuron, its weights then its bias (0). */
    final double[] initialParameters;

    private MoonsData(Map<String, double[]> arrays) {
        double[] flat = require(arrays, "X");
        this.y = require(arrays, "y");
        if (flat.length != 2 * y.length) {
            throw new IllegalArgumentException("moons_micrograd.txt: X has " + flat.length
                    + " numbers but y has " + y.length + " labels (expected 2 per label)");
        }
        this.x = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            x[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
        }
        int[][] shapes = {{16, 2}, {16, 16}, {1, 16}};
        String[] names = {"W1", "W2", "W3"};
        double[] params = new double[337];
        int k = 0;
        for (int l = 0; l < 3; l++) {
            double[] w = require(arrays, names[l]);
            int rows = shapes[l][0];
            int cols = shapes[l][1];
            if (w.length != rows * cols) {
                throw new IllegalArgumentException("moons_micrograd.txt: " + names[l] + " has "
                        + w.length + " numbers, expected " + rows + "×" + cols);
            }
            for (int i = 0; i < rows; i++) {
                System.arraycopy(w, i * cols, params, k, cols);
                k += cols;
                params[k++] = 0.0;
            }
        }
        this.initialParameters = params;
    }

    private static double[] require(Map<String, double[]> arrays, String name) {
        double[] a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("moons_micrograd.txt: no line named " + name);
        }
        return a;
    }

    /** Reads the copy bundled with the examples. */
    static MoonsData load() {
        try (InputStream in = Resources.open("moons_micrograd.txt");
                BufferedReader r = new BufferedReader(
                        new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, double[]> arrays = new HashMap<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                arrays.put(parts[0], Arrays.stream(parts, 1, parts.length)
                        .mapToDouble(Double::parseDouble).toArray());
            }
            return new MoonsData(arrays);
        } catch (IOException e) {
            throw new UncheckedIOException("reading moons_micrograd.txt", e);
        }
    }
}
