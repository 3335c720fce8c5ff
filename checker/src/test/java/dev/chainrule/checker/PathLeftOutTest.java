package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Catalogue entry 8: one path of the sum over paths left out where a node feeds two others. */
class PathLeftOutTest {
    @Test
    void mazur() {
        // ∂E/∂w1 through net_o1 only: 0.138498562 × 0.40 × 0.241300709 × 0.05 = 0.000668396.
        LineResult r = Named.wrongAs(Worked.mazur(), "dE/dw1 = 0.000668396", PathLeftOut.class);
        assertEquals("dE/dw1 computed with the path through net_o2 left out (∂E/∂out_h1 sums over the paths through "
                + "net_o1 and net_o2)", r.mistake());
    }

    @Test
    void module11() {
        // Through net_o2 only: −0.0014967837; through net_o1 only: 0.0020115048 (true 0.0005147210).
        Named.wrongAs(Worked.module11(), "dE/dw1 = -0.0014967837", PathLeftOut.class);
        Named.wrongAs(Worked.module11(), "dE/dw1 = 0.0020115048", PathLeftOut.class);
    }
}
