package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** Elementwise ops: values, broadcasting, finite-difference gradients, masks, errors. */
class TensorElementwiseTest {

    /** Away from 0 and from kinks, so every op is smooth at every element. */
    private static Tensor mixed() {
        return Tensor.of(new double[] {-1.3, -0.4, 0.7, 1.9, 0.25, -2.2}, 2, 3);
    }

    private static Tensor positive() {
        return Tensor.of(new double[] {0.3, 1.7, 2.5, 0.9, 4.1, 0.6}, 2, 3);
    }

    @Test
    void everyUnaryOpMatchesFiniteDifferences() {
        Map<String, UnaryOperator<Tensor>> ops = new LinkedHashMap<>();
        ops.put("neg", Tensor::neg);
        ops.put("exp", Tensor::exp);
        ops.put("sin", Tensor::sin);
        ops.put("cos", Tensor::cos);
        ops.put("abs", Tensor::abs);
        ops.put("pow3", t -> t.pow(3));
        ops.put("square", Tensor::square);
        ops.put("tanh", Tensor::tanh);
        ops.put("sigmoid", Tensor::sigmoid);
        ops.put("relu", Tensor::relu);
        ops.put("leakyRelu", t -> t.leakyRelu(0.1));
        ops.put("softplus", Tensor::softplus);
        ops.put("elu", Tensor::elu);
        ops.put("elu2", t -> t.elu(2));
        ops.put("gelu", Tensor::gelu);
        ops.put("silu", Tensor::silu);
        ops.put("gaussian", Tensor::gaussian);
        ops.put("identity", Tensor::identity);
        for (Map.Entry<String, UnaryOperator<Tensor>> e : ops.entrySet()) {
            TensorFiniteDifferences.check(e.getKey(), in -> e.getValue().apply(in[0]), mixed());
        }
        TensorFiniteDifferences.check("log", in -> in[0].log(), positive());
        TensorFiniteDifferences.check("sqrt", in -> in[0].sqrt(), positive());
        TensorFiniteDifferences.check("pow-half", in -> in[0].pow(-0.5), positive());
    }

    @Test
    void unaryOpsAgreeWithTheScalarOpElementByElement() {
        Tensor x = mixed();
        double[] s = x.sigmoid().toArray();
        double[] r = x.relu().toArray();
        double[] d = x.toArray();
        for (int i = 0; i < d.length; i++) {
            assertEquals(Value.of(d[i]).sigmoid().data(), s[i], 0.0);
            assertEquals(Math.max(0, d[i]), r[i], 0.0);
        }
        assertArrayEquals(new double[] {0, 0, 1, 1, 1, 0}, x.step().toArray(), 0.0);
        assertArrayEquals(new double[] {-1, -1, 1, 1, 1, -1}, x.sign().toArray(), 0.0);
    }

    @Test
    void binaryOpsBroadcastColumnWithRow() {
        Tensor col = Tensor.of(new double[] {1, 2, 3}, 3, 1);
        Tensor row = Tensor.of(new double[] {10, 20, 30, 40}, 1, 4);
        Tensor sum = col.add(row);
        assertArrayEquals(new int[] {3, 4}, sum.shape());
        assertArrayEquals(new double[] {11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43}, sum.toArray(), 0.0);
        Tensor loss = col.mul(row).sum();
        loss.backward();
        // d/dcol_i Σ_j col_i·row_j = Σ_j row_j = 100; d/drow_j = Σ_i col_i = 6.
        assertArrayEquals(new double[] {100, 100, 100}, col.grad().toArray(), 0.0);
        assertArrayEquals(new double[] {6, 6, 6, 6}, row.grad().toArray(), 0.0);
    }

