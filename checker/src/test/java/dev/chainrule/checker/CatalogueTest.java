package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every catalogue entry recognised on a worked network, from the number a student would write with
 * that mistake (computed by hand in the comments), and named in the student's own names.
 */
class CatalogueTest {

    private static LineResult wrong(Problem p, String answer) {
        LineResult r = Worked.only(p, answer);
        assertEquals(Verdict.WRONG, r.verdict(), r.message());
        assertNotNull(r.mistake(), answer + " should be named");
        return r;
    }

    @Test
    void activationDerivativeLeftOut() {
        // ∂E/∂w5 without σ′ at out_o1: (out_o1 − t1)·out_h1 = 0.74136507 × 0.593269992 = 0.43982965.
        LineResult r = wrong(Worked.mazur(), "dE/dw5 = 0.43982965");
        assertEquals("dE/dw5 computed without σ′ at out_o1 (a δ includes the activation's derivative, "
                + "∂out_o1/∂net_o1 = out_o1(1 − out_o1))", r.mistake());
    }

    @Test
    void derivativeTakenAtTheNetInput() {
        // σ′ written net_o1·(1 − net_o1) = 1.105905967 × (−0.105905967): ∂E/∂w5 = −0.0515137.
        LineResult r = wrong(Worked.mazur(), "dE/dw5 = -0.0515137");
        assertEquals("dE/dw5 computed with σ′ at out_o1 evaluated at net_o1 instead of at out_o1 "
                + "(∂out_o1/∂net_o1 = out_o1(1 − out_o1): use the output)", r.mistake());
    }

    @Test
    void signOfTargetMinusOutputFlipped() {
        LineResult r = wrong(Worked.mazur(), "∂E/∂out_o1 = -0.74136507");
        assertEquals("∂E/∂out_o1 computed with the sign of (target − output) flipped "
                + "(∂E/∂out = −(target − out) = out − target)", r.mistake());
    }

    @Test
    void halfOfTheSquareDropped() {
        // 2 × 0.000438568 (Mazur's ∂E/∂w1).
        LineResult r = wrong(Worked.mazur(), "dE/dw1 = 0.000877136");
        assertTrue(r.mistake().startsWith("dE/dw1 computed with the ½ of ½(target − output)² dropped: twice the true "
                + "value"), r.mistake());
    }

    @Test
    void meanTakenWhereTheLossIsASum() {
        // Module 11: E_total = E1 + E2 = 0.26060897; the mean of the two terms is 0.13030449.
        LineResult r = wrong(Worked.module11(), "E_total = 0.13030449");
        assertTrue(r.matches().contains("E_total computed with a ½ too many: half the true value (the 2 of the "
                + "square's derivative cancels the ½, and only that ½)")
                || r.matches().stream().anyMatch(m -> m.contains("the mean of the 2 terms of E_total")), r.matches()
                .toString());
        assertTrue(r.matches().stream().anyMatch(m -> m.contains("with the mean of the 2 terms of E_total instead of "
                + "their sum")), r.matches().toString());
        // The reverse: a program that takes the mean, answered with the sum (1/m forgotten).
        Problem mean = Problem.builder(dev.chainrule.engine.expr.Program.parse(
                "param w = 2; x1 = 1; x2 = 3; E = ((w*x1 - 1)^2 + (w*x2 - 5)^2) / 2")).build();
        // ∂E/∂w = ((w·1 − 1)·1 + (w·3 − 5)·3)·2/2 = 1 + 3 = 4; without the 1/2: 8.
        LineResult sum = wrong(mean, "dE/dw = 8.0");
        assertTrue(sum.matches().stream().anyMatch(m -> m.contains("without the 1/2 of the mean: 2 times the true "
                + "value")), sum.matches().toString());
    }

    @Test
    void updatedOutputWeightsUsedToBackPropagate() {
        // δ_o1·w5' + δ_o2·w7' with w5' = 0.35891648, w7' = 0.51130127: ∂E/∂w1 = 0.000364723.
        LineResult r = wrong(Worked.mazur(), "dE/dw1 = 0.000364723");
        assertEquals("dE/dw1 computed with the updated w5 and w7 (back-propagate with the weights from before the "
                + "update)", r.mistake());
    }

    @Test
    void twoGradientsSwappedAcrossUnitsInTheMaterialsOwnSolution() {
        // Module 11's printed solution: "Gradient for w2: 0.00287383" is ∂E/∂w3 (w3 takes i1 to h2);
        // ∂E/∂w2 is 0.00257361. Its "New w2: 0.39999713" follows from that number.
        CheckReport r = Checker.check(Worked.module11(), """
                dE/dw2 = 0.00287383
                dE/dw3 = 0.00257361
                w2' = 0.39999713
                """);
        assertEquals("swapped with dE/dw3 (line 2): each is the other's value", r.results().get(0).mistake());
        assertEquals("swapped with dE/dw2 (line 1): each is the other's value", r.results().get(1).mistake());
        LineResult later = r.results().get(2);
        assertEquals(Verdict.WRONG, later.verdict());
        assertEquals("follows from your dE/dw2 = 0.00287383 (line 1), carried forward correctly: the mistake is "
                + "there", later.mistake());
    }

