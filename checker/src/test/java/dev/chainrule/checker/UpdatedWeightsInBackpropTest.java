package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Catalogue entry 5 on the three worked networks. */
class UpdatedWeightsInBackpropTest {
    @Test
    void mazur() {
        // δ_o1·w5' + δ_o2·w7' with w5' = 0.35891648, w7' = 0.51130127: ∂E/∂w1 = 0.000364723.
        LineResult r = Named.wrongAs(Worked.mazur(), "dE/dw1 = 0.000364723", UpdatedWeightsInBackprop.class);
        assertEquals("dE/dw1 computed with the updated w5 and w7 (back-propagate with the weights from before the "
                + "update)", r.mistake());
    }

    @Test
    void module11NeedsEightDigitsAtEtaOneThousandth() {
        // η = 0.001 moves w5 and w7 by 8e-5 and 4e-5: ∂E/∂w1 0.00051472103 becomes 0.00051437860.
        Named.wrongAs(Worked.module11(), "dE/dw1 = 0.00051437860", UpdatedWeightsInBackprop.class);
        assertEquals(Verdict.OK, Worked.only(Worked.module11(), "dE/dw1 = 0.00051472103").verdict());
    }

    @Test
    void singleHiddenUnit() {
        // W' = 0.1 + 0.5·0.1218·0.495 = 0.13015 used for δʰ: Δw1 = 0.000198 instead of 0.000152.
        LineResult r = Named.wrongAs(Worked.singleHiddenUnit(), "Δw1 = 0.0001982", UpdatedWeightsInBackprop.class);
        assertEquals("Δw1 computed with the updated W (back-propagate with the weights from before the update)",
                r.mistake());
    }
}
