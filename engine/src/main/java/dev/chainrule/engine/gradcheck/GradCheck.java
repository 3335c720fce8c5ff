package dev.chainrule.engine.gradcheck;

import dev.chainrule.engine.Grad;
import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Checks a function's analytic gradient (its backward pass) against finite differences.
 *
 * <pre>{@code
 * GradCheckResult r = GradCheck.check(v -> v[0].mul(v[1]).sigmoid(), 0.5, -1.5);
 * r.passed();          // true
 * r.worst().name();    // the input with the largest error, e.g. "x1"
 * GradCheck.defaults().rtol(1e-6).names("w", "b").run(f, 0.5, -1.5);
 * }</pre>
 *
 * <p>For each input it takes the central difference (f(x + h) − f(x − h)) / 2h with a step
 * suited to the input's scale, h = eps·max(1, |x|), and compares it with the analytic value by
 * PyTorch gradcheck's rule {@code |a − n| ≤ atol + rtol·|n|} (defaults atol 1e-5, rtol 1e-3,
 * eps 1e-6). It also reports the symmetric relative error {@code |a − n| / max(|a| + |n|, tiny)}.
 *
 * <p><b>Kinks.</b> It also takes the one-sided slopes. When they disagree beyond the tolerance
 * and the gap does not shrink with the step (checked again at h/4, where a smooth function's gap
 * would shrink fourfold), the point is a kink (relu or abs at 0, max at a tie): the entry is
 * marked non-differentiable and passes if the analytic value lies between the two slopes.
 *
 * <p>Tensor functions are checked by {@link #runTensors}: element by element, or along seeded
 * random directions for big tensors.
 *
 * <p>Instances are immutable; the setters return a changed copy.
 */
public final class GradCheck {
    /** PyTorch's default absolute tolerance on float64. */
    public static final double DEFAULT_ATOL = 1e-5;
    /** PyTorch's default relative tolerance on float64. */
    public static final double DEFAULT_RTOL = 1e-3;
    /** PyTorch's default finite-difference step, here relative to max(1, |x|). */
    public static final double DEFAULT_EPS = 1e-6;

    /** Above this many differentiable tensor elements, tensors are checked along random directions. */
    public static final int DEFAULT_ELEMENT_LIMIT = 256;

    private static final GradCheck DEFAULTS = new GradCheck(DEFAULT_ATOL, DEFAULT_RTOL, DEFAULT_EPS, null,
            DEFAULT_ELEMENT_LIMIT, 0, false);

    /** {@link #extrapolated()}'s first step, relative to max(1, |x|): steps 1e-3, 5e-4 and 2.5e-4. */
    public static final double EXTRAPOLATED_EPS = 1e-3;
    /**
     * {@link #extrapolated()}'s relative floor: far below the 1e-6 it must resolve, it only
     * absorbs the rounding of the analytic value itself, which the estimate does not see.
     */
    public static final double EXTRAPOLATED_RTOL = 1e-9;
    /** How many times its error estimate a numerical derivative may be off in {@link #extrapolated()}. */
    public static final double SAFETY = 4;

    private static final GradCheck EXTRAPOLATED = new GradCheck(0, EXTRAPOLATED_RTOL, EXTRAPOLATED_EPS, null,
            DEFAULT_ELEMENT_LIMIT, 0, true);

    private final double atol;
    private final double rtol;
    private final double eps;
    private final String[] names;
    private final int elementLimit;
    private final long seed;
    private final boolean extrapolated;

    private GradCheck(double atol, double rtol, double eps, String[] names, int elementLimit, long seed,
            boolean extrapolated) {
        this.atol = atol;
        this.rtol = rtol;
        this.eps = eps;
        this.names = names;
        this.elementLimit = elementLimit;
        this.seed = seed;
        this.extrapolated = extrapolated;
    }

    /** {@return a checker with the default tolerances (atol 1e-5, rtol 1e-3, eps 1e-6) and inputs named x0, x1, ...} */
    public static GradCheck defaults() {
        return DEFAULTS;
    }

    /**
     * A checker that estimates the error of each numerical derivative and allows only a few times
     * that estimate: about 1e-12 of the derivative where the function is smooth, so analytic
     * derivatives wrong by 1e-6 relative fail, where PyTorch's fixed rtol 1e-3 lets them through.
     * This is what the test kit's properties use.
     *
     * <p>The numerical derivative is Richardson's extrapolation of central differences at the
     * steps h, h/2 and h/4 (h = eps·max(1, |x|), eps {@value #EXTRAPOLATED_EPS}). Its error
     * estimate is the change from the extrapolation at 2h (truncation) plus 32 units in the last
     * place of |f| per evaluation, times the combination's weights (rounding); see
     * {@link GradCheckEntry#errorEstimate()}. An entry passes when
     * {@code |a − n| ≤ SAFETY·estimate + atol + rtol·|n|} (SAFETY {@value #SAFETY}, atol 0, rtol
     * {@value #EXTRAPOLATED_RTOL}). Kinks are found and judged as by {@link #defaults()}, from
     * the one-sided slopes at h/4 and h/2.
     *
     * <pre>{@code
     * GradCheck.extrapolated().run(v -> v[0].sigmoid(), 0.3).worst().errorEstimate();   // about 1e-14
     * }</pre>
     *
     * @return A checker that estimates the error of each numerical derivative and allows only a few times
     *     that estimate: about 1e-12 of the derivative where the function is smooth, so analytic derivatives
     *     wrong by 1e-6 relative fail, where PyTorch's fixed rtol 1e-3 lets them through
     */
    public static GradCheck extrapolated() {
        return EXTRAPOLATED;
    }

    /** {@return whether tolerances come from the estimated error of each numerical derivative ({@link #extrapolated()})} */
    public boolean isExtrapolated() {
        return extrapolated;
    }

    /**
     * Checks {@code f} at {@code x} with the default tolerances.
     *
     * @param f a function of n scalar inputs; it is called several times with fresh leaves
     * @param x the point (not modified)
     * @return every entry, and whether each passed
     */
    public static GradCheckResult check(Function<Value[], Value> f, double... x) {
        return DEFAULTS.run(f, x);
    }

    /**
     * A copy with this absolute tolerance.
     *
     * @param atol the absolute tolerance
     * @return A copy with this absolute tolerance
     * @throws IllegalArgumentException if {@code atol} is negative or not finite
     */
    public GradCheck atol(double atol) {
        requireTolerance("atol", atol);
        return new GradCheck(atol, rtol, eps, names, elementLimit, seed, extrapolated);
    }

    /**
     * A copy with this relative tolerance.
     *
     * @param rtol the relative tolerance
     * @return A copy with this relative tolerance
     * @throws IllegalArgumentException if {@code rtol} is negative or not finite
     */
    public GradCheck rtol(double rtol) {
        requireTolerance("rtol", rtol);
        return new GradCheck(atol, rtol, eps, names, elementLimit, seed, extrapolated);
    }

    /**
     * A copy with this relative step: input x is moved by eps·max(1, |x|).
     *
     * @param eps the step
     * @return A copy with this relative step: input x is moved by eps·max(1, |x|)
     * @throws IllegalArgumentException unless {@code 0 < eps < 1}
     */
    public GradCheck eps(double eps) {
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("gradcheck: eps must be in (0, 1), got " + eps);
        }
        return new GradCheck(atol, rtol, eps, names, elementLimit, seed, extrapolated);
    }

    /**
     * {@return a copy that names the inputs (and labels their leaves) in results, instead of x0, x1, ...}
     *
     * @param names the names
     */
    public GradCheck names(String... names) {
        Objects.requireNonNull(names, "names");
        for (int i = 0; i < names.length; i++) {
            Objects.requireNonNull(names[i], () -> "gradcheck: name " + names.length + " is null");
        }
        return new GradCheck(atol, rtol, eps, names.clone(), elementLimit, seed, extrapolated);
    }

    /**
     * A copy that checks tensors element by element only up to {@code n} differentiable elements
     * in all (default 256); above that, each tensor is checked along one seeded random direction.
     *
     * @param n how many
     * @return A copy that checks tensors element by element only up to {@code n} differentiable elements in
     *     all (default 256); above that, each tensor is checked along one seeded random direction
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public GradCheck elementLimit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("gradcheck: elementLimit must be at least 0, got " + n);
        }
        return new GradCheck(atol, rtol, eps, names, n, seed, extrapolated);
    }

    /**
     * {@return a copy whose tensor checks draw their random output weights and directions from this seed (default 0)}
     *
     * @param seed the seed
     */
    public GradCheck seed(long seed) {
        return new GradCheck(atol, rtol, eps, names, elementLimit, seed, extrapolated);
    }

    /** {@return the absolute tolerance} */
    public double atol() {
        return atol;
    }

    /** {@return the relative tolerance} */
    public double rtol() {
        return rtol;
    }

    /** {@return the relative step} */
    public double eps() {
        return eps;
    }

    /**
     * Checks the first derivatives of {@code f} at {@code x}.
     *
     * @param f a function of {@code x.length} scalar inputs, called with fresh leaves each time
     * @param x the point (not modified)
     * @return every entry, and whether each passed
     * @throws IllegalArgumentException if {@code x} holds a NaN, or names were given for a
     *                                  different number of inputs
     */
    public GradCheckResult run(Function<Value[], Value> f, double... x) {
        Objects.requireNonNull(f, "f");
        String[] n = inputNames(x);
        Value[] leaves = leaves(n, x);
        Value y = Objects.requireNonNull(f.apply(leaves), "gradcheck: the function returned null");
        y.backward();
        double[] analytic = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            analytic[i] = leaves[i].grad();
        }
        return compareAll(n, x, analytic, y.data(), p -> f.apply(leaves(n, p)).data());
    }

    /**
     * Checks the second derivatives of {@code f} at {@code x}: ∂²f/∂x_i∂x_j from {@link Grad#of}
     * applied twice (the graph-building form of every op's derivative) against central
     * differences of ∂f/∂x_i computed by the backward pass (the number form). A wrong graph form
     * therefore shows here even when the first-order check passes. Entries are named
     * {@code "∂²/∂x0∂x1"}; after them one entry per input, {@code "∂/∂x0 graph form"}, compares
     * the graph form's value (as analytic) with the backward pass's (as numerical), which must
     * agree to rounding: a linear op's wrong graph form has right (zero) second derivatives.
     *
     * @param f the function
     * @param x the input
     * @return every entry, and whether each passed
     * @throws UnsupportedOperationException if {@code f} uses an op without a graph-building derivative
     */
    public GradCheckResult runSecondOrder(Function<Value[], Value> f, double... x) {
        Objects.requireNonNull(f, "f");
        String[] n = inputNames(x);
        Value[] leaves = leaves(n, x);
        Value y = Objects.requireNonNull(f.apply(leaves), "gradcheck: the function returned null");
        Value[] first = Grad.of(y, leaves);
        List<GradCheckEntry> all = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            int row = i;
            Value[] second = Grad.of(first[i], leaves);
            double[] analytic = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                analytic[j] = second[j].data();
            }
            String[] rowNames = new String[x.length];
            for (int j = 0; j < x.length; j++) {
                rowNames[j] = "∂²/∂" + n[i] + "∂" + n[j];
            }
            all.addAll(compareAll(rowNames, x, analytic, first[i].data(), p -> {
                Value[] v = leaves(n, p);
                f.apply(v).backward();
                return v[row].grad();
            }).entries());
        }
        // The graph form's value must be the backward pass's: a linear op whose graph form is off
        // by a constant factor (mean without its 1/n) has the right second derivatives, zero.
        Value[] byBackward = leaves(n, x);
        f.apply(byBackward).backward();
        for (int i = 0; i < x.length; i++) {
            all.add(sameValue("∂/∂" + n[i] + " graph form", x[i], first[i].data(), byBackward[i].grad()));
        }
        return result(all, y.data());
    }

    /**
     * Checks a tensor function with the default tolerances; see {@link #runTensors}.
     *
     * @param f      a function of tensors, called with fresh leaves each time
     * @param inputs the point (not modified); those with {@code requiresGrad(false)} are held fixed
     * @return every entry, and whether each passed
     */
    public static GradCheckResult checkTensors(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return DEFAULTS.runTensors(f, inputs);
    }

    /**
     * Checks the gradients of a tensor function. A non-scalar output is reduced to
     * L = Σ w ⊙ output with seeded random weights w in ±[0.5, 1.5], and the backward pass
     * {@code output.backward(w)} is compared with finite differences of L. With at most
     * {@link #elementLimit} differentiable elements in all, every element is an entry (named like
     * {@code W[1, 2]}, from the tensor's label or x0, x1, ...); above it, each tensor is checked
     * along one seeded random unit direction d (entry {@code W·d}: analytic ∇L·d against
     * (L(W + hd) − L(W − hd)) / 2h). Inputs with {@code requiresGrad(false)} are held fixed.
     *
     * <pre>{@code
     * Tensor w = Tensor.randn(new Random(1), 3, 4).label("W");
     * GradCheckResult r = GradCheck.checkTensors(t -> t[0].softmax(1), w);   // 12 entries W[0, 0]..W[2, 3]
     * }</pre>
     *
     * @param f the function
     * @param inputs the inputs
     * @return every entry, and whether each passed
     * @throws IllegalArgumentException if names were given for a different number of tensors
     */
    public GradCheckResult runTensors(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return TensorGradCheck.run(this, names, elementLimit, seed, f, inputs);
    }

    /**
     * Checks the second derivatives of a tensor function by Hessian-vector products: with
     * L = Σ w ⊙ output (seeded random weights) and a seeded random unit direction d over all
     * differentiable inputs, the graph-form ∇(∇L·d) built by {@link Grad#of} twice is compared
     * with finite differences of ∇L·d computed by the backward pass. Entries are per element
     * ({@code ∇(∇L·d) W[1, 2]}) up to {@link #elementLimit} elements, else one per tensor along
     * another random direction u ({@code ∇(∇L·d) W·u}).
     *
     * @param f the function
     * @param inputs the inputs
     * @return every entry, and whether each passed
     * @throws UnsupportedOperationException if an op on the path has no graph-building derivative
     */
    public GradCheckResult runTensorsSecondOrder(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return TensorGradCheck.runSecondOrder(this, names, elementLimit, seed, f, inputs);
    }

    /** Relative difference allowed between the graph form's value and the backward pass's: rounding only. */
    static final double SAME_VALUE_RTOL = 1e-9;
    /** Absolute difference allowed between the two: rounding of terms of order 1. */
    static final double SAME_VALUE_ATOL = 1e-12;

    /**
     * An entry comparing a derivative's graph form ({@link Grad#of}, as analytic) with the number
     * the backward pass computed (as numerical): the same quantity by two routes, so they agree
     * to rounding ({@value #SAME_VALUE_RTOL} of their size, plus {@value #SAME_VALUE_ATOL}).
     */
    GradCheckEntry sameValue(String name, double point, double graphForm, double backward) {
        // Both sum the same terms, maybe in another order, so their difference is rounding of
        // terms of order 1 at least (1/z − z/z² for z/z is two terms of 1/z that cancel).
        double allowed = sameValueAllowed(graphForm, backward);
        boolean passed = Math.abs(graphForm - backward) <= allowed;
        return new GradCheckEntry(name, point, graphForm, backward, backward, backward, 0, allowed, false, passed,
                0, null);
    }

    /** The difference allowed between a graph form's value and the backward pass's. */
    static double sameValueAllowed(double graphForm, double backward) {
        return SAME_VALUE_RTOL * (Math.abs(graphForm) + Math.abs(backward)) + SAME_VALUE_ATOL;
    }

    /** A function of a point, evaluated without building a gradient. */
    @FunctionalInterface
    interface Objective {
        double value(double[] x);
    }

    /** Compares each analytic[i] with finite differences of {@code f} along coordinate i. */
    GradCheckResult compareAll(String[] n, double[] x, double[] analytic, double output, Objective f) {
        List<GradCheckEntry> entries = new ArrayList<>(x.length);
        double[] p = x.clone();
        // f0 comes from the objective itself, so that the one-sided slopes compare like with like.
        double f0 = f.value(p);
        for (int i = 0; i < x.length; i++) {
            int k = i;
            double x0 = x[i];
            DoubleUnaryOperator along = t -> {
                p[k] = t;
                try {
                    return f.value(p);
                } finally {
                    p[k] = x0;
                }
            };
            entries.add(compare(n[i], x0, analytic[i], along, f0));
        }
        return result(entries, output);
    }

    /** A result of these entries, reporting this checker's tolerances. */
    GradCheckResult result(List<GradCheckEntry> entries, double output) {
        return new GradCheckResult(entries, output, atol, rtol, eps);
    }

    /**
     * Compares an analytic derivative with finite differences of {@code g} around {@code t0}.
     *
     * @param g  the function restricted to one coordinate (or one direction)
     * @param f0 g(t0), already known
     */
    GradCheckEntry compare(String name, double t0, double analytic, DoubleUnaryOperator g, double f0) {
        return compare(name, t0, Math.abs(t0), analytic, g, f0);
    }

    /** As above, with the step taken as eps·max(1, scale). */
    GradCheckEntry compare(String name, double t0, double scale, double analytic, DoubleUnaryOperator g, double f0) {
        return compare(name, t0, scale, analytic, g, f0, 0);
    }

    /**
     * As above, for a {@code g} that adds up many terms (a tensor check's Σ w ⊙ f(x)):
     * {@code terms} is Σ|term| at t0, which sets how far rounding the sum can move g (see
     * {@link RichardsonDifference}); |f0| alone understates it where the terms cancel.
     */
    GradCheckEntry compare(String name, double t0, double scale, double analytic, DoubleUnaryOperator g, double f0,
            double terms) {
        double h = eps * Math.max(1, scale);
        if (extrapolated) {
            return compareExtrapolated(name, t0, h, analytic, g, f0, terms);
        }
        double[] s = slopes(g, t0, h, f0);
        double left = s[0];
        double right = s[1];
        double numerical = s[2];
        double allowed = atol + rtol * Math.abs(numerical);
        boolean finite = Double.isFinite(analytic) && Double.isFinite(numerical);
        boolean kink = false;
        double lo = Math.min(left, right);
        double hi = Math.max(left, right);
        double gap = Math.abs(right - left);
        if (finite && gap > atol + rtol * Math.max(Math.abs(left), Math.abs(right))) {
            // A smooth function's one-sided gap is about |f''|·h, so it shrinks with the step;
            // a kink's gap does not.
            double[] q = slopes(g, t0, h / 4, f0);
            if (Math.abs(q[1] - q[0]) > gap / 2) {
                kink = true;
                lo = Math.min(lo, Math.min(q[0], q[1]));
                hi = Math.max(hi, Math.max(q[0], q[1]));
            }
        }
        boolean passed;
        if (!finite) {
            passed = false;
        } else if (kink) {
            double tol = atol + rtol * Math.max(Math.abs(lo), Math.abs(hi));
            passed = analytic >= lo - tol && analytic <= hi + tol;
        } else {
            passed = Math.abs(analytic - numerical) <= allowed;
        }
        return new GradCheckEntry(name, t0, analytic, numerical, left, right, s[3], allowed, kink, passed);
    }

    /** The comparison of {@link #extrapolated()}: Richardson's extrapolation and its error estimate. */
    private GradCheckEntry compareExtrapolated(String name, double t0, double h, double analytic,
            DoubleUnaryOperator g, double f0, double terms) {
        RichardsonDifference d = RichardsonDifference.at(g, t0, h, f0, terms);
        double numerical = d.numerical;
        double estimate = d.estimate();
        double allowed = SAFETY * estimate + atol + rtol * Math.abs(numerical);
        boolean finite = Double.isFinite(analytic) && Double.isFinite(numerical) && Double.isFinite(allowed);
        if (!finite) {
            return new GradCheckEntry(name, t0, analytic, numerical, d.left, d.right, d.step, allowed, false, false,
                    estimate, null);
        }
        // At a kink the one-sided slopes are exact only up to how much they still move with the
        // step; the analytic value must lie between them within that.
        double slopeTol = allowed + d.slopeUncertainty();
        if (d.kink(2 * slopeTol + 1e-6 * (Math.abs(d.left) + Math.abs(d.right)))) {
            KinkConvention c = KinkConvention.of(analytic, d.left, d.right, slopeTol);
            return new GradCheckEntry(name, t0, analytic, numerical, d.left, d.right, d.step, slopeTol, true,
                    c != KinkConvention.OUTSIDE, estimate, c);
        }
        return new GradCheckEntry(name, t0, analytic, numerical, d.left, d.right, d.step, allowed, false,
                Math.abs(analytic - numerical) <= allowed, estimate, null);
    }

    /** {left slope, right slope, central difference, step}, with steps rounded so that t0 ± h are exact. */
    private static double[] slopes(DoubleUnaryOperator g, double t0, double h, double f0) {
        double up = t0 + h;
        double down = t0 - h;
        double hu = up - t0;
        double hd = t0 - down;
        double fu = g.applyAsDouble(up);
        double fd = g.applyAsDouble(down);
        return new double[] {(f0 - fd) / hd, (fu - f0) / hu, (fu - fd) / (hu + hd), (hu + hd) / 2};
    }

    private String[] inputNames(double[] x) {
        Objects.requireNonNull(x, "x");
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new IllegalArgumentException("gradcheck: input " + i + " is NaN");
            }
        }
        if (names == null) {
            String[] n = new String[x.length];
            for (int i = 0; i < n.length; i++) {
                n[i] = "x" + i;
            }
            return n;
        }
        if (names.length != x.length) {
            throw new IllegalArgumentException("gradcheck: " + names.length + " names given for "
                    + x.length + " inputs");
        }
        return names;
    }

    private static Value[] leaves(String[] names, double[] x) {
        Value[] v = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = Value.of(x[i], names[i]);
        }
        return v;
    }

    private static void requireTolerance(String what, double t) {
        if (!(t >= 0 && Double.isFinite(t))) {
            throw new IllegalArgumentException("gradcheck: " + what + " must be finite and at least 0, got " + t);
        }
    }
}
