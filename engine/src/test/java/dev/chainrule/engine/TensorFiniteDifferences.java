package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;

/**
 * Compares the gradients from {@link Tensor#backward()} with central finite differences. A
 * non-scalar output is reduced to Σ w·out with fixed random weights w, which checks every entry
 * of the Jacobian product rather than just the plain sum.
 */
final class TensorFiniteDifferences {
    private static final double H = 1e-6;

    private TensorFiniteDifferences() {
    }

    static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(what, 1e-6, f, inputs);
    }

    static void check(String what, double tol, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor probe = f.apply(inputs);
        Tensor weights = Tensor.randn(new Random(99), probe.shape()).requiresGrad(false);
        Function<Tensor[], Tensor> loss = in -> {
            Tensor out = f.apply(in);
            return out.mul(weights).sum();
        };
        for (Tensor x : inputs) {
            x.clearGrad();
        }
        Tensor l = loss.apply(inputs);
        l.backward();
        for (int k = 0; k < inputs.length; k++) {
            Tensor x = inputs[k];
            double[] analytic = x.grad().toArray();
            double[] d = x.dataArray();
            for (int i = 0; i < d.length; i++) {
                double keep = d[i];
                double up;
                double down;
                try (Autograd.Scope s = Autograd.noGrad()) {
                    d[i] = keep + H;
                    up = loss.apply(inputs).item();
                    d[i] = keep - H;
                    down = loss.apply(inputs).item();
                }
                d[i] = keep;
                double numeric = (up - down) / (2 * H);
                assertTrue(Double.isFinite(analytic[i]), what + ": grad of input " + k + " element " + i
                        + " is " + analytic[i]);
                assertEquals(numeric, analytic[i], tol * (1 + Math.abs(numeric)),
                        what + ": d/d input " + k + " element " + i);
            }
        }
    }
}
