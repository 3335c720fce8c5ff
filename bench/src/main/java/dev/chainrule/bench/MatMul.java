package dev.chainrule.bench;

import dev.chainrule.engine.Tensor;
import java.util.Random;

/** W5: C = A·B for square float64 matrices of uniform [0, 1) entries, no gradient. */
final class MatMul {
    final int n;
    final Tensor a;
    final Tensor b;

    MatMul(int n, long seed) {
        this.n = n;
        Random r = new Random(seed);
        a = Tensor.rand(r, n, n).requiresGrad(false);
        b = Tensor.rand(r, n, n).requiresGrad(false);
    }

    Tensor run() {
        return a.matmul(b);
    }

    /** 2n³ floating-point operations per product, counted as GFLOP/s at {@code ms} milliseconds. */
    double gflops(double ms) {
        return 2.0 * n * n * n / (ms * 1e6);
    }

    /**
     * The largest relative error of {@code c} against plain dot products, over {@code count}
     * entries picked by a seeded generator (all n² would take longer than the product itself).
     */
    double maxSampledError(Tensor c, int count, long seed) {
        double[] ad = a.dataArray();
        double[] bd = b.dataArray();
        double[] cd = c.dataArray();
        Random r = new Random(seed);
        double worst = 0;
        for (int q = 0; q < count; q++) {
            int i = r.nextInt(n);
            int j = r.nextInt(n);
            double s = 0;
            for (int p = 0; p < n; p++) {
                s += ad[i * n + p] * bd[p * n + j];
            }
            worst = Math.max(worst, Math.abs(cd[i * n + j] - s) / Math.abs(s));
        }
        return worst;
    }
}
