package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Catalogue entry 1 on the three worked networks. */
class ActivationDerivativeLeftOutTest {
    @Test
    void mazur() {
        // ∂E/∂w5 without σ′ at out_o1: (out_o1 − t1)·out_h1 = 0.74136507 × 0.593269992 = 0.43982965.
        LineResult r = Named.wrongAs(Worked.mazur(), "dE/dw5 = 0.43982965", ActivationDerivativeLeftOut.class);
        assertEquals("dE/dw5 computed without σ′ at out_o1 (a δ includes the activation's derivative, "
                + "∂out_o1/∂net_o1 = out_o1(1 − out_o1))", r.mistake());
    }

    @Test
    void module11() {
        // (out_o1 − t1)·out_h1 = 0.36703559 (true ∂E_total/∂w5 = 0.07788311).
        Named.wrongAs(Worked.module11(), "dE_total/dw5 = 0.36703559", ActivationDerivativeLeftOut.class);
    }

    @Test
    void singleHiddenUnit() {
        // δ⁰ taken as (y − ŷ) alone: ∂E/∂W = −(1 − 0.5124)·0.495 = −0.2414.
        LineResult r = Named.wrongAs(Worked.singleHiddenUnit(), "dE/dW = -0.2414", ActivationDerivativeLeftOut.class);
        assertEquals("dE/dW computed without σ′ at yhat (a δ includes the activation's derivative, "
                + "∂yhat/∂z = yhat(1 − yhat))", r.mistake());
    }
}
