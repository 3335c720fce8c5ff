package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Catalogue entry 6b: another node's number, and two answers that are each other's. */
class OtherNodeTest {
    @Test
    void mazurAValueAndAGradientOfAnotherNode() {
        CheckReport r = Checker.check(Worked.mazur(), "out_h1 = 0.3775\ndE/dw5 = 0.7413650696\nnet_o2 = 0.38");
        assertEquals("the value of net_h1, not of out_h1", r.results().get(0).mistake());
        assertEquals("∂E/∂out_o1, not ∂E/∂w5", r.results().get(1).mistake());
        assertEquals(null, r.results().get(2).mistake(), "0.38 is net_h1 to two digits: too few to say whose it is");
    }

    @Test
    void mazurTwoGradientsSwapped() {
        CheckReport r = Checker.check(Worked.mazur(), "dE/dw7 = -0.022740242\ndE/dw8 = -0.022602540");
        assertEquals("swapped with dE/dw8 (line 2): each is the other's value", r.results().get(0).mistake());
        assertEquals("swapped with dE/dw7 (line 1): each is the other's value", r.results().get(1).mistake());
    }

    @Test
    void module11sPrintedSolutionSwapsW2AndW3AndItsUpdateFollows() {
        // "Gradient for w2: 0.00287383" is ∂E/∂w3 (w3 takes i1 to h2); ∂E/∂w2 is 0.00257361.
        // Its "New w2: 0.39999713" follows from that number.
        CheckReport r = Checker.check(Worked.module11(), "dE/dw2 = 0.00287383\ndE/dw3 = 0.00257361\nw2' = 0.39999713");
        assertEquals("swapped with dE/dw3 (line 2): each is the other's value", r.results().get(0).mistake());
        assertEquals("swapped with dE/dw2 (line 1): each is the other's value", r.results().get(1).mistake());
        assertEquals("follows from your dE/dw2 = 0.00287383 (line 1), carried forward correctly: the mistake is there",
                r.results().get(2).mistake());
    }

    @Test
    void singleHiddenUnitTheHiddenActivationForTheOutput() {
        // ŷ answered with a = 0.4950: another node's value.
        LineResult r = Named.wrongAs(Worked.singleHiddenUnit(), "yhat = 0.4950", OtherNode.class);
        assertEquals("the value of a, not of yhat", r.mistake());
    }
}
