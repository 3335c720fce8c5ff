package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.ReferenceMath.Real;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The oracle itself against published constants, so that a slip in a closed form or in the
 * cancellation-free rewrites cannot make the accuracy test measure against a wrong truth.
 */
class ReferenceMathTest {
    private static final MathContext DIGITS_40 = new MathContext(40);

    private static void assertDigits(String expected, BigDecimal actual) {
        BigDecimal want = new BigDecimal(expected).round(DIGITS_40);
        BigDecimal got = actual.round(DIGITS_40);
        assertEquals(0, want.compareTo(got), () -> "expected " + want + ", got " + got);
    }

    @Test
    void elementaryFunctionsMatchPublishedDigits() {
        // e and ln 2 (OEIS A001113, A002162); sin(10^22), the classic argument-reduction test.
        assertDigits("2.718281828459045235360287471352662497757", ReferenceMath.exp(BigDecimal.ONE));
        assertDigits("0.6931471805599453094172321214581765680755", ReferenceMath.log(BigDecimal.valueOf(2)));
        assertDigits("-0.8522008497671888017727058937530293682618",
                ReferenceMath.sin(new BigDecimal("1e22")));
    }

    @Test
    void tailsKeepTheirRelativeDigits() {
        // tanh x = x − x³/3 + ... for tiny x; 1 − tanh 20 = 2e^{−40}/(1 + e^{−40}); e^{−40} as Python's decimal gives it.
        BigDecimal tiny = new BigDecimal("1e-300");
        assertDigits("1e-300", ReferenceMath.tanh(tiny));
        BigDecimal e40 = ReferenceMath.exp(BigDecimal.valueOf(-40));
        assertDigits("4.248354255291588995329234782858658017880e-18", e40);
        BigDecimal sech2 = ReferenceMath.sech2(BigDecimal.valueOf(20));
        assertTrue(sech2.subtract(e40.multiply(BigDecimal.valueOf(4))).abs()
                .compareTo(e40.multiply(e40).multiply(BigDecimal.valueOf(9))) < 0, sech2::toString);
        // σ(−1000) = e^{−1000}/(1 + e^{−1000}) to 40 digits is e^{−1000}.
        assertDigits(ReferenceMath.exp(BigDecimal.valueOf(-1000)).toString(),
                ReferenceMath.sigmoid(BigDecimal.valueOf(-1000)));
        // e^x − 1 and log(1 + e) at 1e-20: x + x²/2 and e − e²/2.
        assertDigits("1.000000000000000000005e-20", ReferenceMath.expm1(new BigDecimal("1e-20")));
        assertDigits("0.999999999999999999995e-20", ReferenceMath.log1p(new BigDecimal("1e-20")));
    }

    @Test
    void opsAtKnownPoints() {
        // GELU tanh form at 1: 0.5·(1 + tanh(√(2/π)·1.044715)) = 0.8411919906082768...
        Real[] g = ReferenceMath.unary("gelu", 0, 1.0);
        assertEquals(0.8411919906082768, g[0].toDouble(), 2e-16);
        // σ′(0) = 1/4, σ″(0) = 0; tanh″(0) = 0; gaussian″(0) = −2.
        assertEquals(0.25, ReferenceMath.unary("sigmoid", 0, 0.0)[1].toDouble());
        assertEquals(0.0, ReferenceMath.unary("sigmoid", 0, 0.0)[2].toDouble());
        assertEquals(-2.0, ReferenceMath.unary("gaussian", 0, 0.0)[2].toDouble());
        // The reference: elu′(−20) = e^{−20}.
        assertEquals(2.0611536224385578e-09, ReferenceMath.unary("elu", 1, -20)[1].toDouble());
        // x^y at (2, 3): 8, 12, 8·ln 2, 12, 4·(1 + 3 ln 2), 8·ln² 2.
        Real[] p = ReferenceMath.pow2(2, 3);
        double ln2 = 0.6931471805599453;
        assertEquals(8, p[0].toDouble());
        assertEquals(12, p[1].toDouble());
        assertEquals(8 * ln2, p[2].toDouble(), 1e-15);
        assertEquals(12, p[3].toDouble());
        assertEquals(4 * (1 + 3 * ln2), p[4].toDouble(), 1e-14);
        assertEquals(8 * ln2 * ln2, p[5].toDouble(), 1e-15);
        // Where the truth is not a real number.
        assertEquals(Double.NaN, ReferenceMath.unary("log", 0, -1)[0].toDouble());
        assertEquals(Double.POSITIVE_INFINITY, ReferenceMath.unary("sqrt", 0, 0)[1].toDouble());
    }
}
