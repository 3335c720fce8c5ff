package dev.chainrule.engine.gradcheck;

import dev.chainrule.engine.Grad;
import dev.chainrule.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The tensor side of {@link GradCheck}. A tensor output is reduced to the scalar
 * L = Σ w ⊙ output with seeded random weights w (a plain sum would make some gradients vanish:
 * Σ softmax is always 1), then each differentiable input is compared element by element, or
 * along one seeded random unit direction when there are too many elements.
 */
final class TensorGradCheck {
    private final GradCheck config;
    private final Function<Tensor[], Tensor> f;
    private final int[][] shapes;
    private final boolean[] differentiable;
    private final String[] labels;
    private double[] weights;

    private TensorGradCheck(GradCheck config, Function<Tensor[], Tensor> f, Tensor[] inputs, String[] names) {
        this.config = config;
        this.f = f;
        this.shapes = new int[inputs.length][];
        this.differentiable = new boolean[inputs.length];
        this.labels = new String[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            shapes[i] = inputs[i].shape();
            differentiable[i] = inputs[i].requiresGrad();
            labels[i] = names != null ? names[i] : inputs[i].label() != null ? inputs[i].label() : "x" + i;
        }
    }

    static GradCheckResult run(GradCheck config, String[] names, int elementLimit, long seed,
            Function<Tensor[], Tensor> f, Tensor... inputs) {
        double[][] data = values(names, f, inputs);
        return new TensorGradCheck(config, f, inputs, names).check(data, elementLimit, new Random(seed));
    }

    static GradCheckResult runSecondOrder(GradCheck config, String[] names, int elementLimit, long seed,
            Function<Tensor[], Tensor> f, Tensor... inputs) {
        double[][] data = values(names, f, inputs);
        return new TensorGradCheck(config, f, inputs, names).checkSecondOrder(data, elementLimit, new Random(seed));
    }

