package dev.chainrule.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tensor losses agree with the scalar ones, value and gradient. */
class TensorLossesTest {

    private static List<Value> values(double... xs) {
        return Arrays.stream(xs).mapToObj(Value::of).toList();
    }

    private static double[] grads(List<Value> vs) {
        return vs.stream().mapToDouble(Value::grad).toArray();
    }

    @Test
    void regressionLossesMatchTheScalarForms() {
        double[] p = {0.3, -1.2, 2.0, 0.75};
        double[] t = {0.0, -1.0, 2.5, 1.0};
        Tensor pt = Tensor.of(p);
        Tensor mse = Losses.mse(pt, Tensor.of(t).requiresGrad(false));
        mse.backward();
        List<Value> pv = values(p);
        Value ms = Losses.mse(pv, t);
        ms.backward();
        assertEquals(ms.data(), mse.item(), 1e-15);
        assertArrayEquals(grads(pv), pt.gradArray(), 1e-15);
        Tensor half = Losses.halfSse(Tensor.of(p), Tensor.of(t));
        assertEquals(Losses.halfSse(values(p), t).data(), half.item(), 1e-15);
    }

    @Test
    void classificationLossesMatchTheScalarForms() {
        double[] z = {-1.2, 0.3, 2.5, 0.0};
        double[] t = {0, 1, 0.25, 1};
        Tensor zt = Tensor.of(z);
        Tensor fromLogits = Losses.bceWithLogits(zt, Tensor.of(t).requiresGrad(false));
        fromLogits.backward();
        List<Value> zv = values(z);
        Value scalar = Losses.bceWithLogits(zv, t);
        scalar.backward();
        assertEquals(scalar.data(), fromLogits.item(), 1e-15);
        assertArrayEquals(grads(zv), zt.gradArray(), 1e-15);
        assertEquals(scalar.data(), Losses.bce(Tensor.of(z).sigmoid(), Tensor.of(t)).item(), 1e-14);
        double[] hard = {0, 1, 1, 0};
        assertEquals(Losses.bce(values(z).stream().map(Value::sigmoid).toList(), hard).data(),
                Losses.bce(Tensor.of(z).sigmoid(), Tensor.of(hard)).item(), 1e-15);
        assertEquals(0.0, Losses.bce(Tensor.of(new double[] {1.0, 0.0}), Tensor.of(new double[] {1, 0})).item(), 0.0,
                "certain and right is 0, not NaN");

        double[][] logits = {{1, 2, 3}, {0, 0, 0}, {1000, 0, -1000}};
        int[] labels = {0, 2, 0};
        Tensor lt = Tensor.of(logits);
        Tensor ce = Losses.softmaxCrossEntropy(lt, labels);
        ce.backward();
        List<List<Value>> lv = Arrays.stream(logits).map(TensorLossesTest::values).toList();
        Value ces = Losses.softmaxCrossEntropy(lv, labels);
        ces.backward();
        assertEquals(ces.data(), ce.item(), 1e-14);
        assertArrayEquals(lv.stream().flatMap(List::stream).mapToDouble(Value::grad).toArray(), lt.gradArray(), 1e-14);

        double[] s = {2.0, 0.5, -0.25};
        double[] y = {1, -1, 1};
        assertEquals(Losses.hinge(values(s), y).data(), Losses.hinge(Tensor.of(s), Tensor.of(y)).item(), 0.0);
        Tensor a = Tensor.of(new double[] {1, -2});
        Tensor b = Tensor.of(new double[] {3});
        assertEquals(0.5 * 14, Losses.tensorL2(List.of(a, b), 0.5).item(), 0.0);
    }

    @Test
    void badShapesAndLabelsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertEquals("mse: predictions [2, 3] and targets [3, 2] differ in shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(Tensor.zeros(2, 3), new int[] {0, 3}));
        assertEquals("softmaxCrossEntropy: label 1 is 3, outside 0..2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.bce(Tensor.of(new double[] {0.5}), Tensor.of(new double[] {2})));
        assertEquals("bce: target 0 is 2.0; targets must be in [0, 1]", e.getMessage());
    }
}
