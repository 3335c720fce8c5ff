package dev.chainrule.testkit;

import dev.chainrule.engine.gradcheck.GradCheck;
import dev.chainrule.engine.gradcheck.GradCheckResult;
import dev.chainrule.engine.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Shrinking for random tensor expressions, as {@link Shrinker} does for scalar ones: replace an
 * operation by one of its arguments of the same form, or by the input of that form (x, y or z),
 * smallest candidate first, while the check still fails; then simplify the values of small
 * tensors one at a time, keeping them where the inputs are drawn.
 */
final class TensorGraphCheck {
    private static final int MAX_ATTEMPTS = 2000;
    /** Values are simplified only for tensors this small (in all): each one costs a check. */
    private static final int MAX_VALUES_TO_SHRINK = 64;

    /** The result of shrinking: the expression, the tensors and the accepted steps. */
    record Shrunk(TensorExpr expr, Tensor[] inputs, int steps) {
    }

    private TensorGraphCheck() {
    }

    static Shrunk shrink(TensorExpr e, Tensor[] x, BiPredicate<TensorExpr, Tensor[]> fails) {
        int steps = 0;
        int attempts = 0;
        boolean progress = true;
        while (progress && attempts < MAX_ATTEMPTS) {
            progress = false;
            for (TensorExpr c : candidates(e)) {
                if (++attempts > MAX_ATTEMPTS) {
                    break;
                }
                if (fails.test(c, x)) {
                    e = c;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        double[] flat = flatten(x);
        Tensor[] values = x;
        if (flat.length <= MAX_VALUES_TO_SHRINK) {
            TensorExpr fe = e;
            Shrinker.Result small = Shrinker.shrinkPoint(flat,
                    p -> TensorExprGenerator.admits(p) && fails.test(fe, rebuild(x, p)));
            values = rebuild(x, small.point());
            steps += small.steps();
        }
        return new Shrunk(e, values, steps);
    }

    /** Every one-step reduction of {@code e}, smallest first. */
    static List<TensorExpr> candidates(TensorExpr e) {
        List<TensorExpr> out = new ArrayList<>();
        for (TensorExpr n : e.nodes()) {
            if (n.isInput()) {
                continue;
            }
            for (TensorExpr a : n.arguments()) {
                if (a.sameShapeAs(n)) {
                    out.add(e.replace(n, a));
                }
            }
            int input = n.form() == TensorExpr.Form.ROW ? 1 : n.form() == TensorExpr.Form.COLUMN ? 2
                    : n.form() == TensorExpr.Form.FULL ? 0 : -1;
            if (input >= 0) {
                TensorExpr in = null;
                for (TensorExpr m : e.nodes()) {
                    if (m.isInput() && m.inputIndex() == input) {
                        in = m;
                    }
                }
                out.add(e.replace(n, in != null ? in : TensorExpr.input(input)));
            }
        }
        int size = e.size();
        List<TensorExpr> smaller = new ArrayList<>();
        for (TensorExpr c : out) {
            if (c.size() < size) {
                smaller.add(c);
            }
        }
        smaller.sort(Comparator.comparingInt(TensorExpr::size).thenComparing(TensorExpr::toString));
        return smaller;
    }

    /** Whether {@code gc} fails on {@code e} at {@code x}, first order or second. */
    static GradCheckResult check(GradCheck gc, TensorExpr e, Tensor[] x, boolean secondOrder) {
        return secondOrder ? gc.elementLimit(0).runTensorsSecondOrder(t -> e.evaluate(t), x)
                : gc.runTensors(t -> e.evaluate(t), x);
    }

    static double[] flatten(Tensor[] x) {
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

    /** Tensors like {@code x} (shapes, labels) holding the values {@code flat}. */
    static Tensor[] rebuild(Tensor[] x, double[] flat) {
        Tensor[] out = new Tensor[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            double[] d = java.util.Arrays.copyOfRange(flat, k, k + x[i].size());
            k += d.length;
            out[i] = Tensor.of(d, x[i].shape()).requiresGrad(x[i].requiresGrad()).label(x[i].label());
        }
        return out;
    }
}
