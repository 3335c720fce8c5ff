package dev.chainrule.engine.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.UnaryOp;
import dev.chainrule.engine.Value;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** GradCheck on tensor functions: element by element, along random directions, fixed inputs, kinks. */
class TensorGradCheckTest {

    @Test
    void softmaxIsCheckedElementByElementWithRandomOutputWeights() {
        Tensor w = Tensor.randn(new Random(1), 3, 4).label("W");
        GradCheckResult r = GradCheck.checkTensors(t -> t[0].softmax(1), w);
        assertTrue(r.passed(), r::toString);
        assertEquals(12, r.entries().size());
        assertEquals("W[0, 0]", r.entries().get(0).name());
        assertEquals("W[2, 3]", r.entries().get(11).name());
        // Σ softmax is constant, so plain-sum weights would give all-zero gradients; random weights do not.
        double largest = 0;
        for (GradCheckEntry e : r.entries()) {
            largest = Math.max(largest, Math.abs(e.analytic()));
        }
        assertTrue(largest > 0.01, r::toString);
        assertEquals(w.get(1, 2), r.entry("W[1, 2]").point());
    }

    @Test
    void bigTensorsAreCheckedAlongASeededRandomDirection() {
        Random rnd = new Random(2);
        Tensor a = Tensor.randn(rnd, 20, 20).label("A");
        Tensor b = Tensor.randn(rnd, 20, 20).label("B");
        GradCheckResult r = GradCheck.checkTensors(t -> t[0].matmul(t[1]).tanh(), a, b);
        assertTrue(r.passed(), r::toString);
        assertEquals(2, r.entries().size());
        assertEquals("A·d", r.entries().get(0).name());
        assertEquals("B·d", r.entries().get(1).name());
        GradCheckResult again = GradCheck.checkTensors(t -> t[0].matmul(t[1]).tanh(), a, b);
        assertEquals(r.entries().get(0).analytic(), again.entries().get(0).analytic(), "same seed, same direction");
        GradCheckResult elementwise = GradCheck.defaults().elementLimit(1000).runTensors(t -> t[0].matmul(t[1]), a, b);
        assertEquals(800, elementwise.entries().size());
        assertTrue(elementwise.passed());
    }

    @Test
    void aWrongElementwiseDerivativeFailsAndTheWorstElementIsNamed() {
        UnaryOp badSquare = new UnaryOp("bad_square", null) {
            public double apply(double x) { return x * x; }
            public double derivative(double x, double y) { return x; }      // should be 2x
            public Value derivative(Value x, Value y) { return x; }
        };
        Tensor x = Tensor.of(new double[] {0.5, -3, 1}).label("x");
        GradCheckResult r = GradCheck.checkTensors(t -> t[0].apply(badSquare), x);
        assertFalse(r.passed());
        assertEquals("x[1]", r.worst().name());
        assertEquals(3, r.failures().size());
        GradCheckResult dir = GradCheck.defaults().elementLimit(0).runTensors(t -> t[0].apply(badSquare), x);
        assertFalse(dir.passed(), dir::toString);
        assertEquals("x·d", dir.worst().name());
    }

    @Test
    void inputsThatNeedNoGradAreHeldFixed() {
        Tensor logits = Tensor.randn(new Random(3), 4, 3).label("logits");
        Tensor labelsAsData = Tensor.of(new double[] {1, 0, 2, 2}).requiresGrad(false);
        GradCheckResult r = GradCheck.checkTensors(
                t -> t[0].logSoftmax(1).gather(1, 1, 0, 2, 2).mean().neg().add(t[1].sum().mul(0)), logits,
                labelsAsData);
        assertTrue(r.passed(), r::toString);
        assertEquals(12, r.entries().size());
    }

    @Test
    void kinksAreFoundPerElement() {
        Tensor x = Tensor.of(new double[] {0, 1.5, -2}).label("x");
        GradCheckResult r = GradCheck.checkTensors(t -> t[0].relu(), x);
        assertTrue(r.passed(), r::toString);
        assertEquals(1, r.kinks().size());
        assertEquals("x[0]", r.kinks().get(0).name());
    }

    @Test
    void scalarTensorsWork() {
        GradCheckResult r = GradCheck.checkTensors(t -> t[0].mul(t[1]).exp(), Tensor.scalar(0.5), Tensor.scalar(-1));
        assertTrue(r.passed(), r::toString);
        assertEquals("x0", r.entries().get(0).name());
    }

    @Test
    void secondDerivativesAreCheckedByHessianVectorProducts() {
        Random rnd = new Random(4);
        Tensor a = Tensor.randn(rnd, 2, 3).label("A");
        Tensor b = Tensor.randn(rnd, 3).label("b");
        GradCheckResult r = GradCheck.defaults().runTensorsSecondOrder(t -> t[0].mul(t[1]).tanh().softmax(1), a, b);
        assertTrue(r.passed(), r::toString);
        assertEquals(11, r.entries().size(), "9 elements, then the graph form's value at the worst element of A and b");
        assertEquals("∇(∇L·d) A[0, 0]", r.entries().get(0).name());
        assertTrue(r.entries().get(9).name().startsWith("∇L graph form A["), r::toString);
        GradCheckResult big = GradCheck.defaults().elementLimit(4)
                .runTensorsSecondOrder(t -> t[0].matmul(t[0].transpose()).sigmoid(), a);
        assertTrue(big.passed(), big::toString);
        assertEquals("∇(∇L·d) A·u", big.entries().get(0).name());
    }

    @Test
    void aWrongGraphFormIsCaughtBySecondOrderOnly() {
        UnaryOp cube = new UnaryOp("cube", null) {
            public double apply(double x) { return x * x * x; }
            public double derivative(double x, double y) { return 3 * x * x; }
            public Value derivative(Value x, Value y) { return x.mul(3); }   // wrong: should be 3x²
        };
        Tensor x = Tensor.of(new double[] {0.7, -1.2}).label("x");
        assertTrue(GradCheck.checkTensors(t -> t[0].apply(cube), x).passed());
        GradCheckResult r = GradCheck.defaults().runTensorsSecondOrder(t -> t[0].apply(cube), x);
        assertFalse(r.passed(), r::toString);
    }

    @Test
    void theExtrapolatedCheckCatchesATensorBackwardOffByOneInAHundredThousand() {
        UnaryOp slightlyWrong = new UnaryOp("sin_off", null) {
            public double apply(double x) { return Math.sin(x); }
            public double derivative(double x, double y) { return Math.cos(x) * (1 + 1e-5); }
            public Value derivative(Value x, Value y) { return x.cos(); }
        };
        Tensor big = Tensor.randn(new Random(3), 64, 65).label("x");
        Function<Tensor[], Tensor> f = t -> t[0].apply(slightlyWrong).softmax(1);
        assertTrue(GradCheck.checkTensors(f, big).passed(), "PyTorch's tolerances let it through");
        GradCheckResult r = GradCheck.extrapolated().runTensors(f, big);
        assertFalse(r.passed(), r::toString);
        assertEquals("x·d", r.worst().name());
        // The estimate counts rounding in units of Σ|w·y| over the 4,160 outputs (about 64, as each
        // softmax row sums to 1), not of |L| (0.027): about 1e-8 of the derivative, far below 1e-5.
        assertTrue(r.worst().errorEstimate() < 1e-7 * Math.abs(r.worst().numerical()), r::toString);
        assertTrue(r.worst().absoluteError() > 100 * r.worst().allowedError(), r::toString);
    }
}