    @Test
    void twoWeightsSwappedInTheForwardPass() {
        // net_h1 with w1 and w2 swapped: 0.20 × 0.05 + 0.15 × 0.10 + 0.35 = 0.375 (true 0.3775).
        LineResult r = wrong(Worked.mazur(), "net_h1 = 0.3750");
        assertEquals("net_h1 computed with w1 and w2 swapped (each weight where it belongs)", r.mistake());
    }

    @Test
    void theUpdatesSlips() {
        CheckReport r = Checker.check(Worked.mazur(), """
                w6' = 0.45
                w7' = 0.522602540
                w8' = 0.538629879
                w5' = 0.0410835203
                """);
        assertEquals("w6 before the update (after it, w6' = w6 − η·∂E/∂w6)", r.results().get(0).mistake());
        assertEquals("w7 − ∂E/∂w7: the learning rate is missing (w7' = w7 − η·∂E/∂w7)", r.results().get(1).mistake());
        assertEquals("w8 + η·∂E/∂w8: the update went the wrong way (subtract: w8' = w8 − η·∂E/∂w8)",
                r.results().get(2).mistake());
        assertEquals("η·∂E/∂w5, the step, not the new weight (w5' = w5 − η·∂E/∂w5)", r.results().get(3).mistake());
    }

    @Test
    void aGradientOffByTheLearningRateOrTakenAfterTheUpdate() {
        // f = w·x, one step with η = 0.1: ∂f/∂w = x = 3, w' = 2 − 0.3 = 1.7, f after it = 5.1.
        Problem p = Problem.builder(dev.chainrule.engine.expr.Program.parse("w = 2; x = 3; f = w*x"))
                .learningRate(0.1).build();
        CheckReport r = Checker.check(p, "df/dw = 0.3; f = 5.1");
        assertEquals("df/dw as η·(the gradient), with η = 0.1: off by a factor of the learning rate",
                r.results().get(0).mistake());
        assertEquals("f after the update (use the values from before it)", r.results().get(1).mistake());
    }

    @Test
    void onePathOfTheSumOverPathsLeftOut() {
        // ∂E/∂w1 through net_o1 only: 0.138498562 × 0.40 × 0.241300709 × 0.05 = 0.000668396.
        LineResult r = wrong(Worked.mazur(), "dE/dw1 = 0.000668396");
        assertEquals("dE/dw1 computed with the path through net_o1 left out"
                .replace("net_o1", "net_o2") + " (∂E/∂out_h1 sums over the paths through net_o1 and net_o2)",
                r.mistake());
    }

    @Test
    void rightWithRoundingInTheSingleHiddenUnitExample() {
        // δ_hidden = 0.003 (true 0.0030455), so Δw₂ = 0.5 × 0.003 × 0.3 = 0.00045 (true 0.000457).
        CheckReport r = Checker.check(Worked.singleHiddenUnit(), "dE/dh = -0.003\nΔw2 = 0.00045\nΔW = 0.0302");
        LineResult dw2 = r.results().get(1);
        assertEquals(Verdict.ROUNDED, dw2.verdict());
        assertEquals("right with rounding: it follows from your dE/dh = -0.003 (line 1); unrounded 0.0004568251986",
                dw2.message());
        assertEquals(Verdict.OK, r.results().get(2).verdict());
        assertEquals(Verdict.WRONG, Worked.only(Worked.singleHiddenUnit(), "Δw2 = 0.00045").verdict(),
                "without the rounded δ written down, 0.00045 is simply not 0.000457");
    }

    @Test
    void rightWithRoundingInMazursChain() {
        // The material: ∂E_o2/∂out_h1 = −0.019049119 (true −0.01904911826), from its rounded
        // ∂E_o2/∂net_o2 = −0.038098237 times w7 = 0.5.
        CheckReport r = Checker.check(Worked.mazur(), "dE_o2/dnet_o2 = -0.038098237\ndE_o2/dout_h1 = -0.019049119");
        assertEquals(Verdict.OK, r.results().get(0).verdict());
        assertEquals(Verdict.ROUNDED, r.results().get(1).verdict());
        assertEquals("right with rounding: it follows from your dE_o2/dnet_o2 = -0.038098237 (line 1); unrounded "
                + "-0.01904911826", r.results().get(1).message());
    }

    @Test
    void everyEntryHasAName() {
        for (Mistake m : Catalogue.MISTAKES) {
            assertTrue(!m.name().isBlank(), m.getClass().getSimpleName());
        }
        assertEquals(15, Catalogue.MISTAKES.size());
    }
}
