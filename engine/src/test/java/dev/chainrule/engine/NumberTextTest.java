package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** NumberText: the compact exact form and the significant-digit form the checker and the CLI print. */
class NumberTextTest {
    @Test
    void significantDigitsWithoutTrailingZeros() {
        assertEquals("0.5932699921", NumberText.significant(0.5932699921071872, 10));
        assertEquals("0.36", NumberText.significant(0.36, 2));
        assertEquals("-12", NumberText.significant(-12.0, 10));
        assertEquals("120000", NumberText.significant(123456, 2));
        assertEquals("0", NumberText.significant(0.0, 5));
        assertEquals("0", NumberText.significant(-0.0, 5));
    }

    @Test
    void roundsTheDoublesExactValueNotItsShortestText() {
        // 0.35 is 0.34999999999999997779... as a double: correctly rounded to one digit it is 0.3.
        assertEquals("0.3", NumberText.significant(0.35, 1));
        assertEquals("0.38", NumberText.significant(0.375, 2));   // 0.375 is exact: half to even would give 0.38 too
        assertEquals("2.5", NumberText.significant(2.45, 2));     // 2.45 is 2.4500000000000001776...
    }

    @Test
    void plainFrom1eMinus6To1e15AndAnExponentOutside() {
        assertEquals("0.000001", NumberText.significant(1e-6, 3));
        assertEquals("1.5e-7", NumberText.significant(1.5e-7, 3));
        assertEquals("999999999999999", NumberText.significant(999999999999999.0, 15));
        assertEquals("1e15", NumberText.significant(1e15, 3));
        assertEquals("-2e20", NumberText.significant(-2e20, 4));
    }

    @Test
    void nonFiniteAndBadDigits() {
        assertEquals("inf", NumberText.significant(Double.POSITIVE_INFINITY, 3));
        assertEquals("-inf", NumberText.significant(Double.NEGATIVE_INFINITY, 3));
        assertEquals("nan", NumberText.significant(Double.NaN, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumberText.significant(1, 0));
        assertEquals("significant digits must be at least 1, not 0", e.getMessage());
    }

    @Test
    void compactDropsTheTrailingPointZeroOnly() {
        assertEquals("2", NumberText.compact(2.0));
        assertEquals("-12", NumberText.compact(-12.0));
        assertEquals("0.01", NumberText.compact(0.01));
        assertEquals("1.0E-7", NumberText.compact(1e-7));
    }
}
