package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.expr.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts on the cases of issue 13: never falsely ok, unclear when the digits cannot tell. */
class VerdictTest {

    @Test
    void mazursOwnPrintedNumbersAreAllOk() {
        CheckReport r = Checker.check(Worked.mazur(), """
                net_h1 = 0.3775
                out_h1 = 0.593269992
                out_h2 = 0.596884378
                out_o1 = 0.75136507
                out_o2 = 0.772928465
                E = 0.298371109
                dE/dout_o1 = 0.74136507
                ∂E/∂w5 = 0.082167041
                dE/dw1 = 0.000438568
                w5' = 0.35891648
                w6' = 0.408666186
                w7' = 0.511301270
                new w8 = 0.561370121
                w1' = 0.149780716
                w2' = 0.19956143
                w3' = 0.24975114
                w4' = 0.29950229
                """);
        assertEquals(17, r.count(Verdict.OK), Worked.render(r));
        assertEquals(0, r.exitStatus());
        assertEquals("All 17 answers are right.", r.summary());
    }

    @Test
    void theWeightBeforeTheUpdateIsUnclearNotOk() {
        // The true w5' is 0.35891648; to one digit that is 0.4, and so is w5 before the update.
        LineResult r = Worked.only(Worked.mazur(), "w5' = 0.4");
        assertEquals(Verdict.UNCLEAR, r.verdict());
        assertEquals(0.35891647971788465, r.trueValue(), 1e-15);
        assertEquals("w5 before the update = 0.4", r.matches().get(0));
        assertTrue(r.message().startsWith("0.4 also matches w5 before the update = 0.4; "), r.message());
        // Other mistakes also give numbers near 0.36 (w5 updated with σ′ at the net input gives 0.4258):
        // only five digits tell them all apart.
        assertEquals(5, r.decidingDigits());
        assertTrue(r.message().endsWith("5 significant digits decide: 0.35892"), r.message());
    }

    @Test
    void aTinyLearningRateLeavesTheWeightUnclearAtFourDecimals() {
        // Module 11, η = 0.001: w1 moves by 5.1e-7, from 0.8 to 0.79999949.
        LineResult r = Worked.only(Worked.module11(), "new w1 = 0.8000");
        assertEquals(Verdict.UNCLEAR, r.verdict());
        assertEquals("w1 before the update = 0.8", r.matches().get(0));
        assertEquals(8, r.decidingDigits());
        assertTrue(r.message().endsWith("8 significant digits decide: 0.79999949"), r.message());
        assertEquals(Verdict.OK, Worked.only(Worked.module11(), "w1 new = 0.79999949").verdict());
    }

    @Test
    void oneDigitCannotTellAGradientFromItsNeighbours() {
        // ∂E/∂w5 = 0.0822; 0.1 also covers ∂E/∂w6 = 0.0827, ∂E/∂w5 with w1 and w2 swapped (0.0821) and more.
        LineResult r = Worked.only(Worked.mazur(), "dE_total/dw5 = 0.1");
        assertEquals(Verdict.UNCLEAR, r.verdict());
        assertTrue(r.matches().contains("dE_total/dw5 computed with w1 and w2 swapped = 0.08208843796"),
                r.matches().toString());
        assertTrue(r.matches().contains("∂E/∂w6, not ∂E/∂w5 = 0.08266762785"), r.matches().toString());
        assertEquals(0.08216704056423078, r.trueValue(), 1e-15);
    }

    @Test
    void theMaterialsOwnRoundedForwardPassIsRightOrRightWithRounding() {
        // Module 11 prints its forward pass to four decimals; net_o2 = 0.5089 there (true 0.50888),
        // and 0.5088 is what a student's own rounded out_h1 = 0.5695, out_h2 = 0.5325 give.
        CheckReport r = Checker.check(Worked.module11(), """
                net_h1 = 0.2800
                out_h1 = 0.5695
                net_h2 = 0.1300
                out_h2 = 0.5325
                net_o1 = 0.8209
                out_o1 = 0.6944
                net_o2 = 0.5088
                out_o2 = 0.6245
                E_total = 0.26060897
                """);
        assertEquals(0, r.exitStatus(), Worked.render(r));
        assertEquals(Verdict.ROUNDED, r.results().get(6).verdict());
        assertEquals("right with rounding: it follows from your out_h1 = 0.5695 (line 2); unrounded 0.5088824098",
                r.results().get(6).message());
    }

    @Test
    void numbersADoubleCannotHoldAreUnreadableWithLineAndColumn() {
        Problem p = Problem.builder(Program.parse("x = 1; f = x")).build();
        CheckReport r = Checker.check(p, "f = 0e400\nx = 1\ndf/dx = 5e309; f = 1.5e-2147483648\nf = 1e99999999999");
        List<LineResult> l = r.results();
        assertEquals("line 1:5: 0e400 is zero to within 1e400, a precision beyond the range of a double; write 0",
                l.get(0).message());
        assertEquals(Verdict.OK, l.get(1).verdict(), "the readable line between them is still judged");
        assertEquals("line 3:9: 5e309 is too large for a double (the largest is about 1.8e308)", l.get(2).message());
        assertEquals("line 3:20: 1.5e-2147483648 is too small for a double: it underflows to zero (the smallest is "
                + "about 4.9e-324)", l.get(3).message());
        assertEquals("line 4:5: 1e99999999999 is too large for a double (the largest is about 1.8e308)",
                l.get(4).message());
        assertEquals(4, r.count(Verdict.UNREADABLE));
        assertEquals(2, r.exitStatus());
    }

    @Test
    void exitStatusIsZeroOneOrTwo() {
        assertEquals(0, Checker.check(Worked.mazur(), "E = 0.298371109").exitStatus());
        assertEquals(1, Checker.check(Worked.mazur(), "E = 0.3").exitStatus(), "0.3 is unclear or wrong, never ok");
        assertEquals(1, Checker.check(Worked.mazur(), "E = 0.2984").exitStatus());
        assertEquals(2, Checker.check(Worked.mazur(), "E = about 0.3").exitStatus());
    }

    @Test
    void aNumberCutOffInsteadOfRoundedIsRightWithANote() {
        // Mazur prints ∂out_o2/∂net_o2 = 0.175510052; the true value is 0.1755100528.
        LineResult r = Worked.only(Worked.mazur(), "dout_o2/dnet_o2 = 0.175510052");
        assertEquals(Verdict.ROUNDED, r.verdict());
        assertEquals("right, but cut off rather than rounded: rounded, it is 0.175510053", r.message());
        assertEquals(Verdict.WRONG, Worked.only(Worked.mazur(), "out_h1 = 0.592").verdict(),
                "cut off at three digits is too coarse to excuse");
    }

    @Test
    void oneToleranceForAllReplacesThePrecisionWritten() {
        Problem p = Problem.builder(Program.parse("x = 0.56966; f = x")).tolerance(0.001).build();
        assertEquals(Verdict.OK, Checker.check(p, "f = 0.5695").results().get(0).verdict());
    }
}
