package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The accumulation rule of backward: reused nodes, repeated calls, deep chains. */
class BackwardTest {

    @Test
    void aNodeUsedTwiceReceivesBothContributions() {
        Value a = Value.of(3, "a");
        Value b = a.add(a);
        b.backward();
        assertEquals(6.0, b.data());
        assertEquals(2.0, a.grad());
    }

    @Test
    void xTimesXTimesXHasGradThreeXSquared() {
        Value x = Value.of(5, "x");
        Value y = x.mul(x).mul(x);
        y.backward();
        assertEquals(125.0, y.data());
        assertEquals(75.0, x.grad());
    }

    @Test
    void diamondSumsBothPaths() {
        // b = 2a, c = a^2, d = b·c = 2a^3, dd/da = 6a^2
        Value a = Value.of(1.5, "a");
        Value b = a.mul(2);
        Value c = a.pow(2);
        Value d = b.mul(c);
        d.backward();
        assertEquals(6 * 1.5 * 1.5, a.grad(), 1e-12);
        assertEquals(c.data(), b.grad(), 1e-12);
        assertEquals(b.data(), c.grad(), 1e-12);
    }

    @Test
    void anUnusedInputHasGradZero() {
        Value x = Value.of(2, "x");
        Value unused = Value.of(7, "u");
        Value y = x.mul(3);
        y.backward();
        assertEquals(3.0, x.grad());
        assertEquals(0.0, unused.grad());
    }

    @Test
    void secondBackwardResetsIntermediatesAndAccumulatesLeaves() {
        Value x = Value.of(5, "x");
        Value xx = x.mul(x);
        Value y = xx.mul(x);
        y.backward();
        y.backward();
        // Intermediates hold exactly dy/dnode: dy/d(xx) = x = 5, not 10.
        assertEquals(5.0, xx.grad());
        assertEquals(1.0, y.grad());
        // Leaves accumulate across calls: 2 × 75, not micrograd's 3·x² + extra.
        assertEquals(150.0, x.grad());
    }

    @Test
    void zeroGradClearsTheWholeGraphSoTheNextBackwardIsFresh() {
        Value x = Value.of(5, "x");
        Value y = x.mul(x).mul(x);
        y.backward();
        y.zeroGrad();
        assertEquals(0.0, x.grad());
        y.backward();
        assertEquals(75.0, x.grad());
    }

    @Test
    void backwardOnALeafSetsItsGradToOne() {
        Value x = Value.of(4, "x");
        x.backward();
        assertEquals(1.0, x.grad());
    }

    @Test
    void aChainOfAMillionOpsDifferentiatesOnTheDefaultStack() {
        Value x0 = Value.of(1, "x0");
        Value x = x0;
        for (int k = 0; k < 1_000_000; k++) {
            x = x.mul(1.000001).add(0.000001);
        }
        x.backward();
        assertEquals(Math.pow(1.000001, 1_000_000), x0.grad(), 1e-9);
        assertEquals(2.718280469, x0.grad(), 1e-9);
    }

    @Test
    void wideSumGivesEachTermItsPartner() {
        int n = 10_000;
        java.util.List<Value> a = new java.util.ArrayList<>();
        java.util.List<Value> b = new java.util.ArrayList<>();
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < n; i++) {
            a.add(Value.of(r.nextGaussian()));
            b.add(Value.of(r.nextGaussian()));
        }
        Value s = Value.dot(a, b);
        s.backward();
        for (int i = 0; i < n; i++) {
            assertEquals(b.get(i).data(), a.get(i).grad());
            assertEquals(a.get(i).data(), b.get(i).grad());
        }
    }

    @Test
    void affineBuildsTheSameNodesAndBitsAsASumOfBiasAndProducts() {
        java.util.Random r = new java.util.Random(7);
        int n = 17;
        java.util.List<Value> w = new java.util.ArrayList<>();
        java.util.List<Value> x = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(Value.of(r.nextGaussian()));
            // x reuses some nodes, so that a leaf receives several contributions.
            x.add(i % 5 == 4 ? x.get(i - 3) : Value.of(r.nextGaussian()));
        }
        Value b = Value.of(0.25);
        Value s = Value.affine(b, w, x);
        assertEquals("sum", s.opName());
        assertEquals(n + 1, s.inputCount());
        assertSame(b, s.input(0));
        for (int i = 0; i < n; i++) {
            assertEquals("mul", s.input(i + 1).opName());
            assertSame(w.get(i), s.input(i + 1).input(0));
            assertSame(x.get(i), s.input(i + 1).input(1));
        }
        double expected = b.data();
        for (int i = 0; i < n; i++) {
            expected += w.get(i).data() * x.get(i).data();
        }
        assertEquals(expected, s.data(), 0.0);
        s.relu().backward();
        double[] wGrads = new double[n];
        double[] xGrads = new double[n];
        for (int i = 0; i < n; i++) {
            wGrads[i] = w.get(i).grad();
            xGrads[i] = x.get(i).grad();
        }
        double bGrad = b.grad();

        // The same graph written with a list of terms: every data and grad agrees to the bit.
        for (Value v : w) {
            v.clearGrad();
        }
        for (Value v : x) {
            v.clearGrad();
        }
        b.clearGrad();
        java.util.List<Value> terms = new java.util.ArrayList<>();
        terms.add(b);
        for (int i = 0; i < n; i++) {
            terms.add(w.get(i).mul(x.get(i)));
        }
        Value t = Value.sum(terms);
        assertEquals(t.data(), s.data(), 0.0);
        t.relu().backward();
        assertEquals(bGrad, b.grad(), 0.0);
        for (int i = 0; i < n; i++) {
            assertEquals(wGrads[i], w.get(i).grad(), 0.0);
            assertEquals(xGrads[i], x.get(i).grad(), 0.0);
            assertEquals(s.data() > 0 ? x.get(i).data() : 0.0, w.get(i).grad(), 0.0, "∂/∂w" + i);
        }
    }
}
