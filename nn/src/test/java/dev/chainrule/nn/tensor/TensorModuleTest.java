package dev.chainrule.nn.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Tensor;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.optim.Sgd;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Linear, Sequential, activation modules and initialisation schemes. */
class TensorModuleTest {

    @Test
    void linearComputesXTimesWTransposePlusB() {
        Linear fc = new Linear(3, 2, Init.uniform(1), new Random(1));
        fc.weight().setData(new double[] {1, 2, 3, 4, 5, 6});
        fc.bias().setData(new double[] {0.5, -1});
        Tensor x = Tensor.of(new double[][] {{1, 0, -1}, {2, 1, 0}});
        assertArrayEquals(new double[] {-1.5, -3, 4.5, 12}, fc.forward(x).toArray(), 0.0);
        assertArrayEquals(new double[] {-1.5, -3}, fc.forward(Tensor.of(new double[] {1, 0, -1})).toArray(), 0.0);
        Tensor loss = fc.forward(x).sum();
        fc.zeroGrad();
        loss.backward();
        assertArrayEquals(new double[] {3, 1, -1, 3, 1, -1}, fc.weight().gradArray(), 0.0, "∂Σy/∂W[j] = Σ_rows x");
        assertArrayEquals(new double[] {2, 2}, fc.bias().gradArray(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fc.forward(Tensor.zeros(2, 4)));
        assertEquals("Linear: expects inputs whose last axis is 3, got shape [2, 4]", e.getMessage());
        assertNull(new Linear(3, 2, false, Init.normal(), new Random(1)).bias());
    }

    @Test
    void sequentialNamesLayersThatHaveParameters() {
        Sequential net = new Sequential(new Linear(4, 3, Init.xavierUniform(), new Random(2)),
                new ActivationLayer(Activation.TANH), new Linear(3, 1, false, Init.xavierNormal(), new Random(3)));
        assertEquals(List.of("l1.weight", "l1.bias", "l2.weight"), List.copyOf(net.namedParameters().keySet()));
        Tensor x = Tensor.of(new double[][] {{1, 2, 3, 4}});
        Linear l1 = (Linear) net.modules().get(0);
        Linear l2 = (Linear) net.modules().get(2);
        // A layer with a bias is one matmulAdd node (its additions in that order); one without, a matmul.
        Tensor expected = x.matmulAdd(l1.weight().transpose(), l1.bias()).tanh().matmul(l2.weight().transpose());
        assertArrayEquals(expected.toArray(), net.forward(x).toArray(), 0.0);
        assertEquals("Sequential[Linear(4 -> 3), TANH, Linear(3 -> 1, no bias)]", net.toString());
    }

    @Test
    void normalSchemesDrawCentredGaussiansOfTheirStd() {
        int in = 400;
        int out = 100;
        assertGaussian(Init.normal(), in, out, 1 / Math.sqrt(in));
        assertGaussian(Init.heNormal(), in, out, Math.sqrt(2.0 / in));
        assertGaussian(Init.xavierNormal(), in, out, Math.sqrt(2.0 / (in + out)));
    }

    @Test
    void uniformSchemesFillTheirWholeRange() {
        int in = 400;
        int out = 100;
        assertUniform(Init.xavierUniform(), in, out, Math.sqrt(6.0 / (in + out)));
        assertUniform(Init.heUniform(), in, out, Math.sqrt(6.0 / in));
        assertUniform(Init.uniform(), in, out, 1 / Math.sqrt(in));
        assertUniform(Init.uniform(0.5), in, out, 0.5);
    }

    @Test
    void initIsSeededAndBiasesStartAtZero() {
        Linear x = new Linear(5, 3, Init.heNormal(), new Random(9));
        Linear y = new Linear(5, 3, Init.heNormal(), new Random(9));
        assertArrayEquals(x.weight().toArray(), y.weight().toArray(), 0.0);
        assertTrue(Arrays.stream(x.weight().toArray()).allMatch(v -> v != 0), "every weight is drawn");
        assertNotEquals(Arrays.toString(x.weight().toArray()),
                Arrays.toString(new Linear(5, 3, Init.heNormal(), new Random(10)).weight().toArray()));
        assertArrayEquals(new double[3], x.bias().toArray(), 0.0);
    }

    private static double[] draw(Init init, int in, int out) {
        double[] w = new double[in * out];
        init.fill(w, in, out, new Random(5));
        return w;
    }

    /**
     * 40,000 draws: the mean is within 0.02σ of 0 (its own σ is 0.005σ), the root mean square within
     * 2 % of σ, and 4.55 % of a Gaussian lies beyond 2σ (between 4 % and 5.1 % here). An all-zero,
     * a constant or a uniform fill fails at least one of these.
     */
    private static void assertGaussian(Init init, int in, int out, double sigma) {
        double[] w = draw(init, in, out);
        DoubleSummaryStatistics s = Arrays.stream(w).summaryStatistics();
        assertEquals(0, s.getAverage(), 0.02 * sigma, "mean");
        assertEquals(sigma, rms(w), 0.02 * sigma, "root mean square");
        double beyond2 = Arrays.stream(w).filter(v -> Math.abs(v) > 2 * sigma).count() / (double) w.length;
        assertTrue(beyond2 > 0.04 && beyond2 < 0.051, "share beyond 2σ: " + beyond2);
    }

    /**
     * 40,000 draws on [−a, a]: nothing outside, both ends reached within 1 % of a (missing them has
     * probability 0.995^40000), the mean within 0.02a of 0 and the root mean square within 2 % of a/√3.
     */
    private static void assertUniform(Init init, int in, int out, double a) {
        double[] w = draw(init, in, out);
        DoubleSummaryStatistics s = Arrays.stream(w).summaryStatistics();
        assertTrue(s.getMax() <= a && s.getMax() >= 0.99 * a, "max " + s.getMax() + " for limit " + a);
        assertTrue(s.getMin() >= -a && s.getMin() <= -0.99 * a, "min " + s.getMin() + " for limit " + a);
        assertEquals(0, s.getAverage(), 0.02 * a, "mean");
        assertEquals(a / Math.sqrt(3), rms(w), 0.02 * a / Math.sqrt(3), "root mean square");
    }

    private static double rms(double[] w) {
        double ss = 0;
        for (double v : w) {
            ss += v * v;
        }
        return Math.sqrt(ss / w.length);
    }

    @Test
    void optimizersUpdateTensorsInPlace() {
        Tensor w = Tensor.of(new double[] {1, -2});
        w.mul(w).sum().backward();           // grad 2w
        new Sgd(List.of(w), 0.25).step();
        assertArrayEquals(new double[] {0.5, -1}, w.toArray(), 0.0);
    }

    @Test
    void predictClassesTakesTheRowArgmax() {
        Linear id = new Linear(3, 3, false, Init.uniform(1), new Random(1));
        id.weight().setData(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        int[] classes = id.predictClasses(Tensor.of(new double[][] {{0.1, 0.7, 0.2}, {5, -1, 4}, {0, 0, 1}}));
        assertArrayEquals(new int[] {1, 0, 2}, classes);
    }
}
