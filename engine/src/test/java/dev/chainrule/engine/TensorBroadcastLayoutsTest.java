package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Add, subtract and multiply take their own loops for the layouts of a layer and a loss (same
 * shapes, a repeated row such as a bias, a single value; see ElementwiseOps.forwardRows): every
 * layout, either operand first, gives the generic broadcast walk's numbers and gradients bit for
 * bit. The reference is the same op without its fast path, evaluated element by element.
 */
class TensorBroadcastLayoutsTest {
    private static final int[][][] LAYOUTS = {
        {{5, 7}, {7}}, {{5, 7}, {1, 7}}, {{5, 7}, {5, 7}}, {{5, 7}, {}}, {{5, 7}, {1}}, {{5, 7}, {1, 1}},
        {{5, 7}, {5, 1}}, {{2, 3, 4}, {3, 4}}, {{2, 3, 4}, {4}}, {{2, 3, 4}, {1, 3, 4}}, {{2, 3, 4}, {2, 1, 4}},
        {{100, 16}, {16}}, {{100, 1}, {}}, {{100, 1}, {100, 1}}, {{0, 3}, {3}}, {{1}, {1}}, {{3}, {2, 3}},
    };

    /** The op's formula and derivatives without its row fast path: the generic per-element walk. */
    private static BinaryOp withoutFastPath(BinaryOp f) {
        return new BinaryOp(f.name() + "Generic", f.symbol()) {
            @Override
            public double apply(double a, double b) {
                return f.apply(a, b);
            }

            @Override
            public double derivativeA(double a, double b, double y) {
                return f.derivativeA(a, b, y);
            }

            @Override
            public double derivativeB(double a, double b, double y) {
                return f.derivativeB(a, b, y);
            }

            @Override
            public Value derivativeA(Value a, Value b, Value y) {
                return f.derivativeA(a, b, y);
            }

            @Override
            public Value derivativeB(Value a, Value b, Value y) {
                return f.derivativeB(a, b, y);
            }
        };
    }

    private static Tensor random(Random r, int[] shape) {
        Tensor t = Tensor.randn(r, shape);
        double[] d = t.dataArray();
        for (int i = 0; i < d.length; i += 5) {
            d[i] = i % 2 == 0 ? -0.0 : 1e300;
        }
        return t;
    }

    @Test
    void addSubAndMulGiveTheGenericWalksNumbersOnEveryLayout() {
        Random r = new Random(17);
        int checked = 0;
        for (BinaryOp f : new BinaryOp[] {Ops.ADD, Ops.SUB, Ops.MUL}) {
            BinaryOp generic = withoutFastPath(f);
            for (int[][] layout : LAYOUTS) {
                for (int order = 0; order < 2; order++) {
                    int[] as = layout[order];
                    int[] bs = layout[1 - order];
                    String what = f.name() + " " + Shapes.str(as) + ", " + Shapes.str(bs);
                    Tensor a = random(r, as);
                    Tensor b = random(r, bs);
                    Tensor a2 = a.detach();
                    Tensor b2 = b.detach();
                    Tensor fast = a.apply(f, b);
                    Tensor slow = a2.apply(generic, b2);
                    assertArrayEquals(slow.shape(), fast.shape(), what);
                    assertArrayEquals(slow.toArray(), fast.toArray(), 0.0, what + ": values");
                    Tensor seed = random(r, fast.shape());
                    fast.backward(seed);
                    slow.backward(seed);
                    assertArrayEquals(a2.grad().toArray(), a.grad().toArray(), 0.0, what + ": ∂/∂a");
                    assertArrayEquals(b2.grad().toArray(), b.grad().toArray(), 0.0, what + ": ∂/∂b");
                    checked++;
                }
            }
        }
        assertEquals(3 * LAYOUTS.length * 2, checked);
    }

    @Test
    void anOperandWithoutAGradGetsNoneOnTheFastLayouts() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(false);
        Tensor bias = Tensor.of(new double[] {10, 20, 30}, 3);
        Tensor y = x.mul(bias).add(bias);
        assertArrayEquals(new double[] {20, 60, 120, 50, 120, 210}, y.toArray(), 0.0);
        y.sum().backward();
        assertEquals(false, x.hasGrad());
        // ∂/∂bias of x·bias + bias, summed over the two rows: x's column sums plus 2.
        assertArrayEquals(new double[] {5 + 2, 7 + 2, 9 + 2}, bias.grad().toArray(), 0.0);
    }

    @Test
    void theRepeatedRowIsFoundOnlyWhereThePartIsTheWholesTrailingAxes() {
        assertEquals(7, ElementwiseOps.repeatedRow(new int[] {5, 7}, new int[] {7}));
        assertEquals(7, ElementwiseOps.repeatedRow(new int[] {5, 7}, new int[] {1, 1, 7}));
        assertEquals(12, ElementwiseOps.repeatedRow(new int[] {2, 3, 4}, new int[] {3, 4}));
        assertEquals(35, ElementwiseOps.repeatedRow(new int[] {5, 7}, new int[] {5, 7}));
        assertEquals(1, ElementwiseOps.repeatedRow(new int[] {5, 7}, new int[] {}));
        assertEquals(1, ElementwiseOps.repeatedRow(new int[] {5, 7}, new int[] {1, 1}));
        assertEquals(-1, ElementwiseOps.repeatedRow(new int[] {5, 7}, new int[] {5, 1}));
        assertEquals(-1, ElementwiseOps.repeatedRow(new int[] {2, 3, 4}, new int[] {2, 1, 4}));
        assertEquals(-1, ElementwiseOps.repeatedRow(new int[] {7}, new int[] {5, 7}));
    }
}
