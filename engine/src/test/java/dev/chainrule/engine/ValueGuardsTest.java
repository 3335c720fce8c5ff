package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value's refusals: a NaN weight, an empty sum, a dot product of unequal lengths. */
class ValueGuardsTest {

    @Test
    void setDataRefusesNaNNamingTheNodeAndKeepsTheOldValue() {
        Value w = Value.of(0.25, "w1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.setData(Double.NaN));
        assertEquals("setData: NaN for 'w1'", e.getMessage());
        assertEquals(0.25, w.data(), 0.0);
        Value unnamed = Value.of(1);
        e = assertThrows(IllegalArgumentException.class, () -> unnamed.setData(Double.NaN));
        assertEquals("setData: NaN for value", e.getMessage());
        w.setData(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, w.data(), 0.0, "infinity is a value, not a missing one");
    }

    @Test
    void sumOfNoValuesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Value.sum(List.of()));
        assertEquals("sum: no values to add", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Value.sum());
        assertEquals("sum: no values to add", e.getMessage());
        List<Value> withNull = new ArrayList<>(Arrays.asList(Value.of(1), null));
        NullPointerException n = assertThrows(NullPointerException.class, () -> Value.sum(withNull));
        assertEquals("sum: value 1 is null", n.getMessage());
    }

    @Test
    void dotNeedsTwoListsOfOneLength() {
        List<Value> two = List.of(Value.of(1), Value.of(2));
        List<Value> three = List.of(Value.of(1), Value.of(2), Value.of(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Value.dot(two, three));
        assertEquals("dot: lengths 2 and 3 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Value.dot(List.of(), List.of()));
        assertEquals("dot: no values to multiply", e.getMessage());
        assertEquals(1 + 4.0, Value.dot(two, two).data(), 0.0);
    }

    @Test
    void affineNeedsTwoListsOfOneLengthAndAFirstTerm() {
        List<Value> two = List.of(Value.of(1), Value.of(2));
        List<Value> three = List.of(Value.of(1), Value.of(2), Value.of(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Value.affine(Value.of(0), two, three));
        assertEquals("affine: lengths 2 and 3 differ", e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> Value.affine(null, two, two));
        assertEquals("affine: first term is null", n.getMessage());
        // No pairs: the first term alone, as a Σ of one input.
        Value b = Value.of(0.5, "b");
        Value only = Value.affine(b, List.of(), List.of());
        assertEquals(0.5, only.data(), 0.0);
        assertEquals("sum", only.opName());
        assertSame(b, only.input(0));
    }
}