    @Test
    void everyBinaryOpMatchesFiniteDifferencesWhenBroadcast() {
        Random r = new Random(3);
        Map<String, Function<Tensor[], Tensor>> ops = new LinkedHashMap<>();
        ops.put("add", in -> in[0].add(in[1]));
        ops.put("sub", in -> in[0].sub(in[1]));
        ops.put("mul", in -> in[0].mul(in[1]));
        ops.put("div", in -> in[0].div(in[1]));
        ops.put("pow", in -> in[0].pow(in[1]));
        ops.put("max", in -> in[0].max(in[1]));
        ops.put("min", in -> in[0].min(in[1]));
        for (Map.Entry<String, Function<Tensor[], Tensor>> e : ops.entrySet()) {
            // Positive bases for pow; distinct values so max/min have no ties.
            Tensor col = Tensor.rand(r, 3, 1).add(0.5).detach();
            Tensor row = Tensor.rand(r, 1, 4).add(0.5).detach();
            TensorFiniteDifferences.check(e.getKey() + " [3,1] with [1,4]", e.getValue(), col, row);
            Tensor m = Tensor.rand(r, 2, 3).add(0.5).detach();
            Tensor s = Tensor.scalar(0.9);
            TensorFiniteDifferences.check(e.getKey() + " [2,3] with []", e.getValue(), m, s);
            TensorFiniteDifferences.check(e.getKey() + " [] with [2,3]", e.getValue(), Tensor.scalar(1.1), m);
            Tensor b = Tensor.rand(r, 3).add(0.5).detach();
            TensorFiniteDifferences.check(e.getKey() + " [2,3] with [3]", e.getValue(), m, b);
            Tensor c = Tensor.rand(r, 2, 3).add(0.5).detach();
            TensorFiniteDifferences.check(e.getKey() + " same shape", e.getValue(), m, c);
        }
    }

    @Test
    void doubleOverloadsActAsScalars() {
        Tensor x = Tensor.of(new double[] {1, 2, 3});
        assertArrayEquals(new double[] {3, 4, 5}, x.add(2).toArray(), 0.0);
        assertArrayEquals(new double[] {-1, 0, 1}, x.sub(2).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 0, -1}, x.rsub(2).toArray(), 0.0);
        assertArrayEquals(new double[] {2, 4, 6}, x.mul(2).toArray(), 0.0);
        assertArrayEquals(new double[] {0.5, 1, 1.5}, x.div(2).toArray(), 0.0);
        assertArrayEquals(new double[] {2, 2, 3}, x.max(2).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 2, 2}, x.min(2).toArray(), 0.0);
        x.mul(3).sum().backward();
        assertArrayEquals(new double[] {3, 3, 3}, x.grad().toArray(), 0.0);
    }

    @Test
    void maxAtATieSplitsTheGradientLikeTheScalarOp() {
        Tensor a = Tensor.of(new double[] {1, 2});
        Tensor b = Tensor.of(new double[] {1, 3});
        a.max(b).sum().backward();
        assertArrayEquals(new double[] {0.5, 0}, a.grad().toArray(), 0.0);
        assertArrayEquals(new double[] {0.5, 1}, b.grad().toArray(), 0.0);
    }

    @Test
    void comparisonsGiveConstantMasks() {
        Tensor x = Tensor.of(new double[] {1, 2, 3});
        Tensor y = Tensor.of(new double[] {2, 2, 2});
        assertArrayEquals(new double[] {0, 0, 1}, x.gt(y).toArray(), 0.0);
        assertArrayEquals(new double[] {0, 1, 1}, x.ge(2).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 0, 0}, x.lt(y).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 1, 0}, x.le(2).toArray(), 0.0);
        assertArrayEquals(new double[] {0, 1, 0}, x.eq(y).toArray(), 0.0);
        Tensor mask = x.gt(1.5);
        assertFalse(mask.requiresGrad());
        assertNull(mask.opName());
        // A mask multiplies through without a gradient of its own.
        x.mul(mask).sum().backward();
        assertArrayEquals(new double[] {0, 1, 1}, x.grad().toArray(), 0.0);
    }

    @Test
    void shapesThatDoNotBroadcastAreNamedInTheError() {
        Tensor a = Tensor.zeros(3, 2);
        Tensor b = Tensor.zeros(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertEquals("add: [3, 2] and [4] do not broadcast: sizes 2 and 4 differ and neither is 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.mul(Tensor.zeros(2, 3)));
        assertEquals("mul: [3, 2] and [2, 3] do not broadcast: sizes 3 and 2 differ and neither is 1", e.getMessage());
    }
}
