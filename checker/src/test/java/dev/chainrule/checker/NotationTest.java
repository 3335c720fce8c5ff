package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.expr.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The course material's notations for values, gradients and updates, mixed in one file. */
class NotationTest {

    private static Quantity quantity(Problem p, String answer) {
        LineResult r = Worked.only(p, answer);
        assertEquals(Verdict.OK, r.verdict(), answer + ": " + r.message());
        return r.quantity();
    }

    @Test
    void everyWayOfWritingTheUpdatedWeightMeansTheSame() {
        Quantity w5 = new Quantity(Quantity.Kind.UPDATED, "w5", null);
        for (String s : List.of("w5' = 0.35891648", "w5’ = 0.35891648", "w5′ = 0.35891648", "w5+ = 0.35891648",
                "w5⁺ = 0.35891648", "w5^+ = 0.35891648", "new w5 = 0.35891648", "New w5 = 0.35891648",
                "w5 new = 0.35891648", "w5_new = 0.35891648", "w5' ≈ 0.35891648", "w5': 0.35891648")) {
            assertEquals(w5, quantity(Worked.mazur(), s), s);
        }
    }

    @Test
    void everyWayOfWritingAGradientMeansTheSame() {
        Quantity g = new Quantity(Quantity.Kind.GRADIENT, "w5", "E");
        for (String s : List.of("dE/dw5 = 0.082167041", "∂E/∂w5 = 0.082167041", "δE/δw5 = 0.082167041",
                "dE_total/dw5 = 0.082167041", "∂E_total / ∂w5 = 0.082167041", "d E / d w5 = 0.082167041")) {
            assertEquals(g, quantity(Worked.mazur(), s), s);
        }
    }

    @Test
    void eStandsForTheOutputWhenNoNodeIsCalledE() {
        // Module 11 calls its loss E_total; "E" and "dE/dw5" mean it.
        assertEquals(new Quantity(Quantity.Kind.VALUE, "E_total", null), quantity(Worked.module11(), "E = 0.26060897"));
        assertEquals(new Quantity(Quantity.Kind.GRADIENT, "w5", "E_total"),
                quantity(Worked.module11(), "dE/dw5 = 0.07788311"));
        // A program with a node E keeps it: here E is not the output.
        Problem p = Problem.builder(Program.parse("x = 2; E = x*3; L = E + 1")).build();
        assertEquals(new Quantity(Quantity.Kind.VALUE, "E", null), quantity(p, "E = 6"));
    }

    @Test
    void oneFileMayMixNotationsAndComments() {
        CheckReport r = Checker.check(Worked.mazur(), """
                # Mazur, by hand
                out_h1 = 0.593269992; ∂E/∂w5 = 0.082167041   # two on a line
                dE_total/dw6 = 0.082667628
                δE/δw7 = -0.022602540
                w5+ = 0.35891648
                new w6 = 0.408666186
                w7 new = 0.511301270
                w8⁺ = 0.561370121
                Δw5 = -0.04108352
                """);
        assertEquals(9, r.count(Verdict.OK), Worked.render(r));
        assertEquals(2, r.results().get(1).line());
        assertEquals(23, r.results().get(1).column(), "the second answer on line 2 starts at column 23");
    }

    @Test
    void unreadableLinesSayWhereAndWhyAndTheRestIsJudged() {
        CheckReport r = Checker.check(Worked.mazur(), """
                = 0.3
                E = about 0.3
                dE/dw9 = 0.1
                dE/w5 = 0.1
                i1' = 0.05
                E = 0.298371109
                """);
        List<LineResult> l = r.results();
        assertEquals("line 1:1: expected NAME = NUMBER, as in q = 3, dE/dw5 = 0.0822 or w5' = 0.3589", l.get(0).message());
        assertEquals("line 2:5: 'about 0.3' is not a number", l.get(1).message());
        assertEquals("line 3:5: the program has no node named 'w9'; its nodes are i1, i2, w1, w2, w3, w4, b1, w5, "
                + "w6, w7, w8, b2, net_h1, out_h1, net_h2, out_h2, net_o1, out_o1, net_o2, out_o2, ... (23 in all)",
                l.get(2).message());
        assertEquals("line 4:1: write a gradient as dE/dw5, ∂E/∂w5 or δE/δw5", l.get(3).message());
        assertEquals("line 5:1: 'i1' is not updated: only parameters are (now w1, w2, w3, w4, w5, w6, w7 and w8); "
                + "declare it with param i1 = ... or name it with --params", l.get(4).message());
        assertEquals(Verdict.OK, l.get(5).verdict());
        assertEquals(5, r.count(Verdict.UNREADABLE));
    }
}
