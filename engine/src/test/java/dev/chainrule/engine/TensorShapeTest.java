package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Creation and shape ops: values, gradients, errors. */
class TensorShapeTest {

    @Test
    void creation() {
        assertArrayEquals(new double[] {0, 0, 0, 0}, Tensor.zeros(2, 2).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 1, 1}, Tensor.ones(3).toArray(), 0.0);
        assertArrayEquals(new double[] {7, 7}, Tensor.full(7, 1, 2).toArray(), 0.0);
        assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(4).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, Tensor.arange(1, 3, 0.5).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, Tensor.eye(3).toArray(), 0.0);
        assertEquals(4.5, Tensor.scalar(4.5).item());
        assertArrayEquals(new int[0], Tensor.scalar(4.5).shape());
        Tensor m = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertArrayEquals(new int[] {3, 2}, m.shape());
        assertEquals(4.0, m.get(1, 1));
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}, {5, 6}}, m.toArray2D());
        // Seeded: the same Random gives the same tensor.
        assertArrayEquals(Tensor.randn(new Random(4), 3, 3).toArray(), Tensor.randn(new Random(4), 3, 3).toArray(), 0.0);
        double[] u = Tensor.rand(new Random(4), 100).toArray();
        for (double v : u) {
            assertEquals(0.5, v, 0.5);
        }
    }

    @Test
    void creationErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new double[] {1, 2, 3}, 2, 2));
        assertEquals("Tensor.of: 3 values do not fill shape [2, 2] (4 elements)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[][] {{1, 2}, {3}}));
        assertEquals("Tensor.of: row 1 has 1 values, row 0 has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[] {1, Double.NaN}));
        assertEquals("Tensor.of: value 1 is NaN", e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
        assertEquals("item: tensor of shape [2] has 2 elements; use get(index...) or toArray()", s.getMessage());
    }

    @Test
    void reshapeTransposePermute() {
        Tensor x = Tensor.arange(6).reshape(2, 3);
        assertArrayEquals(new int[] {3, 2}, x.reshape(-1, 2).shape());
        Tensor t = x.transpose();
        assertArrayEquals(new int[] {3, 2}, t.shape());
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, t.toArray(), 0.0);
        Tensor p = Tensor.arange(24).reshape(2, 3, 4).permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertEquals(Tensor.arange(24).reshape(2, 3, 4).get(1, 2, 3), p.get(3, 1, 2));
        Random r = new Random(8);
        TensorFiniteDifferences.check("reshape", in -> in[0].reshape(3, 2).mul(in[0].reshape(3, 2)), Tensor.randn(r, 2, 3));
        TensorFiniteDifferences.check("transpose", in -> in[0].transpose().sin(), Tensor.randn(r, 2, 3));
        TensorFiniteDifferences.check("permute", in -> in[0].permute(1, 2, 0).sin(), Tensor.randn(r, 2, 3, 4));
        TensorFiniteDifferences.check("expand", in -> in[0].expand(2, 3, 4).sin(), Tensor.randn(r, 3, 1));
    }

    @Test
    void sliceConcatStack() {
        Tensor x = Tensor.arange(12).reshape(4, 3);
        assertArrayEquals(new double[] {3, 4, 5, 6, 7, 8}, x.rows(1, 3).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 2, 4, 5, 7, 8, 10, 11}, x.slice(1, 1, 3).toArray(), 0.0);
        Tensor c = Tensor.concat(1, Tensor.zeros(2, 1), Tensor.ones(2, 2));
        assertArrayEquals(new double[] {0, 1, 1, 0, 1, 1}, c.toArray(), 0.0);
        Tensor s = Tensor.stack(0, Tensor.of(new double[] {1, 2}), Tensor.of(new double[] {3, 4}));
        assertArrayEquals(new int[] {2, 2}, s.shape());
        Tensor s1 = Tensor.stack(1, Tensor.of(new double[] {1, 2}), Tensor.of(new double[] {3, 4}));
        assertArrayEquals(new double[] {1, 3, 2, 4}, s1.toArray(), 0.0);
        Random r = new Random(9);
        TensorFiniteDifferences.check("rows", in -> in[0].rows(1, 3).exp(), Tensor.randn(r, 4, 3));
        TensorFiniteDifferences.check("slice", in -> in[0].slice(-1, 1, 2).exp(), Tensor.randn(r, 2, 3, 4));
        TensorFiniteDifferences.check("concat", in -> Tensor.concat(0, in[0], in[1], in[0]).exp(),
                Tensor.randn(r, 2, 3), Tensor.randn(r, 1, 3));
        TensorFiniteDifferences.check("stack", in -> Tensor.stack(1, in[0], in[1]).exp(),
                Tensor.randn(r, 2, 3), Tensor.randn(r, 2, 3));
    }

    @Test
    void indexSelectAndGather() {
        Tensor x = Tensor.arange(12).reshape(4, 3);
        assertArrayEquals(new double[] {9, 10, 11, 0, 1, 2, 9, 10, 11}, x.indexSelect(0, 3, 0, 3).toArray(), 0.0);
        assertArrayEquals(new double[] {2, 1, 5, 4}, x.indexSelect(1, 2, 1).rows(0, 2).toArray(), 0.0);
        assertArrayEquals(new double[] {0, 5, 7, 9}, x.gather(1, 0, 2, 1, 0).toArray(), 0.0);
        assertArrayEquals(new double[] {9, 1, 5}, x.gather(0, 3, 0, 1).toArray(), 0.0);
        Random r = new Random(10);
        TensorFiniteDifferences.check("indexSelect repeats", in -> in[0].indexSelect(0, 1, 1, 0).exp(), Tensor.randn(r, 3, 2));
        TensorFiniteDifferences.check("gather", in -> in[0].gather(1, 2, 0, 1).exp(), Tensor.randn(r, 3, 4));
    }

    @Test
    void emptyTensorsWork() {
        assertEquals(0.0, Tensor.zeros(0, 3).sum().item());
        assertArrayEquals(new double[] {0, 0, 0}, Tensor.zeros(0, 3).sum(0).toArray(), 0.0);
        Tensor c = Tensor.ones(2, 0).matmul(Tensor.ones(0, 3));
        assertArrayEquals(new double[6], c.toArray(), 0.0);
        assertArrayEquals(new int[] {0, 4}, Tensor.zeros(0, 4).softmax(1).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).mean(0));
        assertEquals("mean: shape [0, 3] has no elements along the reduced axes", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).max());
        assertEquals("max: shape [0] has no elements along the reduced axes", e.getMessage());
        Tensor w = Tensor.ones(0, 2);
        Tensor.ones(3, 0).matmul(w).sum().backward();
        assertArrayEquals(new int[] {0, 2}, w.grad().shape());
    }

    @Test
    void shapeErrors() {
        Tensor x = Tensor.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.reshape(4));
        assertEquals("reshape: [2, 3] to [4]: 6 elements do not fit", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, x, Tensor.zeros(2, 4)));
        assertEquals("concat: [2, 3] and [2, 4] differ outside axis 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.slice(1, 2, 5));
        assertEquals("slice: [2, 5) is out of range for axis 1 of size 3 in [2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.gather(1, 0, 3));
        assertEquals("gather: index 3 at position 1 is out of range for axis 1 of size 3 in [2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.indexSelect(0, 2));
        assertEquals("indexSelect: index 2 is out of range for axis 0 of size 2 in [2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.permute(0, 0));
        assertEquals("permute: [0, 0] is not an order of the 2 axes of [2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.expand(4, 3));
        assertEquals("expand: [2, 3] and [4, 3] do not broadcast: sizes 2 and 4 differ and neither is 1", e.getMessage());
    }
}
