package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.ReferenceMath.Real;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every built-in op, its first and its second derivative, against a 50-digit reference
 * ({@link ReferenceMath}) at hard points (±0, subnormals, tiny, huge, near kinks and overflow
 * edges) and at seeded random doubles across the whole exponent range.
 *
 * <p>The goal, checked here: where the true result is a finite double, the engine is within
 * 1e-12 relative of it (exactly 0 where it is 0; a subnormal result is measured against the
 * smallest normal double, so one unit in its last place counts as 2.2e-16). Where the truth is
 * ±∞ (or beyond the double range) the engine returns that infinity; where it is undefined, NaN
 * (or the convention {@link ReferenceMath} documents, such as PyTorch's ∂(x^y)/∂y = 0 at x = 0).
 *
 * <p>First derivatives are checked in both forms: the number form ({@link Value#backward()}) and
 * the graph form ({@link Grad#of}); second derivatives are the graph form differentiated again
 * (what {@code --hessian} prints). Tensor ops run the same points: their values and first
 * derivatives must be the scalar ones bit for bit, their second derivatives meet the same goal.
 * The test prints each op's worst error and where it occurs.
 */
class OpAccuracyTest {
    private static final double GOAL = 1e-12;
    private static final long SEED = 15L;
    private static final int RANDOM_POINTS = 150;
    private static final BigDecimal MIN_NORMAL = new BigDecimal(Double.MIN_NORMAL);

    /** The fixed corpus, each with its negation; op-specific points are added per op. */
    private static final double[] HARD = {
        0.0, Double.MIN_VALUE, 2 * Double.MIN_VALUE, 1e-320, Double.MIN_NORMAL / 3, Double.MIN_NORMAL,
        1e-300, 1e-200, 1e-100, 1e-20, 1e-15, 1e-8, 1e-5, 1e-3, 0.1, 0.5, Math.sqrt(0.5), 0.75,
        1, 1.5, 2, Math.E, 3, 5, 6, 8, 10, 18, 19, 20, 30, 36, 37, 40, 100,
        700, Math.log(Double.MAX_VALUE), 710, 745, 745.2, 746, 1000, 1e4, 1e8, 1e15, 1e20,
        1e50, 1e100, 5.64e102, 5.65e102, 1e154, Math.sqrt(Double.MAX_VALUE), 1.35e154, 1e200, 1e300,
        Double.MAX_VALUE,
    };

    /** Bases and exponents for the two-input ops. */
    private static final double[] PAIR_POINTS = {
        0.0, Double.MIN_VALUE, 1e-300, 1e-200, 1e-15, 0.3, 0.5, 1, 1.5, 2, 3, 10, 20, 1e15, 1e154, 1e200, 1e300,
    };
    private static final double[] EXPONENTS = {
        0, 1e-20, 0.3, 0.5, 1, 1.5, 2, 3, 10, -0.5, -1, -2, -3, 1024, 1750, 1751, -1074,
    };

    // ---------------------------------------------------------------- unary ops

    private record UnaryCase(String name, double param, UnaryOperator<Value> value,
                             UnaryOperator<Tensor> tensor, double... extra) {
    }

    private static List<UnaryCase> unaryCases() {
        List<UnaryCase> c = new ArrayList<>();
        c.add(new UnaryCase("neg", 0, Value::neg, Tensor::neg));
        c.add(new UnaryCase("identity", 0, Value::identity, t -> t.apply(Ops.IDENTITY)));
        c.add(new UnaryCase("exp", 0, Value::exp, Tensor::exp, -708.4, -709.0, 709.78, -744.4));
        c.add(new UnaryCase("log", 0, Value::log, Tensor::log, 1 - 1e-15, 1 + 2.2e-16));
        c.add(new UnaryCase("sqrt", 0, Value::sqrt, Tensor::sqrt));
        c.add(new UnaryCase("abs", 0, Value::abs, Tensor::abs));
        c.add(new UnaryCase("sin", 0, Value::sin, Tensor::sin, Math.PI, Math.PI / 2, 1e22));
        c.add(new UnaryCase("cos", 0, Value::cos, Tensor::cos, Math.PI, Math.PI / 2, 1e22));
        c.add(new UnaryCase("tanh", 0, Value::tanh, Tensor::tanh, 0.55, 0.4, 0.25, 17, 22));
        c.add(new UnaryCase("sigmoid", 0, Value::sigmoid, Tensor::sigmoid, 0.25, 1e-3, 38, 709, 710));
        c.add(new UnaryCase("relu", 0, Value::relu, Tensor::relu));
        c.add(new UnaryCase("leaky_relu", 0.01, v -> v.leakyRelu(0.01), t -> t.leakyRelu(0.01)));
        c.add(new UnaryCase("softplus", 0, Value::softplus, Tensor::softplus, 33, 34, 35));
        c.add(new UnaryCase("elu", 1.0, Value::elu, Tensor::elu, -1e-10, -0.1, -25));
        c.add(new UnaryCase("elu", 0.5, v -> v.elu(0.5), t -> t.elu(0.5)));
        c.add(new UnaryCase("gelu", 0, Value::gelu, Tensor::gelu, -4, -4.5, 0.7, 1.3, 2.2, 9, -9, 4e51, 2.2e51));
        c.add(new UnaryCase("silu", 0, Value::silu, Tensor::silu, 2.4, 1.2, -1.2));
        c.add(new UnaryCase("gaussian", 0, Value::gaussian, Tensor::gaussian,
                Math.nextUp(Math.sqrt(0.5)), Math.nextDown(Math.sqrt(0.5)), 1.2247448713915889, 26.6, 27.3));
        c.add(new UnaryCase("softsign", 0, v -> v.apply(Ops.SOFTSIGN), t -> t.apply(Ops.SOFTSIGN)));
        c.add(new UnaryCase("step", 0, Value::step, Tensor::step));
        c.add(new UnaryCase("sign", 0, Value::sign, Tensor::sign));
        c.add(new UnaryCase("bipolar_step", 0, v -> v.apply(Ops.BIPOLAR_STEP),
                t -> t.apply(Ops.BIPOLAR_STEP)));
        for (double p : new double[] {2, 3, 0.5, -1, -2, 0, 1, 1.5, -0.5, 10, 1.0 / 3, 2.5}) {
            c.add(new UnaryCase("pow", p, v -> v.pow(p), t -> t.pow(p)));
        }
        return c;
    }

    /** Worst errors of one op. */
    private static final class Worst {
        final String op;
        final double[] err = new double[3];
        final double[] at = new double[3];
        final String[] where = new String[3];
        int points;
        int specials;
        long nanos = System.nanoTime();

        Worst(String op) {
            this.op = op;
            java.util.Arrays.fill(where, "-");
        }

        void add(int kind, double e, String point) {
            if (e > err[kind] || where[kind].equals("-")) {
                if (e >= err[kind]) {
                    err[kind] = e;
                    where[kind] = point;
                }
            }
        }
    }

    private final List<String> failures = new ArrayList<>();
    private final List<Worst> table = new ArrayList<>();

    @Test
    void everyOpAndItsFirstAndSecondDerivativeMeetTheGoal() {
        for (UnaryCase u : unaryCases()) {
            checkUnary(u);
        }
        checkBinary("add", Value::add, Tensor::add, (a, b) -> simple(a.add(b), 1, 1, 0, 0, 0));
        checkBinary("sub", Value::sub, Tensor::sub, (a, b) -> simple(a.subtract(b), 1, -1, 0, 0, 0));
        checkBinary("mul", Value::mul, Tensor::mul, (a, b) -> new Real[] {Real.of(a.multiply(b)),
            Real.of(b), Real.of(a), Real.of(0.0), Real.of(1.0), Real.of(0.0)});
        checkBinary("div", Value::div, Tensor::div, (a, b) -> b.signum() == 0 ? null
                : ReferenceMath.div(a.doubleValue(), b.doubleValue()));
        checkBinary("max", Value::max, Tensor::max, (a, b) -> {
            int c = a.compareTo(b);
            return simple(a.max(b), c > 0 ? 1 : c < 0 ? 0 : 0.5, c < 0 ? 1 : c > 0 ? 0 : 0.5, 0, 0, 0);
        });
        checkBinary("min", Value::min, Tensor::min, (a, b) -> {
            int c = a.compareTo(b);
            return simple(a.min(b), c < 0 ? 1 : c > 0 ? 0 : 0.5, c > 0 ? 1 : c < 0 ? 0 : 0.5, 0, 0, 0);
        });
        checkBinary("pow", Value::pow, Tensor::pow, (a, b) -> ReferenceMath.pow2(a.doubleValue(), b.doubleValue()));

        System.out.println(report());
        failures.forEach(f -> System.out.println("OFF " + f));
        for (Worst w : table) {
            // Every op saw its hard points and its random ones (a corpus that shrank would pass quietly).
            assertTrue(w.points >= RANDOM_POINTS + HARD.length, w.op + " checked only " + w.points + " points");
        }
        assertTrue(table.stream().mapToInt(w -> w.specials).sum() > 500,
                "the documented non-finite results were hardly checked");
        assertTrue(failures.isEmpty(), failures.size() + " results off the goal of " + GOAL + ":\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    private static Real[] simple(BigDecimal v, double... rest) {
        Real[] r = new Real[1 + rest.length];
        r[0] = Real.of(v);
        for (int i = 0; i < rest.length; i++) {
            r[i + 1] = Real.of(rest[i]);
        }
        return r;
    }

    private static double[] corpus(double... extra) {
        List<Double> points = new ArrayList<>();
        for (double x : HARD) {
            points.add(x);
            points.add(-x);
        }
        for (double x : extra) {
            points.add(x);
            points.add(-x);
        }
        Random r = new Random(SEED);
        while (points.size() < HARD.length * 2 + extra.length * 2 + RANDOM_POINTS) {
            double x = Double.longBitsToDouble(r.nextLong());
            if (Double.isFinite(x)) {
                points.add(x);
            }
        }
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void checkUnary(UnaryCase u) {
        String name = u.name + (u.param != 0 || u.name.equals("pow") ? "(" + u.param + ")" : "");
        Worst w = new Worst(name);
        table.add(w);
        double[] xs = corpus(u.extra);
        Real[][] truth = new Real[xs.length][];
        double[] d1 = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double xd = xs[i];
            truth[i] = ReferenceMath.unary(u.name, u.param, xd);
            Value x = Value.of(xd);
            Value y = u.value.apply(x);
            y.backward();
            Value g = Grad.of(y, x)[0];
            double d2 = Grad.of(g, x)[0].data();
            String at = "x=" + xd;
            measure(w, name, 0, y.data(), truth[i][0], at);
            measure(w, name, 1, x.grad(), truth[i][1], at);
            measure(w, name, 1, g.data(), truth[i][1], at + " (graph form)");
            measure(w, name, 2, d2, truth[i][2], at);
            d1[i] = x.grad();
            w.points++;
        }
        // The tensor op on the same points: value and first derivative are the scalar rules'.
        Tensor t = Tensor.of(xs);
        Tensor y = u.tensor.apply(t);
        y.sum().backward();
        Tensor d2 = Grad.of(Grad.of(y.sum(), t)[0].sum(), t)[0];
        for (int i = 0; i < xs.length; i++) {
            String at = "x=" + xs[i] + " (tensor)";
            double scalar = u.value.apply(Value.of(xs[i])).data();
            if (Double.compare(y.dataArray()[i], scalar) != 0 || Double.compare(t.gradArray()[i], d1[i]) != 0) {
                failures.add(name + " tensor " + at + ": value " + y.dataArray()[i] + " / grad "
                        + t.gradArray()[i] + " differ from the scalar op's " + scalar + " / " + d1[i]);
            }
            measure(w, name, 2, d2.dataArray()[i], truth[i][2], at);
        }
    }

    // ---------------------------------------------------------------- binary ops

    private void checkBinary(String name, BinaryOperator<Value> f, BinaryOperator<Tensor> tf,
                             java.util.function.BiFunction<BigDecimal, BigDecimal, Real[]> oracle) {
        Worst w = new Worst(name);
        table.add(w);
        List<double[]> pairs = new ArrayList<>();
        double[] bs = name.equals("pow") ? EXPONENTS : PAIR_POINTS;
        for (double a : PAIR_POINTS) {
            for (double b : bs) {
                pairs.add(new double[] {a, b});
                if (a != 0 || !name.equals("pow")) {
                    // (−0)^b is IEEE's pow, not a limit the oracle models.
                    pairs.add(new double[] {-a, b});
                }
                if (!name.equals("pow")) {
                    pairs.add(new double[] {a, -b});
                }
            }
        }
        Random r = new Random(SEED + name.hashCode());
        for (int i = 0; i < RANDOM_POINTS; i++) {
            if (name.equals("pow")) {
                // A positive base and an exponent that keeps the result within a few decades of the range.
                double a = Math.exp(r.nextGaussian() * 50);
                double b = (r.nextDouble() * 1400 - 700) / Math.log(a);
                pairs.add(new double[] {a, b});
            } else {
                double a = Double.longBitsToDouble(r.nextLong());
                double b = Double.longBitsToDouble(r.nextLong());
                if (Double.isFinite(a) && Double.isFinite(b)) {
                    pairs.add(new double[] {a, b});
                }
            }
        }
        int n = pairs.size();
        double[] av = new double[n];
        double[] bv = new double[n];
        Real[][] truth = new Real[n][];
        double[][] grads = new double[n][];
        for (int i = 0; i < n; i++) {
            double ad = pairs.get(i)[0];
            double bd = pairs.get(i)[1];
            av[i] = ad;
            bv[i] = bd;
            truth[i] = oracle.apply(new BigDecimal(ad), new BigDecimal(bd));
            if (truth[i] == null) {
                continue;
            }
            Value a = Value.of(ad);
            Value b = Value.of(bd);
            Value y = f.apply(a, b);
            y.backward();
            Value[] g = Grad.of(y, a, b);
            Value[] ha = Grad.of(g[0], a, b);
            Value[] hb = Grad.of(g[1], a, b);
            String at = "a=" + ad + ", b=" + bd;
            measure(w, name, 0, y.data(), truth[i][0], at);
            measure(w, name, 1, a.grad(), truth[i][1], at + " ∂a");
            measure(w, name, 1, b.grad(), truth[i][2], at + " ∂b");
            measure(w, name, 1, g[0].data(), truth[i][1], at + " ∂a (graph form)");
            measure(w, name, 1, g[1].data(), truth[i][2], at + " ∂b (graph form)");
            measure(w, name, 2, ha[0].data(), truth[i][3], at + " ∂²a");
            measure(w, name, 2, ha[1].data(), truth[i][4], at + " ∂a∂b");
            measure(w, name, 2, hb[0].data(), truth[i][truth[i].length > 6 ? 6 : 4], at + " ∂b∂a");
            measure(w, name, 2, hb[1].data(), truth[i][5], at + " ∂²b");
            grads[i] = new double[] {a.grad(), b.grad()};
            w.points++;
        }
        // The tensor op, elementwise over the same pairs.
        Tensor ta = Tensor.of(av);
        Tensor tb = Tensor.of(bv);
        Tensor y = tf.apply(ta, tb);
        y.sum().backward();
        Tensor[] g = Grad.of(y.sum(), ta, tb);
        Tensor[] ha = Grad.of(g[0].sum(), ta, tb);
        Tensor[] hb = Grad.of(g[1].sum(), ta, tb);
        for (int i = 0; i < n; i++) {
            if (truth[i] == null) {
                continue;
            }
            String at = "a=" + av[i] + ", b=" + bv[i] + " (tensor)";
            if (Double.compare(ta.gradArray()[i], grads[i][0]) != 0 || Double.compare(tb.gradArray()[i], grads[i][1]) != 0) {
                failures.add(name + " " + at + ": grads " + ta.gradArray()[i] + ", " + tb.gradArray()[i]
                        + " differ from the scalar op's " + grads[i][0] + ", " + grads[i][1]);
            }
            measure(w, name, 0, y.dataArray()[i], truth[i][0], at);
            measure(w, name, 1, g[0].dataArray()[i], truth[i][1], at + " ∂a (graph form)");
            measure(w, name, 1, g[1].dataArray()[i], truth[i][2], at + " ∂b (graph form)");
            measure(w, name, 2, ha[0].dataArray()[i], truth[i][3], at + " ∂²a");
            measure(w, name, 2, ha[1].dataArray()[i], truth[i][4], at + " ∂a∂b");
            measure(w, name, 2, hb[0].dataArray()[i], truth[i][truth[i].length > 6 ? 6 : 4], at + " ∂b∂a");
            measure(w, name, 2, hb[1].dataArray()[i], truth[i][5], at + " ∂²b");
        }
    }

    // ---------------------------------------------------------------- measuring

    private static final String[] KIND = {"value", "d1", "d2"};

    private void measure(Worst w, String op, int kind, double got, Real truth, String at) {
        double e = error(got, truth);
        if (Double.isNaN(e)) {
            // Not a finite double: the documented ±∞ or NaN must come back exactly.
            w.specials++;
            double want = truth.toDouble();
            if (Double.compare(got, want) != 0 && !(got == 0 && want == 0)) {
                failures.add(op + " " + KIND[kind] + " at " + at + ": got " + got + ", documented " + want);
            }
            return;
        }
        w.add(kind, e, at);
        if (e > GOAL) {
            failures.add(String.format(Locale.ROOT, "%s %s at %s: got %s, true %s (rel. error %.2g)",
                    op, KIND[kind], at, got, truth, e));
        }
    }

    /**
     * The relative error of {@code got}, with subnormal truths measured against the smallest
     * normal double; +∞ for a wrong zero, a non-finite result or NaN; NaN when the truth is not
     * a finite double (the caller then compares exactly).
     */
    static double error(double got, Real truth) {
        if (!truth.isReal() || Double.isInfinite(truth.toDouble())) {
            return Double.NaN;
        }
        if (truth.value.signum() == 0) {
            return got == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        if (!Double.isFinite(got)) {
            return Double.POSITIVE_INFINITY;
        }
        BigDecimal diff = new BigDecimal(got).subtract(truth.value).abs();
        return diff.divide(truth.value.abs().max(MIN_NORMAL), new MathContext(5)).doubleValue();
    }

    private String report() {
        StringBuilder s = new StringBuilder("worst relative error per op (goal ").append(GOAL).append(")\n");
        s.append(String.format(Locale.ROOT, "%-16s %6s %6s %10s %-30s %10s %-40s %10s %-40s%n",
                "op", "points", "±∞/NaN", "value", "at", "d1", "at", "d2", "at"));
        for (int i = 0; i < table.size(); i++) {
            Worst w = table.get(i);
            long end = i + 1 < table.size() ? table.get(i + 1).nanos : System.nanoTime();
            s.append(String.format(Locale.ROOT, "%-16s %6d %6d %10.2g %-30s %10.2g %-40s %10.2g %-40s %5d ms%n", w.op,
                    w.points, w.specials, w.err[0], w.where[0], w.err[1], w.where[1], w.err[2], w.where[2],
                    (end - w.nanos) / 1_000_000));
        }
        return s.toString();
    }
}
