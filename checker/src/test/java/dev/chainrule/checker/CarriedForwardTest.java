package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Catalogue entry 9: the student's own rounded numbers carried forward (right with rounding). */
class CarriedForwardTest {
    @Test
    void singleHiddenUnitDeltaW2() {
        // δ_hidden = 0.003 (true 0.0030455), so Δw₂ = 0.5 × 0.003 × 0.3 = 0.00045 (true 0.000457).
        CheckReport r = Checker.check(Worked.singleHiddenUnit(), "dE/dh = -0.003\nΔw2 = 0.00045\nΔW = 0.0302");
        LineResult dw2 = r.results().get(1);
        assertEquals(Verdict.ROUNDED, dw2.verdict());
        assertEquals("right with rounding: it follows from your dE/dh = -0.003 (line 1); unrounded 0.0004568251986",
                dw2.message());
        assertEquals(Verdict.OK, r.results().get(2).verdict());
        // δ = 0.003 itself is unclear: with w1 and w2 swapped, ∂E/∂h is −0.00303, also 0.003 to one digit.
        assertEquals(Verdict.UNCLEAR, r.results().get(0).verdict());
        assertEquals(Verdict.WRONG, Worked.only(Worked.singleHiddenUnit(), "Δw2 = 0.00045").verdict(),
                "without the rounded δ written down, 0.00045 is simply not 0.000457");
    }

    @Test
    void mazursChain() {
        // The material: ∂E_o2/∂out_h1 = −0.019049119 (true −0.01904911826), from its rounded
        // ∂E_o2/∂net_o2 = −0.038098237 times w7 = 0.5.
        CheckReport r = Checker.check(Worked.mazur(), "dE_o2/dnet_o2 = -0.038098237\ndE_o2/dout_h1 = -0.019049119");
        assertEquals(Verdict.OK, r.results().get(0).verdict());
        assertEquals(Verdict.ROUNDED, r.results().get(1).verdict());
        assertEquals("right with rounding: it follows from your dE_o2/dnet_o2 = -0.038098237 (line 1); unrounded "
                + "-0.01904911826", r.results().get(1).message());
        assertEquals(0, r.exitStatus());
    }

    @Test
    void module11RoundedForwardValues() {
        // out_h1 written 0.5695 (true 0.56954622): σ′ = 0.5695 × 0.4305 = 0.24517 instead of 0.245168.
        CheckReport r = Checker.check(Worked.module11(), "out_h1 = 0.5695\ndout_h1/dnet_h1 = 0.24517");
        assertEquals(Verdict.OK, r.results().get(0).verdict());
        assertEquals(Verdict.ROUNDED, r.results().get(1).verdict(), r.results().get(1).message());
    }
}
