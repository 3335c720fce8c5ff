package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.gradcheck.GradCheck;
import dev.chainrule.engine.gradcheck.GradCheckEntry;
import dev.chainrule.engine.gradcheck.GradCheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A tensor check compares against finite differences of L = Σ wⱼ·yⱼ over every output element, and
 * rounding in that sum is in units of Σ|wⱼ·yⱼ|, about √n times |L|. The error model once used |L|
 * alone, so a right logSoftmax over 16 × 16 × 17 (4,352 elements) failed now and then (relative error
 * 3e-9 against 1.6e-9 allowed) where 2 × 3 tensors kept a hundredfold margin.
 */
class LargeTensorToleranceTest {
    @Test
    void aRightLogSoftmaxOver4352ElementsPassesAtEveryDraw() {
        TensorInputs large = TensorInputs.shapes(new int[] {16, 16, 17});
        List<String> failures = new ArrayList<>();
        double worst = 0;
        for (int k = 0; k < 200; k++) {
            Tensor[] x = large.next(new Random(k));
            GradCheckResult r = GradCheck.extrapolated().seed(k).runTensors(t -> t[0].logSoftmax(0), x);
            for (GradCheckEntry e : r.entries()) {
                worst = Math.max(worst, e.absoluteError() / e.allowedError());
                if (!e.passed()) {
                    failures.add("draw " + k + ": " + e);
                }
            }
        }
        assertEquals(List.of(), failures);
        // The same margin as small tensors have (their worst is about 0.01 of what is allowed; here it was 1.7).
        assertTrue(worst < 0.5, "worst |a − n| / allowed " + worst);
    }

    @Test
    void aWrongDerivativeOfOnePartInAMillionIsStillCaughtOnLargeTensors() {
        // exp with its derivative 1e-5 too large on every element: the directional check must see it.
        dev.chainrule.engine.UnaryOp slightlyWrongExp = new dev.chainrule.engine.UnaryOp("exp_1e-5", null) {
            public double apply(double x) { return Math.exp(x); }
            public double derivative(double x, double y) { return y * (1 + 1e-5); }
            public dev.chainrule.engine.Value derivative(dev.chainrule.engine.Value x, dev.chainrule.engine.Value y) {
                return y.mul(1 + 1e-5);
            }
        };
        TensorInputs large = TensorInputs.shapes(new int[] {16, 16, 17}).between(-2, 2);
        int caught = 0;
        for (int k = 0; k < 20; k++) {
            Tensor[] x = large.next(new Random(k));
            if (!GradCheck.extrapolated().seed(k).runTensors(t -> t[0].apply(slightlyWrongExp), x).passed()) {
                caught++;
            }
        }
        assertEquals(20, caught, "draws that caught a 1e-5 error in exp′ on 4,352 elements");
    }
}
