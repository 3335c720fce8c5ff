package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tensor.set and the guards on tensor construction, data updates, transpose and backward seeds. */
class TensorGuardsTest {

    @Test
    void setChangesOneElementOfALeafInRowMajorPlace() {
        Tensor w = Tensor.zeros(2, 3);
        w.set(7.5, 1, 2);
        w.set(-1, 0, 1);
        assertArrayEquals(new double[] {0, -1, 0, 0, 0, 7.5}, w.toArray(), 0.0);
        assertEquals(7.5, w.get(1, 2), 0.0);
        Tensor y = w.mul(2).sum();
        y.backward();
        assertEquals(13.0, y.item(), 0.0);
    }

    @Test
    void setRefusesNaNAndIndicesThatDoNotFit() {
        Tensor w = Tensor.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.set(Double.NaN, 0, 0));
        assertEquals("set: value is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.set(1, 2, 0));
        assertEquals("set: index [2, 0] is out of bounds for shape [2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.set(1, 0, -1));
        assertEquals("set: index [0, -1] is out of bounds for shape [2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.set(1, 0));
        assertEquals("set: 1 indices for shape [2, 3]", e.getMessage());
        assertArrayEquals(new double[6], w.toArray(), 0.0, "a refused set changes nothing");
    }

    @Test
    void arangeCountsItsStepsAndRefusesAZeroOrNonFiniteStep() {
        assertArrayEquals(new double[] {0.5, 1.25, 2.0, 2.75}, Tensor.arange(0.5, 3, 0.75).toArray(), 0.0);
        assertArrayEquals(new double[] {3, 1}, Tensor.arange(3, 0, -2).toArray(), 0.0);
        assertEquals(0, Tensor.arange(3, 0, 1).size());
        for (double step : new double[] {0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0, 1, step));
            assertEquals("arange: step must be finite and non-zero, got " + step, e.getMessage());
        }
    }

    @Test
    void setDataRefusesAWrongLengthOrANaNAndKeepsTheOldData() {
        Tensor w = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.setData(new double[] {1, 2, 3}));
        assertEquals("setData: 3 values for shape [2, 2] (4 elements)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.setData(new double[] {9, 9, Double.NaN, 9}));
        assertEquals("setData: value 2 is NaN", e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3, 4}, w.toArray(), 0.0);
        double[] fresh = {5, 6, 7, 8};
        w.setData(fresh);
        fresh[0] = 100;
        assertArrayEquals(new double[] {5, 6, 7, 8}, w.toArray(), 0.0, "setData copies");
    }

    @Test
    void transposeNeedsTwoAxes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new double[] {1, 2, 3}).transpose());
        assertEquals("transpose: shape [3] has fewer than 2 axes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1).transpose());
    }

    @Test
    void backwardSeedMustHaveTheOutputShape() {
        Tensor x = Tensor.of(new double[] {1, 2, 3});
        Tensor y = x.mul(x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> y.backward(Tensor.ones(1, 3)));
        assertEquals("backward: seed shape [1, 3] differs from output shape [3]", e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, y::backward);
        assertEquals("backward: output has shape [3]; reduce it to one element first (sum() or mean())"
                + " or call backward(seed)", s.getMessage());
        y.backward(Tensor.of(new double[] {1, 10, 100}));
        assertArrayEquals(new double[] {2, 40, 600}, x.grad().toArray(), 0.0, "seed × 2x");
    }
}