    /** The inputs' values, copied, after checking the arguments. */
    private static double[][] values(String[] names, Function<Tensor[], Tensor> f, Tensor[] inputs) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(inputs, "inputs");
        if (names != null && names.length != inputs.length) {
            throw new IllegalArgumentException("gradcheck: " + names.length + " names given for " + inputs.length
                    + " tensors");
        }
        double[][] data = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            Objects.requireNonNull(inputs[i], "gradcheck: tensor " + i + " is null");
            data[i] = inputs[i].toArray();
        }
        return data;
    }

    private GradCheckResult check(double[][] data, int elementLimit, Random random) {
        Tensor[] leaves = leaves(data);
        Tensor out = Objects.requireNonNull(f.apply(leaves), "gradcheck: the function returned null");
        drawWeights(out, random);
        double l0 = weighted(out);
        double l0Terms = weightedTerms(out);
        out.backward(weightTensor(out));
        int total = 0;
        for (int i = 0; i < data.length; i++) {
            total += differentiable[i] ? data[i].length : 0;
        }
        List<GradCheckEntry> entries = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            if (!differentiable[i]) {
                continue;
            }
            double[] g = leaves[i].hasGrad() ? leaves[i].gradArray().clone() : new double[data[i].length];
            compareInput(entries, "", "d", data, i, g, total <= elementLimit, random,
                    () -> weighted(f.apply(leaves(data))), l0, l0Terms);
        }
        return config.result(entries, l0);
    }

    /**
     * Hessian-vector products: with L = Σ w ⊙ f(x) and a random direction d over all inputs, the
     * graph form ∇(∇L·d), from {@link Grad#of} twice, against finite differences of ∇L·d computed
     * by the backward pass.
     */
    private GradCheckResult checkSecondOrder(double[][] data, int elementLimit, Random random) {
        Tensor[] leaves = leaves(data);
        Tensor out = Objects.requireNonNull(f.apply(leaves), "gradcheck: the function returned null");
        drawWeights(out, random);
        Tensor w = weightTensor(out).requiresGrad(false);
        List<Integer> wrt = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < data.length; i++) {
            if (differentiable[i]) {
                wrt.add(i);
                total += data[i].length;
            }
        }
        Tensor[] x = new Tensor[wrt.size()];
        double[][] d = new double[wrt.size()][];
        for (int k = 0; k < x.length; k++) {
            x[k] = leaves[wrt.get(k)];
            d[k] = direction(random, data[wrt.get(k)].length);
        }
        Tensor[] g = Grad.of(out.mul(w).sum(), x);
        Tensor gd = null;
        for (int k = 0; k < x.length; k++) {
            Tensor dk = Tensor.of(d[k], x[k].shape().length == 0 ? new int[] {1} : x[k].shape()).requiresGrad(false);
            Tensor term = g[k].reshape(dk.shape()).mul(dk).sum();
            gd = gd == null ? term : gd.add(term);
        }
        if (gd == null) {
            return config.result(List.of(), Double.NaN);
        }
        Tensor[] hd = Grad.of(gd, x);
        double phi0 = gd.item();
        double phi0Terms = 0;   // ∇L·d adds g·d over every element: its rounding is in units of Σ|g·d|
        for (int k = 0; k < x.length; k++) {
            double[] gk = g[k].toArray();
            for (int j = 0; j < gk.length; j++) {
                phi0Terms += Math.abs(gk[j] * d[k][j]);
            }
        }
        List<GradCheckEntry> entries = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            compareInput(entries, "∇(∇L·d) ", "u", data, wrt.get(k), hd[k].toArray(), total <= elementLimit,
                    random, () -> gradientAlong(data, wrt, d), phi0, phi0Terms);
        }
        addGraphFormValues(entries, data, wrt, g);
        return config.result(entries, phi0);
    }

    /**
     * Adds, per input, the element at which the graph-form gradient {@code g} differs most from
     * the backward pass's: a linear op whose graph form is off by a constant factor (mean without
     * its 1/n) shows here and nowhere else, since its second derivatives are zero either way.
     */
    private void addGraphFormValues(List<GradCheckEntry> entries, double[][] data, List<Integer> wrt, Tensor[] g) {
        Tensor[] leaves = leaves(data);
        Tensor out = f.apply(leaves);
        out.backward(weightTensor(out));
        for (int k = 0; k < wrt.size(); k++) {
            int i = wrt.get(k);
            double[] byGraph = g[k].toArray();
            double[] byBackward = leaves[i].hasGrad() ? leaves[i].gradArray() : new double[data[i].length];
            // Only the worst element becomes an entry: naming every one costs more than comparing.
            int worst = -1;
            double most = -1;
            for (int j = 0; j < byBackward.length; j++) {
                double d = Math.abs(byGraph[j] - byBackward[j]);
                double excess = Double.isNaN(d) ? Double.POSITIVE_INFINITY
                        : d / GradCheck.sameValueAllowed(byGraph[j], byBackward[j]);
                if (excess > most) {
                    most = excess;
                    worst = j;
                }
            }
            if (worst >= 0) {
                entries.add(config.sameValue("∇L graph form " + labels[i] + index(shapes[i], worst), data[i][worst],
                        byGraph[worst], byBackward[worst]));
            }
        }
    }

    /**
     * Adds the entries of input {@code i}: one per element ({@code prefix + "W[1, 2]"}) when
     * {@code perElement}, else one along a fresh random unit direction ({@code prefix + "W·"
     * + direction}).
     *
     * @param analytic  the analytic derivative of the checked quantity by each element of input i
     * @param objective the checked quantity at the current {@code data}, which is moved and put back
     * @param at0       the checked quantity at the unmoved point
     * @param terms     Σ|term| of the sum the checked quantity is, at the unmoved point (its rounding)
     */
    private void compareInput(List<GradCheckEntry> entries, String prefix, String direction, double[][] data,
            int i, double[] analytic, boolean perElement, Random random, DoubleSupplier objective, double at0,
            double terms) {
        if (perElement) {
            for (int j = 0; j < data[i].length; j++) {
                int e = j;
                double x0 = data[i][j];
                entries.add(config.compare(prefix + labels[i] + index(shapes[i], j), x0, Math.abs(x0), analytic[j], t -> {
                    data[i][e] = t;
                    try {
                        return objective.getAsDouble();
                    } finally {
                        data[i][e] = x0;
                    }
                }, at0, terms));
            }
            return;
        }
        double[] u = direction(random, data[i].length);
        double along = 0;
        double scale = 0;
        for (int j = 0; j < u.length; j++) {
            along += analytic[j] * u[j];
            scale = Math.max(scale, Math.abs(data[i][j]));
        }
        double[] x0 = data[i].clone();
        entries.add(config.compare(prefix + labels[i] + "·" + direction, 0, scale, along, t -> {
            for (int j = 0; j < u.length; j++) {
                data[i][j] = x0[j] + t * u[j];
            }
            try {
                return objective.getAsDouble();
            } finally {
                System.arraycopy(x0, 0, data[i], 0, x0.length);
            }
        }, at0, terms));
    }

    /** Draws the output weights w, away from 0 so that no output element is ignored. */
    private void drawWeights(Tensor out, Random random) {
        weights = new double[out.size()];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = (0.5 + random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        }
    }

    /** The weights w as a tensor of the output's shape. */
    private Tensor weightTensor(Tensor out) {
        return out.rank() == 0 ? Tensor.scalar(weights[0]) : Tensor.of(weights, out.shape());
    }

    /** ∇L·d at {@code data}, by the backward pass (the number form of every derivative). */
    private double gradientAlong(double[][] data, List<Integer> wrt, double[][] d) {
        Tensor[] leaves = leaves(data);
        Tensor out = f.apply(leaves);
        out.backward(weightTensor(out));
        double s = 0;
        for (int k = 0; k < wrt.size(); k++) {
            Tensor leaf = leaves[wrt.get(k)];
            if (!leaf.hasGrad()) {
                continue;
            }
            double[] g = leaf.gradArray();
            for (int j = 0; j < g.length; j++) {
                s += g[j] * d[k][j];
            }
        }
        return s;
    }

    private double weighted(Tensor out) {
        double[] y = out.toArray();
        if (y.length != weights.length) {
            throw new IllegalStateException("gradcheck: the function's output changed size from " + weights.length
                    + " to " + y.length + " elements; it must depend on the inputs' values only");
        }
        double s = 0;
        for (int j = 0; j < y.length; j++) {
            s += weights[j] * y[j];
        }
        return s;
    }

    /** Σ|wⱼ·yⱼ|: the size of the terms L = Σ wⱼ·yⱼ adds, which its rounding is in units of. */
    private double weightedTerms(Tensor out) {
        double[] y = out.toArray();
        double s = 0;
        for (int j = 0; j < y.length && j < weights.length; j++) {
            s += Math.abs(weights[j] * y[j]);
        }
        return s;
    }

    private Tensor[] leaves(double[][] data) {
        Tensor[] t = new Tensor[data.length];
        for (int i = 0; i < data.length; i++) {
            Tensor leaf = shapes[i].length == 0 ? Tensor.scalar(data[i][0]) : Tensor.of(data[i], shapes[i]);
            t[i] = leaf.requiresGrad(differentiable[i]).label(labels[i]);
        }
        return t;
    }

    /** A unit vector with Gaussian components. */
    private static double[] direction(Random random, int n) {
        double[] d = new double[n];
        double norm = 0;
        while (norm == 0) {
            for (int j = 0; j < n; j++) {
                d[j] = random.nextGaussian();
                norm += d[j] * d[j];
            }
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < n; j++) {
            d[j] /= norm;
        }
        return d;
    }

    /** {@code [1, 2]} for flat position j of a tensor of the given shape; empty for a scalar. */
    static String index(int[] shape, int j) {
        if (shape.length == 0) {
            return "";
        }
        int[] idx = new int[shape.length];
        for (int a = shape.length - 1; a >= 0; a--) {
            idx[a] = j % shape[a];
            j /= shape[a];
        }
        return java.util.Arrays.toString(idx);
    }
}
