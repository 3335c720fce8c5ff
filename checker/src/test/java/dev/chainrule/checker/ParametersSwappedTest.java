package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Catalogue entry 6a: two weights' values swapped in the forward pass. */
class ParametersSwappedTest {
    @Test
    void mazur() {
        // net_h1 with w1 and w2 swapped: 0.20 × 0.05 + 0.15 × 0.10 + 0.35 = 0.375 (true 0.3775).
        LineResult r = Named.wrongAs(Worked.mazur(), "net_h1 = 0.3750", ParametersSwapped.class);
        assertEquals("net_h1 computed with w1 and w2 swapped (each weight where it belongs)", r.mistake());
    }

    @Test
    void module11WeightsToDifferentUnits() {
        // w2 (i2 → h1) and w3 (i1 → h2) swapped: net_h2 = 0.4·0.1 + 0.2·0.5 = 0.14 (true 0.13).
        LineResult r = Named.wrongAs(Worked.module11(), "net_h2 = 0.1400", ParametersSwapped.class);
        assertEquals("net_h2 computed with w2 and w3 swapped (each weight where it belongs: w2 feeds net_h1, "
                + "w3 feeds net_h2)", r.mistake());
    }

    @Test
    void singleHiddenUnit() {
        // w1 and w2 swapped: h = −0.2·0.1 + 0.4·0.3 = 0.1, a = σ(0.1) = 0.52498 (true 0.49500).
        Named.wrongAs(Worked.singleHiddenUnit(), "a = 0.52498", ParametersSwapped.class);
    }
}
