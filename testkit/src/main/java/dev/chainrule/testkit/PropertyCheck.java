package dev.chainrule.testkit;

import dev.chainrule.engine.gradcheck.GradCheck;
import dev.chainrule.engine.gradcheck.GradCheckEntry;
import dev.chainrule.engine.gradcheck.GradCheckResult;
import dev.chainrule.engine.gradcheck.KinkConvention;
import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * A configured gradient property: how many cases, which seed, whether second derivatives are
 * checked, the tolerances, and where failure graphs go. Get one from
 * {@link GradientProperties#property()}; the setters return changed copies.
 *
 * <pre>{@code
 * GradientProperties.property().cases(5000).seed(42).assertGradientsMatch(ExprGenerator.over(3));
 * }</pre>
 */
public final class PropertyCheck {
    private static final int POINT_TRIES = 100;

    private final int cases;
    private final Long seed;
    private final boolean secondOrder;
    private final GradCheck gradCheck;
    private final Path reportDirectory;
    private final boolean writeFiles;

    private PropertyCheck(int cases, Long seed, boolean secondOrder, GradCheck gradCheck, Path reportDirectory,
            boolean writeFiles) {
        this.cases = cases;
        this.seed = seed;
        this.secondOrder = secondOrder;
        this.gradCheck = gradCheck;
        this.reportDirectory = reportDirectory;
        this.writeFiles = writeFiles;
    }

    /**
     * Tensors with more differentiable elements than this (in all) are checked along random
     * directions rather than element by element: at a resolution of 1e-12 a direction shows an
     * error in any element, and a case costs a handful of evaluations instead of six per element.
     */
    static final int ELEMENT_LIMIT = 12;

    static PropertyCheck defaults() {
        return new PropertyCheck(1000, null, true, GradCheck.extrapolated().elementLimit(ELEMENT_LIMIT), null, true);
    }

    /**
     * A copy that checks this many cases.
     *
     * @param n how many
     * @return A copy that checks this many cases
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public PropertyCheck cases(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("cases: need at least 1, got " + n);
        }
        return new PropertyCheck(n, seed, secondOrder, gradCheck, reportDirectory, writeFiles);
    }

    /**
     * A copy with this seed, pinned: the system property {@code chainrule.seed} does not override
     * it (it overrides {@link GradientSeed} and the per-method default), so a test that asserts
     * what this seed gives is unaffected when the suite is run to replay another property. To
     * replay a failure of a property seeded here, put the printed seed here.
     *
     * @param s the s
     * @return A copy with this seed, pinned: the system property {@code chainrule.seed} does not override it
     *     (it overrides {@link GradientSeed} and the per-method default), so a test that asserts what this
     *     seed gives is unaffected when the suite is run to replay another property
     */
    public PropertyCheck seed(long s) {
        return new PropertyCheck(cases, s, secondOrder, gradCheck, reportDirectory, writeFiles);
    }

    /**
     * {@return a copy that does (default) or does not check second derivatives where every op supports them}
     *
     * @param check whether to check it
     */
    public PropertyCheck secondOrder(boolean check) {
        return new PropertyCheck(cases, seed, check, gradCheck, reportDirectory, writeFiles);
    }

    /**
     * A copy comparing gradients with this checker. The default, {@link GradCheck#extrapolated()},
     * allows a few times each numerical derivative's estimated error (about 1e-12 of the
     * derivative), so analytic derivatives off by 1e-6 fail; {@code GradCheck.defaults()} gives
     * PyTorch's fixed atol 1e-5, rtol 1e-3.
     *
     * @param checker the gradient checker
     * @return A copy comparing gradients with this checker
     */
    public PropertyCheck tolerances(GradCheck checker) {
        Objects.requireNonNull(checker, "checker");
        return new PropertyCheck(cases, seed, secondOrder, checker, reportDirectory, writeFiles);
    }

    /**
     * A copy writing failure graphs to {@code dir} (default {@code target/chainrule-testkit}, or the
     * system property {@code chainrule.testkit.reports}); {@code null} writes no files.
     *
     * @param dir the folder
     * @return A copy writing failure graphs to {@code dir} (default {@code target/chainrule-testkit}, or the
     *     system property {@code chainrule.testkit.reports}); {@code null} writes no files
     */
    public PropertyCheck reportDirectory(Path dir) {
        return new PropertyCheck(cases, seed, secondOrder, gradCheck, dir, dir != null);
    }

    /**
     * Checks random expressions from {@code graphs} at random admissible points.
     *
     * @param graphs the random graphs to check
     * @return what was checked: cases, second-order cases, points drawn again
     * @throws GradientAssertionError with the shrunk report if a gradient is wrong
     */
    public PropertySummary assertGradientsMatch(ExprGenerator graphs) {
        Objects.requireNonNull(graphs, "graphs");
        return run("random expressions", graphs.inputCount(), graphs.allowsKinks(), graphs::next, graphs::pointFor,
                null);
    }

    /**
     * Checks one operator applied to inputs, {@code op(x, y, ...)}, at random points inside its
     * domain and away from its kinks, first and (if it supports them) second derivatives.
     *
     * @param op the operator
     * @return what was checked: cases, second-order cases, points drawn again
     * @throws GradientAssertionError if a gradient is wrong
     */
    public PropertySummary assertGradientsMatch(Operator op) {
        Objects.requireNonNull(op, "op");
        Expr[] args = new Expr[op.arity()];
        for (int i = 0; i < args.length; i++) {
            args[i] = Expr.input(i);
        }
        Expr e = Expr.apply(op, args);
        Inputs inputs = Inputs.of(op.arity());
        return run("operator " + op.name(), op.arity(), false, r -> e, (expr, r) -> {
            double[] x = inputs.next(r);
            if (Admissibility.problem(expr, x, false) == null) {
                return x;
            }
            // Defined for positive arguments only (log, sqrt, a base of pow): the same magnitudes.
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.abs(x[i]);
            }
            return Admissibility.problem(expr, x, false) == null ? x : null;
        }, op);
    }

    /**
     * Checks a given function at random points from {@code inputs}, first and (where its ops allow)
     * second derivatives. Points where finite differences cannot be trusted are drawn again. Only
     * the point is shrunk (the function is not an expression); the report shows the simplest
     * failing point.
     *
     * @param fn the function
     * @param inputs the inputs
     * @return what was checked: cases, second-order cases, points drawn again
     * @throws GradientAssertionError if a gradient is wrong
     */
    public PropertySummary assertGradientsMatch(Function<Value[], Value> fn, Inputs inputs) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        long first = Seeds.resolve(seed);
        GradCheck gc = named(inputs.count());
        Tally tally = new Tally();
        long s = first;
        for (int i = 0; i < cases; i++) {
            Random r = new Random(s);
            double[] x = null;
            GradCheckResult res = null;
            boolean secondFailed = false;
            boolean secondChecked = false;
            for (int t = 0; t < POINT_TRIES && res == null; t++) {
                x = inputs.next(r);
                res = gc.run(fn, x);
                if (!fair(gc, res, fn, x, false)) {
                    res = null;
                } else if (res.passed() && secondOrder) {
                    GradCheckResult r2 = secondOrderOrNull(gc, fn, x);
                    if (r2 != null && !fair(gc, r2, fn, x, true)) {
                        res = null;
                    } else if (r2 != null) {
                        secondChecked = true;
                        if (!r2.passed()) {
                            res = r2;
                            secondFailed = true;
                        }
                    }
                }
                tally.redrawn += res == null ? 1 : 0;
            }
            if (res == null) {
                throw new IllegalStateException("given function: finite differences were unreliable at "
                        + POINT_TRIES + " points in a row (seed " + s + "); narrow the inputs");
            }
            if (!res.passed()) {
                boolean so = secondFailed;
                double[] original = x;
                Shrinker.Result small = Shrinker.shrinkPoint(x, p -> inputs.admits(p) && fails(gc, fn, p, so));
                GradCheckResult at = check(gc, fn, small.point(), so);
                throw new GradientAssertionError(new GradientReport("gradient property of the given function",
                        first, s, i, cases, so, null, original, null, small.point(), small.steps(), at, "", null,
                        null, null, null, null, null));
            }
            tally.checked(res, secondChecked);
            s = Seeds.next(s);
        }
        return tally.summary("given function", first);
    }

    /**
     * Checks a tensor function at random tensors from {@code inputs}: every element of every input
     * (or a random direction for big tensors; see {@link GradCheck#runTensors}), with random
     * weights on the output's elements; and Hessian-vector products along random directions
     * ({@link GradCheck#runTensorsSecondOrder}) unless second order is off or an op has no
     * graph-form derivative.
     *
     * @param fn the function
     * @param inputs the inputs
     * @return what was checked: cases, second-order cases, points drawn again
     * @throws GradientAssertionError if a gradient is wrong
     */
    public PropertySummary assertGradientsMatch(Function<Tensor[], Tensor> fn, TensorInputs inputs) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        long first = Seeds.resolve(seed);
        Tally tally = new Tally();
        long s = first;
        for (int i = 0; i < cases; i++) {
            Random r = new Random(s);
            Tensor[] x = null;
            GradCheckResult res = null;
            boolean secondFailed = false;
            boolean secondChecked = false;
            for (int t = 0; t < POINT_TRIES && res == null; t++) {
                x = inputs.next(r);
                res = gradCheck.seed(s).runTensors(fn, x);
                if (!fair(gradCheck, res)) {
                    res = null;
                } else if (res.passed() && secondOrder) {
                    try {
                        // Along random directions only: a Hessian-vector product per tensor is a
                        // strong check, and element by element would cost ten times as much.
                        GradCheckResult r2 = gradCheck.seed(s).elementLimit(0).runTensorsSecondOrder(fn, x);
                        if (!fair(gradCheck, r2)) {
                            res = null;
                        } else {
                            secondChecked = true;
                            if (!r2.passed()) {
                                res = r2;
                                secondFailed = true;
                            }
                        }
                    } catch (UnsupportedOperationException noGraphForm) {
                        // An op without a graph-form derivative (a user's): first order only.
                    }
                }
                tally.redrawn += res == null ? 1 : 0;
            }
            if (res == null) {
                throw new IllegalStateException("given tensor function: finite differences were unreliable at "
                        + POINT_TRIES + " inputs in a row (seed " + s + "); narrow the inputs");
            }
            if (!res.passed()) {
                throw new GradientAssertionError(tensorReport(fn, inputs, x, s, first, i, secondFailed));
            }
            tally.checked(res, secondChecked);
            s = Seeds.next(s);
        }
        return tally.summary("given tensor function", first);
    }

    /**
     * Checks random tensor expressions from {@code graphs} (broadcasting, reductions with and
     * without keepDims, softmax, matmul; see {@link TensorExprGenerator}) at random inputs, first
     * derivatives and Hessian-vector products, as {@link #assertGradientsMatch(Function, TensorInputs)}
     * does for one function. A failure is shrunk like a scalar one: operations dropped while it
     * still fails, then small tensors' values simplified.
     *
     * @param graphs the random graphs to check
     * @return what was checked: cases, second-order cases, points drawn again
     * @throws GradientAssertionError with the shrunk report if a gradient is wrong
     */
    public PropertySummary assertGradientsMatch(TensorExprGenerator graphs) {
        Objects.requireNonNull(graphs, "graphs");
        long first = Seeds.resolve(seed);
        Tally tally = new Tally();
        long s = first;
        for (int i = 0; i < cases; i++) {
            Random r = new Random(s);
            TensorExpr e = null;
            Tensor[] x = null;
            GradCheckResult res = null;
            boolean secondFailed = false;
            boolean secondChecked = false;
            for (int t = 0; t < POINT_TRIES && res == null; t++) {
                e = graphs.next(r);
                x = graphs.inputs(r);
                TensorExpr fe = e;
                Function<Tensor[], Tensor> fn = v -> fe.evaluate(v);
                if (!finiteAndModerate(fn.apply(x))) {
                    tally.redrawn++;
                    continue;
                }
                res = gradCheck.seed(s).runTensors(fn, x);
                if (!fair(gradCheck, res)) {
                    res = null;
                } else if (res.passed() && secondOrder) {
                    SecondOrder second = SecondOrder.judge(res,
                            gradCheck.seed(s).elementLimit(0).runTensorsSecondOrder(fn, x), r2 -> fair(gradCheck, r2));
                    res = second.result();
                    secondChecked = second.checked();
                    secondFailed = second.failed();
                }
                tally.redrawn += res == null ? 1 : 0;
            }
            if (res == null) {
                throw new IllegalStateException("random tensor expressions: finite differences were unreliable at "
                        + POINT_TRIES + " cases in a row (seed " + s + ")");
            }
            if (!res.passed()) {
                throw new GradientAssertionError(tensorGraphReport(e, x, s, first, i, secondFailed));
            }
            tally.checked(res, secondChecked);
            s = Seeds.next(s);
        }
        return tally.summary("random tensor expressions", first);
    }

    /** Whether every value of {@code t} is finite and at most {@link Admissibility#BOUND} in size. */
    private static boolean finiteAndModerate(Tensor t) {
        for (double v : t.toArray()) {
            if (!(Math.abs(v) <= Admissibility.BOUND)) {
                return false;
            }
        }
        return true;
    }

    private GradientReport tensorGraphReport(TensorExpr e, Tensor[] x, long caseSeed, long first, int index,
            boolean so) {
        GradCheck gc = gradCheck.seed(caseSeed);
        TensorGraphCheck.Shrunk small = TensorGraphCheck.shrink(e, x, (c, v) -> {
            try {
                GradCheckResult check = TensorGraphCheck.check(gc, c, v, so);
                return !check.passed() && fair(gc, check);
            } catch (RuntimeException ex) {
                return false;
            }
        });
        GradCheckResult at = TensorGraphCheck.check(gc, small.expr(), small.inputs(), so);
        return new GradientReport("gradient property of random tensor expressions", first, caseSeed, index, cases,
                so, null, TensorGraphCheck.flatten(x), null, TensorGraphCheck.flatten(small.inputs()), small.steps(),
                at, "", null, null, null, tensorText(small.inputs()), tensorText(x), null, small.expr().toString(),
                e.toString());
    }

    /**
     * The report of a failing tensor case, its values simplified one element at a time while the
     * check still fails and every value stays where {@code inputs} draws them (a base of pow
     * stays positive).
     */
    private GradientReport tensorReport(Function<Tensor[], Tensor> fn, TensorInputs inputs, Tensor[] x,
            long caseSeed, long first, int index, boolean so) {
        GradCheck gc = so ? gradCheck.seed(caseSeed).elementLimit(0) : gradCheck.seed(caseSeed);
        double[] flat = flatten(x);
        Shrinker.Result small = Shrinker.shrinkPoint(flat, p -> {
            if (!inputs.admits(p)) {
                return false;
            }
            try {
                Tensor[] t = rebuild(x, p);
                GradCheckResult c = so ? gc.runTensorsSecondOrder(fn, t) : gc.runTensors(fn, t);
                return !c.passed() && fair(gc, c);
            } catch (RuntimeException e) {
                return false;
            }
        });
        Tensor[] t = rebuild(x, small.point());
        GradCheckResult at = so ? gc.runTensorsSecondOrder(fn, t) : gc.runTensors(fn, t);
        return new GradientReport("gradient property of the given tensor function", first, caseSeed, index, cases,
                so, null, flat, null, small.point(), small.steps(), at, "", null, null, null, tensorText(t),
                tensorText(x), null);
    }

    /** {@code x [2, 2] = [0.0, 1.5, ...]}, one tensor a line, at most 16 values each. */
    private static String tensorText(Tensor[] t) {
        StringBuilder where = new StringBuilder();
        for (Tensor v : t) {
            double[] d = v.toArray();
            String values = java.util.Arrays.toString(java.util.Arrays.copyOf(d, Math.min(d.length, 16)));
            if (d.length > 16) {
                values = values.substring(0, values.length() - 1) + ", ... (" + d.length + " values)]";
            }
            where.append(where.length() == 0 ? "" : "\n   ").append(v.label()).append(' ')
                    .append(java.util.Arrays.toString(v.shape())).append(" = ").append(values);
        }
        return where.toString();
    }

    private static double[] flatten(Tensor[] x) {
        int n = 0;
        for (Tensor t : x) {
            n += t.size();
        }
        double[] flat = new double[n];
        int k = 0;
        for (Tensor t : x) {
            double[] d = t.toArray();
            System.arraycopy(d, 0, flat, k, d.length);
            k += d.length;
        }
        return flat;
    }

    /** Tensors like {@code x} (shapes, labels, requiresGrad) holding the values {@code flat}. */
    private static Tensor[] rebuild(Tensor[] x, double[] flat) {
        Tensor[] out = new Tensor[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            double[] d = java.util.Arrays.copyOfRange(flat, k, k + x[i].size());
            k += d.length;
            Tensor t = x[i].rank() == 0 ? Tensor.scalar(d[0]) : Tensor.of(d, x[i].shape());
            out[i] = t.requiresGrad(x[i].requiresGrad()).label(x[i].label());
        }
        return out;
    }

    /** Makes an expression from a Random. */
    private interface ExprSource {
        Expr next(Random r);
    }

    /** Draws an admissible point for an expression, or null. */
    private interface PointSource {
        double[] pointFor(Expr e, Random r);
    }

    private PropertySummary run(String property, int inputs, boolean allowKinks, ExprSource exprs,
            PointSource points, Operator single) {
        long first = Seeds.resolve(seed);
        GradCheck gc = named(inputs);
        Tally tally = new Tally();
        long s = first;
        for (int i = 0; i < cases; i++) {
            Random r = new Random(s);
            Expr e = null;
            double[] x = null;
            GradCheckResult res = null;
            GradCheckResult firstOrder = null;
            boolean secondFailed = false;
            boolean secondChecked = false;
            for (int t = 0; t < POINT_TRIES && res == null; t++) {
                e = exprs.next(r);
                x = points.pointFor(e, r);
                if (x == null) {
                    tally.redrawn++;
                    continue;
                }
                res = gc.run(e.asFunction(), x);
                firstOrder = res;
                // Points keep away from kinks unless asked, so a "kink" seen there is a step that
                // aliases a fast oscillation (sin(1/x) at x = −0.0013), not a kink: drawn again.
                if (!fair(gc, res, e.asFunction(), x, false) || (!allowKinks && !res.kinks().isEmpty())) {
                    res = null;
                } else if (res.passed() && secondOrder && supportsSecondOrder(e)) {
                    // Points where finite differences of the gradient cannot be trusted are
                    // redrawn, so that every case checks both orders.
                    Function<Value[], Value> f = e.asFunction();
                    double[] at = x;
                    SecondOrder second = SecondOrder.judge(res, gc.runSecondOrder(f, at), r2 -> fair(gc, r2, f, at, true));
                    res = second.result();
                    secondChecked = second.checked();
                    secondFailed = second.failed();
                }
                tally.redrawn += res == null ? 1 : 0;
            }
            if (res == null) {
                throw new IllegalStateException(property + ": found no admissible point in " + POINT_TRIES
                        + " tries (seed " + s + "); is the operator's domain empty?");
            }
            if (!res.passed() && allowKinks && Admissibility.problem(e, x, false) != null) {
                // An op inside the graph sits at its kink: reverse mode combines one-sided parts,
                // which need not give a derivative of the whole (see ExprGenerator.allowKinks).
                tally.excused++;
            } else if (!res.passed()) {
                throw new GradientAssertionError(report(property, gc, first, s, i, e, x, secondFailed, allowKinks));
            } else {
                tally.checked(firstOrder, secondChecked);
            }
            if (single != null && single.kinkConvention() != null && i % KINK_EVERY == KINK_EVERY - 1) {
                checkConventionAtKink(single, gc, first, s, i, e, r, tally);
            }
            s = Seeds.next(s);
        }
        return tally.summary(property, first);
    }

    /** One case in this many of an operator's property also checks its declared convention at a kink. */
    static final int KINK_EVERY = 10;

    /**
     * Checks that {@code op}, at a point exactly on its kink, takes the convention it declares
     * (relu′(0) = 0 is the left slope; max at a tie the mean): any value between the one-sided
     * slopes passes GradCheck, so a changed convention shows only here.
     */
    private void checkConventionAtKink(Operator op, GradCheck gc, long first, long caseSeed, int index, Expr e,
            Random r, Tally tally) {
        double[] x = op.pointAtKink(Inputs.of(op.arity()).between(-3, 3).next(r));
        if (x == null || !op.admits(x)) {
            return;
        }
        GradCheckResult at = gc.run(e.asFunction(), x);
        for (GradCheckEntry entry : at.entries()) {
            if (!entry.passed() || (entry.kink() && entry.kinkConvention() != op.kinkConvention())) {
                String why = entry.kink()
                        ? op.name() + " at its kink took the " + entry.kinkConvention() + " slope for " + entry.name()
                                + "; it declares " + op.kinkConvention()
                        : null;
                throw new GradientAssertionError(new GradientReport("gradient property of operator " + op.name()
                        + " at its kink", first, caseSeed, index, cases, false, e, x, e, x, 0, at,
                        FailureGraph.dot(e, x), null, null, null, null, null, why));
            }
        }
        tally.kinks(at);
    }

    private GradientReport report(String property, GradCheck gc, long first, long caseSeed, int index, Expr e,
            double[] x, boolean so, boolean allowKinks) {
        Shrinker.Result small = Shrinker.shrink(e, x, (c, p) -> Admissibility.problem(c, p, allowKinks) == null
                && fails(gc, c, p, so));
        GradCheckResult at = checkUsedInputs(small.expr(), small.point(), so);
        String dot = FailureGraph.dot(small.expr(), small.point());
        Path dotFile = null;
        Path svgFile = null;
        String note = null;
        if (writeFiles) {
            Path dir = FailureGraph.directory(reportDirectory);
            String base = "gradient-failure-" + caseSeed;
            try {
                dotFile = FailureGraph.writeDot(dir, base, dot);
                svgFile = FailureGraph.writeSvg(dir, base, evaluateAt(small.expr(), small.point()));
            } catch (IOException ex) {
                note = "could not write the graph to " + dir + ": " + ex.getMessage();
            }
        }
        return new GradientReport("gradient property of " + property, first, caseSeed, index, cases, so, e, x,
                small.expr(), small.point(), small.steps(), at, dot, dotFile, svgFile, note, null, null, null);
    }

    /** The check over only the inputs the expression uses, so that the report lists no idle rows. */
    private GradCheckResult checkUsedInputs(Expr e, double[] x, boolean so) {
        int[] used = new int[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (e.usesInput(i)) {
                used[n++] = i;
            }
        }
        int[] map = java.util.Arrays.copyOf(used, n);
        String[] names = new String[n];
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            names[k] = Expr.inputName(map[k]);
            p[k] = x[map[k]];
        }
        Function<Value[], Value> f = v -> {
            Value[] all = new Value[x.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = Value.of(0);
            }
            for (int k = 0; k < map.length; k++) {
                all[map[k]] = v[k];
            }
            return e.evaluate(all);
        };
        return check(gradCheck.names(names), f, p, so);
    }

    private static Value evaluateAt(Expr e, double[] x) {
        Value[] in = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = Value.of(x[i], Expr.inputName(i));
        }
        Value out = e.evaluate(in);
        out.backward();
        return out;
    }

    /** Derivatives beyond this size are left alone by PyTorch's rule: finite differences of them say little. */
    static final double GRADIENT_BOUND = 1e5;

    /**
     * Whether the numerical derivatives at this point can be trusted. With
     * {@link GradCheck#extrapolated()}: every smooth comparison's numerical value is finite and its
     * allowed error is at most {@link #RESOLUTION} of it plus {@link #RESOLUTION_FLOOR}. With another checker: every
     * numerical derivative is moderate, and the central difference at step h agrees with the one
     * at 2h to within half the tolerance. Either way a wrong analytic derivative does not affect
     * the verdict, so bugs still show. Without this, sin of a fast-moving argument would "fail"
     * for want of a smaller step.
     */
    private static boolean fair(GradCheck gc, GradCheckResult r, Function<Value[], Value> f, double[] x,
            boolean so) {
        if (gc.isExtrapolated()) {
            return fair(gc, r);
        }
        GradCheckResult coarse = check(gc.eps(2 * gc.eps()), f, x, so);
        for (int i = 0; i < r.entries().size(); i++) {
            GradCheckEntry e = r.entries().get(i);
            GradCheckEntry c = coarse.entries().get(i);
            if (!(Math.abs(e.numerical()) <= GRADIENT_BOUND)) {
                return false;
            }
            if (!e.kink() && !c.kink() && !(Math.abs(e.numerical() - c.numerical()) <= e.allowedError() / 2)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The relative error every checked comparison resolves, with {@link GradCheck#extrapolated()}:
     * a point whose error estimate allows more is drawn again. Ten times finer than the 1e-6 the
     * properties promise to catch; smooth points resolve about 1e-12. A coincidentally consistent
     * estimate where the step aliases a fast oscillation (sin(1919·x) at x = 1074) or straddles a
     * kink among thousands of elements is rarely that small, so such points are redrawn.
     */
    static final double RESOLUTION = 1e-7;
    /**
     * The absolute error every checked comparison resolves: about ten times the rounding floor of
     * a derivative of unit scale (see GradCheck.extrapolated), so that points where the derivative
     * is nearly 0 (a saturated sigmoid) are still checked.
     */
    static final double RESOLUTION_FLOOR = 1e-9;

    /** Fairness judged from the result alone (the error estimates of {@link GradCheck#extrapolated()}). */
    private static boolean fair(GradCheck gc, GradCheckResult r) {
        if (!gc.isExtrapolated()) {
            return true;
        }
        for (GradCheckEntry e : r.entries()) {
            double n = Math.abs(e.numerical());
            if (!(n < Double.POSITIVE_INFINITY)) {
                return false;
            }
            if (!e.kink() && !(e.allowedError() <= RESOLUTION * n + RESOLUTION_FLOOR)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the check fails at a fair point; a check that throws does not count, so shrinking avoids it. */
    private static boolean fails(GradCheck gc, Expr e, double[] x, boolean so) {
        return fails(gc, e.asFunction(), x, so);
    }

    private static boolean fails(GradCheck gc, Function<Value[], Value> f, double[] x, boolean so) {
        try {
            GradCheckResult r = check(gc, f, x, so);
            return !r.passed() && fair(gc, r, f, x, so);
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private static GradCheckResult check(GradCheck gc, Function<Value[], Value> f, double[] x, boolean so) {
        return so ? gc.runSecondOrder(f, x) : gc.run(f, x);
    }

    private static GradCheckResult secondOrderOrNull(GradCheck gc, Function<Value[], Value> f, double[] x) {
        try {
            return gc.runSecondOrder(f, x);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean supportsSecondOrder(Expr e) {
        for (Expr n : e.nodes()) {
            if (n.operator() != null && !n.operator().hasSecondOrder()) {
                return false;
            }
        }
        return true;
    }

    private GradCheck named(int inputs) {
        String[] names = new String[inputs];
        for (int i = 0; i < inputs; i++) {
            names[i] = Expr.inputName(i);
        }
        return gradCheck.names(names);
    }

    /** The counts a run keeps as it goes. */
    private static final class Tally {
        int checked;
        int second;
        int redrawn;
        int excused;
        final Map<KinkConvention, Integer> kinks = new EnumMap<>(KinkConvention.class);

        /** A case checked and passed; its kinks counted by the convention seen. */
        void checked(GradCheckResult firstOrder, boolean secondOrder) {
            checked++;
            second += secondOrder ? 1 : 0;
            kinks(firstOrder);
        }

        void kinks(GradCheckResult r) {
            for (GradCheckEntry e : r.kinks()) {
                kinks.merge(e.kinkConvention() == null ? KinkConvention.BETWEEN : e.kinkConvention(), 1,
                        Integer::sum);
            }
        }

        PropertySummary summary(String property, long seed) {
            return new PropertySummary(property, seed, checked, second, redrawn, excused, kinks);
        }
    }
}
