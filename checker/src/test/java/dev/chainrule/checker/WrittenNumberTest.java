package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading the student's numbers and the precision their digits claim, hostile ones included. */
class WrittenNumberTest {

    @Test
    void theToleranceIsHalfAUnitInTheLastDigitWritten() {
        WrittenNumber n = WrittenNumber.parse("0.5932");
        assertEquals(0.5932, n.value());
        assertEquals(0.00005, n.tolerance(), 1e-18);
        assertEquals(4, n.significantDigits());
        assertTrue(n.matches(0.59324999) && !n.matches(0.59326));
        assertEquals(0.5, WrittenNumber.parse("1.23e2").tolerance());
        assertEquals(-0.0226, WrittenNumber.parse("−0.0226").value(), "a Unicode minus");
        assertEquals(0.5e-4, WrittenNumber.parse("-2.26e-2").tolerance(), 1e-18);
        assertEquals(3, WrittenNumber.parse("0.0123").significantDigits());
    }

    @Test
    void overflowUnderflowAndAbsurdPrecisionAreRefusedNotPassed() {
        assertEquals("0e400 is zero to within 1e400, a precision beyond the range of a double; write 0",
                assertThrows(IllegalArgumentException.class, () -> WrittenNumber.parse("0e400")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrittenNumber.parse("5e309")).getMessage()
                .startsWith("5e309 is too large for a double"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrittenNumber.parse("1.5e-2147483648"))
                .getMessage().startsWith("1.5e-2147483648 is too small for a double: it underflows to zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrittenNumber.parse("1e99999999999"))
                .getMessage().startsWith("1e99999999999 is too large"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrittenNumber.parse("1e-99999999999999999999"))
                .getMessage().contains("underflows to zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrittenNumber.parse("1.8e308")).getMessage()
                .contains("too large"));
    }

    @Test
    void whatIsNotANumberSaysSo() {
        for (String s : new String[] {"about 0.3", ".", "-", "1e", "0x10", "NaN", "Infinity", "1,5", "1.2.3", "e5"}) {
            assertEquals("'" + s + "' is not a number",
                    assertThrows(IllegalArgumentException.class, () -> WrittenNumber.parse(s)).getMessage(), s);
        }
    }

    @Test
    void aToleranceNeverUnderflowsBelowTheDoublesOwnSpacing() {
        WrittenNumber n = WrittenNumber.parse("1." + "0".repeat(30));
        assertEquals(Math.ulp(1.0) / 2, n.tolerance());
        assertTrue(n.matches(1.0));
        assertFalse(n.matches(1.0 + 2 * Math.ulp(1.0)));
        assertEquals(0.0, WrittenNumber.parse("0e-400").value(), "zero to within 1e-400 is zero");
    }
}
