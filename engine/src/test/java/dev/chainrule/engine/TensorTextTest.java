package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTextTest {
    @Test
    void aMatrixPrintsAsNestedRowsWithItsShapeAndLabel() {
        Tensor w = Tensor.of(new double[][] {{1, 2, 3}, {4, 5.5, -6}}).label("W");
        assertEquals("Tensor(W, shape [2, 3],\n"
                + "       [[  1,   2,   3],\n"
                + "        [  4, 5.5,  -6]])", w.toString());
    }

    @Test
    void aScalarAndAVector() {
        assertEquals("Tensor(shape [],\n       2.5)", Tensor.scalar(2.5).toString());
        assertEquals("Tensor(shape [3],\n       [1, 2, 3])", Tensor.of(new double[] {1, 2, 3}).toString());
    }

    @Test
    void rankThreeBlocksAreSeparatedByABlankLine() {
        Tensor t = Tensor.arange(0, 8, 1).reshape(2, 2, 2);
        assertEquals("Tensor(shape [2, 2, 2], op reshape,\n"
                + "       [[[0, 1],\n"
                + "         [2, 3]],\n"
                + "\n"
                + "        [[4, 5],\n"
                + "         [6, 7]]])", t.toString());
    }

    @Test
    void aLargeTensorShowsItsEdgesOnly() {
        String s = Tensor.arange(0, 2000, 1).reshape(40, 50).toString();
        assertTrue(s.startsWith("Tensor(shape [40, 50], op reshape,\n       [[   0,    1,    2, ...,   47,   48,   49],\n"), s);
        assertTrue(s.endsWith("[1950, 1951, 1952, ..., 1997, 1998, 1999]])"), s);
        assertEquals(7 + 1, s.lines().count(), "three rows, the ellipsis row and three rows, plus the header:\n" + s);
    }
}
