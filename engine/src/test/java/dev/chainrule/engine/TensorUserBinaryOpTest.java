package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A user's {@link BinaryOp} subclass applied to tensors with {@link Tensor#apply(BinaryOp, Tensor)}:
 * forward, broadcast backward, its name in the graph and its graph-form second derivatives.
 */
class TensorUserBinaryOpTest {

    /** f(a, b) = a²·b: ∂f/∂a = 2ab, ∂f/∂b = a². */
    private static final BinaryOp SQUARE_TIMES = new BinaryOp("squareTimes", "a²b") {
        @Override
        public double apply(double a, double b) {
            return a * a * b;
        }

        @Override
        public double derivativeA(double a, double b, double y) {
            return 2 * a * b;
        }

        @Override
        public double derivativeB(double a, double b, double y) {
            return a * a;
        }

        @Override
        public Value derivativeA(Value a, Value b, Value y) {
            return a.mul(b).mul(2);
        }

        @Override
        public Value derivativeB(Value a, Value b, Value y) {
            return a.mul(a);
        }
    };

    @Test
    void appliesElementwiseWithBroadcastingAndSumsTheGradBack() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new double[] {10, -1});              // broadcast over the rows of a
        Tensor y = a.apply(SQUARE_TIMES, b);
        assertArrayEquals(new int[] {2, 2}, y.shape());
        assertArrayEquals(new double[] {10, -4, 90, -16}, y.toArray(), 0.0);
        assertEquals("squareTimes", y.opName());
        assertEquals("a²b", y.opSymbol());
        assertEquals(1, Graph.of(y.sum()).nodes().stream().filter(n -> "a²b".equals(n.opSymbol())).count(),
                "the graph view shows the user's symbol");
        y.sum().backward();
        assertArrayEquals(new double[] {20, -4, 60, -8}, a.grad().toArray(), 0.0);   // 2ab
        assertArrayEquals(new double[] {1 + 9, 4 + 16}, b.grad().toArray(), 0.0);     // Σ over rows of a²
    }

    @Test
    void itsGraphFormDerivativesGiveSecondDerivatives() {
        Tensor a = Tensor.of(new double[] {1, 2, 3});
        Tensor b = Tensor.of(new double[] {4, 5, 6});
        Tensor[] g = Grad.of(a.apply(SQUARE_TIMES, b).sum(), a, b);
        assertArrayEquals(new double[] {8, 20, 36}, g[0].toArray(), 0.0);           // 2ab
        assertArrayEquals(new double[] {1, 4, 9}, g[1].toArray(), 0.0);             // a²
        Tensor[] h = Grad.of(g[0].sum(), a, b);
        assertArrayEquals(new double[] {8, 10, 12}, h[0].toArray(), 0.0);           // ∂(2ab)/∂a = 2b
        assertArrayEquals(new double[] {2, 4, 6}, h[1].toArray(), 0.0);             // ∂(2ab)/∂b = 2a
    }
}
