package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.internal.ReluLoops;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every fast path an op declares gives its formula's numbers bit for bit, and a user-defined op
 * can declare one too.
 */
class FastPathTest {
    private static final double[] SPECIAL = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e-300, -2.5, 2.5, 1e300};

    private static double[] input(int n, Random r) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 3 == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian();
        }
        return x;
    }

    @Test
    void everyDeclaredUnaryFastPathIsItsFormula() {
        Random r = new Random(3);
        int declared = 0;
        for (OpInfo info : OpRegistry.all()) {
            if (!(info.op() instanceof UnaryOp f) || f.fastPath() == null) {
                continue;
            }
            declared++;
            for (int n : new int[] {0, 1, 7, 33, ReluLoops.VECTOR_SIZE + 5}) {
                double[] x = input(n, r);
                double[] g = input(n, r);
                double[] gx = input(n, r);
                double[] y = new double[n];
                double[] gxFast = gx.clone();
                f.fastPath().forward(x, y);
                f.fastPath().backward(x, y, g, gxFast);
                for (int i = 0; i < n; i++) {
                    double yi = f.apply(x[i]);
                    assertEquals(yi, y[i], 0.0, f.name() + " at " + x[i]);
                    assertEquals(gx[i] + g[i] * f.derivative(x[i], yi), gxFast[i], 0.0, f.name() + "' at " + x[i]);
                }
            }
        }
        assertTrue(declared >= 1, "relu declares one");
        assertNotNull(Ops.RELU.fastPath());
    }

    @Test
    void everyDeclaredRowFastPathIsItsFormula() {
        Random r = new Random(4);
        int declared = 0;
        for (OpInfo info : OpRegistry.all()) {
            if (!(info.op() instanceof BinaryOp f) || f.rowFastPath() == null) {
                continue;
            }
            declared++;
            BinaryOp.RowFastPath fast = f.rowFastPath();
            // Every pair of strides 0 (a broadcast value), 1 (the loops of their own) and 2.
            for (int sa = 0; sa <= 2; sa++) {
                for (int sb = 0; sb <= 2; sb++) {
                    int len = 17;
                    double[] a = input(2 * len + 2, r);
                    double[] b = input(2 * len, r);
                    double[] g = input(len, r);
                    double[] y = new double[len];
                    double[] ga = input(2 * len + 2, r);
                    double[] gb = input(2 * len, r);
                    double[] gaFast = ga.clone();
                    double[] gbFast = gb.clone();
                    fast.forward(a, 2, sa, b, 1, sb, y, 0, len);
                    fast.backwardA(a, 2, sa, b, 1, sb, y, g, 0, gaFast, len);
                    fast.backwardB(a, 2, sa, b, 1, sb, y, g, 0, gbFast, len);
                    for (int k = 0; k < len; k++) {
                        double ak = a[2 + k * sa];
                        double bk = b[1 + k * sb];
                        double yk = f.apply(ak, bk);
                        assertEquals(yk, y[k], 0.0, f.name() + ", strides " + sa + ", " + sb);
                        ga[2 + k * sa] += g[k] * f.derivativeA(ak, bk, yk);
                        gb[1 + k * sb] += g[k] * f.derivativeB(ak, bk, yk);
                    }
                    for (int k = 0; k < ga.length; k++) {
                        assertEquals(ga[k], gaFast[k], 0.0, f.name() + " ∂/∂a, strides " + sa + ", " + sb);
                    }
                    for (int k = 0; k < gb.length; k++) {
                        assertEquals(gb[k], gbFast[k], 0.0, f.name() + " ∂/∂b, strides " + sa + ", " + sb);
                    }
                }
            }
        }
        assertEquals(3, declared, "add, sub and mul declare one");
    }

    /** x², with loops over whole arrays declared by the user. */
    static final class Square extends UnaryOp {
        int fastCalls;

        Square() {
            super("square", "x²");
        }

        public double apply(double x) {
            return x * x;
        }

        public double derivative(double x, double y) {
            return 2 * x;
        }

        public Value derivative(Value x, Value y) {
            return x.mul(2);
        }

        @Override
        public FastPath fastPath() {
            return new FastPath() {
                public void forward(double[] x, double[] y) {
                    fastCalls++;
                    for (int i = 0; i < x.length; i++) {
                        y[i] = x[i] * x[i];
                    }
                }

                public void backward(double[] x, double[] y, double[] g, double[] gx) {
                    fastCalls++;
                    for (int i = 0; i < x.length; i++) {
                        gx[i] += g[i] * (2 * x[i]);
                    }
                }
            };
        }
    }

    @Test
    void aUserOpCanDeclareAFastPath() {
        Square sq = new Square();
        Tensor x = Tensor.of(new double[] {-1.5, 0.5, 3}, 3);
        Tensor y = x.apply(sq);
        y.sum().backward();
        assertEquals(2, sq.fastCalls, "forward and backward both ran the declared loops");
        assertEquals(2.25, y.get(0), 0.0);
        assertEquals(9.0, y.get(2), 0.0);
        assertEquals(-3.0, x.grad().get(0), 0.0);
        assertEquals(6.0, x.grad().get(2), 0.0);
        Tensor d = Grad.of(x.apply(sq).sum(), x)[0];
        assertEquals(1.0, d.get(1), 0.0, "the graph form still comes from the scalar derivative");
    }
}
