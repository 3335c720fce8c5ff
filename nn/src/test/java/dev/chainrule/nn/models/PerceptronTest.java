package dev.chainrule.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The perceptron rule on the three classic truth tables. */
class PerceptronTest {
    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static void assertLearned(Perceptron p, int[] y) {
        for (int i = 0; i < X.length; i++) {
            assertEquals(y[i], p.predict(X[i]), "input " + java.util.Arrays.toString(X[i]));
        }
    }

    @Test
    void learnsAnd() {
        Perceptron p = new Perceptron(2);
        int[] and = {0, 0, 0, 1};
        PerceptronResult r = p.train(X, and, 1.0, 100);
        assertTrue(r.converged(), r.message());
        assertEquals(0, (int) r.mistakesPerEpoch().get(r.epochs() - 1));
        assertLearned(p, and);
        // With α = 1 from zero weights the rule settles on w = (2, 1), b = −3 in epoch 6.
        assertEquals(6, r.epochs());
        assertEquals(2.0, p.parameter("w1").data(), 0.0);
        assertEquals(1.0, p.parameter("w2").data(), 0.0);
        assertEquals(-3.0, p.parameter("b").data(), 0.0);
    }

    @Test
    void learnsOr() {
        Perceptron p = new Perceptron(2);
        int[] or = {0, 1, 1, 1};
        PerceptronResult r = p.train(X, or, 0.5, 100);
        assertTrue(r.converged(), r.message());
        assertLearned(p, or);
        assertEquals(r.epochs(), r.mistakesPerEpoch().size());
    }

    @Test
    void reportsThatXorDoesNotConverge() {
        Perceptron p = new Perceptron(2);
        PerceptronResult r = p.train(X, new int[] {0, 1, 1, 0}, 1.0, 50);
        assertFalse(r.converged());
        assertEquals(50, r.epochs());
        assertEquals(50, r.mistakesPerEpoch().size());
        assertTrue(r.mistakesPerEpoch().stream().allMatch(m -> m > 0));
        assertTrue(r.message().startsWith("did not converge after 50 epochs"), r.message());
        assertTrue(r.message().endsWith("the data may not be linearly separable"), r.message());
    }
}
