package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Catalogue entry 4a on the three worked networks. */
class HalfOfSquareDroppedTest {
    @Test
    void mazurTwiceAndHalf() {
        LineResult twice = Named.wrongAs(Worked.mazur(), "dE/dw1 = 0.000877136", HalfOfSquareDropped.class);
        assertTrue(twice.mistake().startsWith("dE/dw1 computed with the ½ of ½(target − output)² dropped: twice "
                + "the true value"), twice.mistake());
        LineResult half = Named.wrongAs(Worked.mazur(), "dE/dw4 = 0.000497713", HalfOfSquareDropped.class);
        assertTrue(half.mistake().startsWith("dE/dw4 computed with a ½ too many: half the true value"), half.mistake());
    }

    @Test
    void module11() {
        Named.wrongAs(Worked.module11(), "dE/dw5 = 0.15576622", HalfOfSquareDropped.class);
    }

    @Test
    void singleHiddenUnit() {
        // E = (y − ŷ)² instead of ½(y − ŷ)²: ∂E/∂W = 2 × (−0.0603) = −0.1206.
        Named.wrongAs(Worked.singleHiddenUnit(), "dE/dW = -0.1206", HalfOfSquareDropped.class);
    }
}
