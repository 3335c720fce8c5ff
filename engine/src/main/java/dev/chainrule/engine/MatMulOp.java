package dev.chainrule.engine;

import dev.chainrule.engine.internal.MatMulKernel;
import dev.chainrule.engine.internal.Strided;
import java.util.Arrays;

/**
 * Matrix product with broadcast batch axes: {@code [..., m, k] @ [..., k, n] = [..., m, n]}.
 * The arithmetic is in {@link MatMulKernel}. Backward, per batch: {@code ga += g·bᵀ} and
 * {@code gb += aᵀ·g}; a batch axis along which an operand was broadcast accumulates into the
 * same block of its grad, which sums it back.
 */
final class MatMulOp extends TensorOp {
    private final int[] batch;

    private MatMulOp(int[] batch) {
        super("matmul", "@");
        this.batch = batch;
    }

    /** Calls {@code fn} with the block index of a, b and the output for every batch element. */
    private interface BatchFn {
        void at(int ia, int ib, int io);
    }

    private static void forEachBatch(int[] batch, int[] aShape, int[] bShape, BatchFn fn) {
        int[] aBatch = Shapes.dropLast(aShape, 2);
        int[] bBatch = Shapes.dropLast(bShape, 2);
        int[][] strides = {Shapes.strides(batch), Shapes.broadcastStrides(aBatch, batch),
            Shapes.broadcastStrides(bBatch, batch)};
        Strided.forEachRow(batch, strides, (off, st, len) -> {
            for (int j = 0; j < len; j++) {
                fn.at(off[1] + j * st[1], off[2] + j * st[2], off[0] + j * st[0]);
            }
        });
    }

    static Tensor apply(Tensor a, Tensor b) {
        int[] as = a.shape;
        int[] bs = b.shape;
        String both = "matmul: " + Shapes.str(as) + " @ " + Shapes.str(bs) + ": ";
        if (as.length < 2 || bs.length < 2) {
            throw new IllegalArgumentException(both + "both operands need at least 2 axes "
                    + "(reshape a vector to [1, n] or [n, 1])");
        }
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int k2 = bs[bs.length - 2];
        int n = bs[bs.length - 1];
        if (k != k2) {
            throw new IllegalArgumentException(both + "inner dimensions " + k + " and " + k2 + " differ");
        }
        int[] aBatch = Shapes.dropLast(as, 2);
        int[] bBatch = Shapes.dropLast(bs, 2);
        int[] batch;
        try {
            batch = Shapes.broadcast("matmul", aBatch, bBatch);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(both + "batch dimensions " + Shapes.str(aBatch) + " and "
                    + Shapes.str(bBatch) + " do not broadcast");
        }
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = m;
        shape[batch.length + 1] = n;
        double[] y = new double[Shapes.size("matmul", shape)];
        double[] ad = a.data;
        double[] bd = b.data;
        forEachBatch(batch, as, bs, (ia, ib, io) ->
                MatMulKernel.gemm(ad, ia * m * k, k, 1, bd, ib * k * n, y, io * m * n, m, k, n));
        return Tensor.make(new MatMulOp(batch), y, shape, a, b);
    }

    @Override
    void backward(Tensor out) {
        Tensor a = out.inputs[0];
        Tensor b = out.inputs[1];
        int[] as = a.shape;
        int[] bs = b.shape;
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        double[] g = out.grad;
        double[] ad = a.data;
        if (a.requiresGrad) {
            double[] ga = a.gradBuffer();
            double[] bd = b.data;
            // Bᵀ's element (p, j) is B's (j, p): a strided view, packed in place (no transposed copy).
            forEachBatch(batch, as, bs, (ia, ib, io) ->
                    MatMulKernel.gemm(g, io * m * n, n, 1, bd, ib * k * n, 1, n, ga, ia * m * k, m, n, k));
        }
        if (b.requiresGrad) {
            double[] gb = b.gradBuffer();
            forEachBatch(batch, as, bs, (ia, ib, io) ->
                    MatMulKernel.gemm(ad, ia * m * k, 1, k, g, io * m * n, gb, ib * k * n, k, m, n));
        }
    }

    @Override
    Tensor[] gradGraph(Tensor out, Tensor g) {
        Tensor a = out.inputs[0];
        Tensor b = out.inputs[1];
        return new Tensor[] {ReductionOps.sumTo(g.matmul(b.transpose()), a.shape),
            ReductionOps.sumTo(a.transpose().matmul(g), b.shape)};
    }
}
