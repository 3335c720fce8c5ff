package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Catalogue entry 2 on the three worked networks. */
class DerivativeAtNetInputTest {
    @Test
    void mazur() {
        // σ′ written net_o1·(1 − net_o1) = 1.105905967 × (−0.105905967): ∂E/∂w5 = −0.0515137.
        LineResult r = Named.wrongAs(Worked.mazur(), "dE/dw5 = -0.0515137", DerivativeAtNetInput.class);
        assertEquals("dE/dw5 computed with σ′ at out_o1 evaluated at net_o1 instead of at out_o1 "
                + "(∂out_o1/∂net_o1 = out_o1(1 − out_o1): use the output)", r.mistake());
    }

    @Test
    void module11() {
        // 0.8867 × net_o1(1 − net_o1) × out_h1 = 0.05395412.
        Named.wrongAs(Worked.module11(), "dE/dw5 = 0.05395412", DerivativeAtNetInput.class);
    }

    @Test
    void singleHiddenUnit() {
        // δ⁰ with z(1 − z) for ŷ(1 − ŷ), z = W·a = 0.0495: ∂E/∂z = −0.4876 × 0.04705 = −0.02294.
        Named.wrongAs(Worked.singleHiddenUnit(), "dE/dz = -0.02294", DerivativeAtNetInput.class);
    }
}
