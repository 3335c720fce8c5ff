package dev.chainrule.nn.tensor;

import java.util.Objects;
import java.util.Random;

/**
 * How a layer's weights are first drawn, from its fan-in (inputs per unit) and fan-out. Every
 * scheme draws from the {@link Random} it is given, in row-major order, so a seed fixes the
 * weights. Biases start at 0.
 *
 * <pre>{@code
 * Linear layer = new Linear(784, 256, Init.heNormal(), new Random(42));
 * }</pre>
 */
@FunctionalInterface
public interface Init {

    /**
     * Fills {@code weights} with initial values.
     *
     * @param weights the array to fill (modified)
     * @param fanIn the number of inputs per unit
     * @param fanOut the number of units
     * @param rng the source of randomness
     */
    void fill(double[] weights, int fanIn, int fanOut, Random rng);

    /**
     * Uniform on [−limit, limit).
     *
     * @param limit the limit
     * @return uniform on [−limit, limit)
     * @throws IllegalArgumentException if the limit is not positive
     */
    static Init uniform(double limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("Init.uniform: limit must be positive, got " + limit);
        }
        return (w, in, out, rng) -> {
            Objects.requireNonNull(rng, "rng");
            for (int i = 0; i < w.length; i++) {
                w[i] = (rng.nextDouble() * 2 - 1) * limit;
            }
        };
    }

    /** {@return uniform on [−1/√fanIn, 1/√fanIn) (PyTorch's default for Linear)} */
    static Init uniform() {
        return (w, in, out, rng) -> uniform(1 / Math.sqrt(in)).fill(w, in, out, rng);
    }

    /** {@return normal with mean 0 and std 1/√fanIn (LeCun normal)} */
    static Init normal() {
        return (w, in, out, rng) -> gaussian(w, 1 / Math.sqrt(in), rng);
    }

    /** {@return Xavier/Glorot uniform: U(−a, a) with a = √(6/(fanIn + fanOut)); suits tanh and sigmoid} */
    static Init xavierUniform() {
        return (w, in, out, rng) -> uniform(Math.sqrt(6.0 / (in + out))).fill(w, in, out, rng);
    }

    /** {@return Xavier/Glorot normal: std √(2/(fanIn + fanOut))} */
    static Init xavierNormal() {
        return (w, in, out, rng) -> gaussian(w, Math.sqrt(2.0 / (in + out)), rng);
    }

    /** {@return he/Kaiming uniform: U(−a, a) with a = √(6/fanIn); suits ReLU} */
    static Init heUniform() {
        return (w, in, out, rng) -> uniform(Math.sqrt(6.0 / in)).fill(w, in, out, rng);
    }

    /** {@return he/Kaiming normal: std √(2/fanIn); suits ReLU} */
    static Init heNormal() {
        return (w, in, out, rng) -> gaussian(w, Math.sqrt(2.0 / in), rng);
    }

    private static void gaussian(double[] w, double std, Random rng) {
        Objects.requireNonNull(rng, "rng");
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian() * std;
        }
    }
}
