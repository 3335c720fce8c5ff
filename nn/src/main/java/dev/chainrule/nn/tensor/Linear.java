package dev.chainrule.nn.tensor;

import dev.chainrule.engine.Tensor;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A fully connected layer, {@code y = x·Wᵀ + b}, with W of shape [out, in] (one row per unit,
 * PyTorch's layout) and b of shape [out]. Parameters are named {@code weight} and {@code bias}
 * (prefixed inside a {@link Sequential}).
 *
 * <pre>{@code
 * Linear fc = new Linear(64, 10, Init.xavierUniform(), new Random(1));
 * Tensor y = fc.forward(x);       // x: [batch, 64] -> y: [batch, 10]
 * }</pre>
 */
public final class Linear implements TensorModule {
    private final Tensor weight;
    private final Tensor bias;

    /**
     * A layer with a bias; weights drawn by {@code init}, bias 0.
     *
     * @param in the number of inputs
     * @param out the number of outputs
     * @param init the initialisation
     * @param rng the random source; seed it for repeatable results
     * @throws IllegalArgumentException if {@code in} or {@code out} is below 1
     */
    public Linear(int in, int out, Init init, Random rng) {
        this(in, out, true, init, rng);
    }

    /**
     * A layer with or without a bias; weights drawn by {@code init}, bias 0.
     *
     * @param in the number of inputs
     * @param out the number of outputs
     * @param bias the bias
     * @param init the initialisation
     * @param rng the random source; seed it for repeatable results
     * @throws IllegalArgumentException if {@code in} or {@code out} is below 1
     */
    public Linear(int in, int out, boolean bias, Init init, Random rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear: in and out must be at least 1, got " + in + " and " + out);
        }
        Objects.requireNonNull(init, "init");
        if ((long) out * in > Integer.MAX_VALUE - 8) { // out * in would wrap around to a negative size
            throw new IllegalArgumentException("Linear: " + out + " × " + in + " weights are more than one array can "
                    + "hold (2^31 − 1); use smaller layers");
        }
        double[] w = new double[out * in];
        init.fill(w, in, out, rng);
        this.weight = Tensor.of(w, out, in).label("weight");
        this.bias = bias ? Tensor.zeros(out).label("bias") : null;
    }

    /**
     * The output for {@code x}.
     *
     * @param x [batch, in] (or [in] for one example)
     * @throws IllegalArgumentException if the last axis of {@code x} is not {@code in}
     */
    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() == 0 || x.shape(-1) != in()) {
            throw new IllegalArgumentException("Linear: expects inputs whose last axis is " + in() + ", got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        boolean single = x.rank() == 1;
        Tensor x2 = single ? x.reshape(1, in()) : x;
        // With a bias, one matmulAdd node (PyTorch's addmm): no separate sum node and array.
        Tensor y = bias != null ? x2.matmulAdd(weight.transpose(), bias) : x2.matmul(weight.transpose());
        return single ? y.reshape(out()) : y;
    }

    /** {@return the weight matrix [out, in]} */
    public Tensor weight() {
        return weight;
    }

    /** {@return the bias [out], or {@code null} if this layer has none} */
    public Tensor bias() {
        return bias;
    }

    /** {@return the number of inputs per unit} */
    public int in() {
        return weight.shape(1);
    }

    /** {@return the number of units} */
    public int out() {
        return weight.shape(0);
    }

    /** The weight, then the bias if there is one. */
    @Override
    public List<Tensor> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    /** For example {@code Linear(64 -> 10)}. */
    @Override
    public String toString() {
        return "Linear(" + in() + " -> " + out() + (bias == null ? ", no bias)" : ")");
    }
}
