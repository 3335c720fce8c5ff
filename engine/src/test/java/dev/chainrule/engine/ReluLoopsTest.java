package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.internal.ReluLoops;
import dev.chainrule.engine.internal.VectorRelu;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ReLU's whole-tensor loops against the scalar op's formula, bit for bit, on both paths. */
class ReluLoopsTest {
    private static final double[] SPECIAL = {
        -0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        -Double.MIN_VALUE, 1e-300, -1e-300, 2.5, -2.5,
    };

    /** Lengths around the vector width (8 doubles with AVX-512), so every tail length occurs. */
    private static double[] input(int n, Random r) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 3 == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian();
        }
        return x;
    }

    @Test
    void bothPathsGiveTheScalarOpsValuesAndGradients() {
        Random r = new Random(11);
        for (int n = 0; n <= 40; n++) {
            double[] x = input(n, r);
            double[] g = input(n, r);
            double[] gx0 = input(n, r);
            double[] yPlain = new double[n];
            double[] yVector = new double[n];
            ReluLoops.forwardPlain(x, yPlain, 0);
            VectorRelu.forward(x, yVector);
            double[] gxPlain = gx0.clone();
            double[] gxVector = gx0.clone();
            ReluLoops.backwardPlain(x, g, gxPlain, 0);
            VectorRelu.backward(x, g, gxVector);
            for (int i = 0; i < n; i++) {
                double y = Ops.RELU.apply(x[i]);
                double gx = gx0[i] + g[i] * Ops.RELU.derivative(x[i], y);
                String at = "n=" + n + ", x[" + i + "]=" + x[i];
                assertEquals(y, yPlain[i], at);
                assertEquals(y, yVector[i], at);
                assertEquals(gx, gxPlain[i], at);
                assertEquals(gx, gxVector[i], at);
            }
        }
    }

    @Test
    void tensorReluUsesTheSameFormula() {
        Random r = new Random(5);
        Tensor x = Tensor.randn(r, 37, 29);
        Tensor y = x.relu();
        y.sum().backward();
        double[] xd = x.toArray();
        double[] yd = y.toArray();
        double[] gd = x.grad().toArray();
        for (int i = 0; i < xd.length; i++) {
            assertEquals(Ops.RELU.apply(xd[i]), yd[i]);
            assertEquals(Ops.RELU.derivative(xd[i], yd[i]), gd[i]);
        }
    }
}
