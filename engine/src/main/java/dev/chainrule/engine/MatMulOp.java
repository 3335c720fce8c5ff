package dev.chainrule.engine;

import dev.chainrule.engine.internal.MatMulKernel;
import dev.chainrule.engine.internal.Strided;
import java.util.Arrays;

/**
 * Matrix product with broadcast batch axes: {@code [..., m, k] @ [..., k, n] = [..., m, n]}.
 * The arithmetic is in {@link MatMulKernel}. Backward, per batch: {@code ga += g·bᵀ} and
 * {@code gb += aᵀ·g}; a batch axis along which an operand was broadcast accumulates into the
 * same block of its grad, which sums it back. {@link MatMulAddOp} (the product plus a bias in
 * one node) shares the shape rules, the forward and the backward of the product with this op.
 */
final class MatMulOp extends TensorOp {
    private final Dims dims;

    private MatMulOp(Dims dims) {
        super("matmul", "@");
        this.dims = dims;
    }

    /** The sizes of a product {@code a @ b}: its broadcast batch axes, m, k, n and the output's shape. */
    static final class Dims {
        final int[] batch;
        final int[] shape;
        final int m;
        final int k;
        final int n;

        private Dims(int[] batch, int m, int k, int n) {
            this.batch = batch;
            this.m = m;
            this.k = k;
            this.n = n;
            this.shape = Arrays.copyOf(batch, batch.length + 2);
            shape[batch.length] = m;
            shape[batch.length + 1] = n;
        }
    }

    /**
     * The sizes of {@code a @ b}, or an error that names {@code op} and both shapes.
     *
     * @throws IllegalArgumentException if an operand has fewer than 2 axes, the inner dimensions
     *     differ or the batch axes do not broadcast
     */
    static Dims dims(String op, int[] as, int[] bs) {
        String both = op + ": " + Shapes.str(as) + " @ " + Shapes.str(bs) + ": ";
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
            batch = Shapes.broadcast(op, aBatch, bBatch);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(both + "batch dimensions " + Shapes.str(aBatch) + " and "
                    + Shapes.str(bBatch) + " do not broadcast");
        }
        return new Dims(batch, m, k, n);
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
        Dims d = dims("matmul", a.shape, b.shape);
        double[] y = new double[Shapes.size("matmul", d.shape)];
        multiplyInto(d, a, b, y);
        return Tensor.make(new MatMulOp(d), y, d.shape, a, b);
    }

    /** {@code y += a @ b}, y laid out as {@code d.shape}. */
    static void multiplyInto(Dims d, Tensor a, Tensor b, double[] y) {
        int m = d.m;
        int k = d.k;
        int n = d.n;
        double[] ad = a.data;
        double[] bd = b.data;
        forEachBatch(d.batch, a.shape, b.shape, (ia, ib, io) ->
                MatMulKernel.gemm(ad, ia * m * k, k, 1, bd, ib * k * n, y, io * m * n, m, k, n));
    }

    /**
     * Adds {@code g·bᵀ} into a's grad and {@code aᵀ·g} into b's, for those that require one. An
     * input with no grad yet, in a product without batch axes, gets its grad stored rather than
     * added: the kernel writes a reused array without zeroing it first or reading it back.
     */
    static void backwardProduct(Dims d, Tensor a, Tensor b, double[] g) {
        int m = d.m;
        int k = d.k;
        int n = d.n;
        double[] ad = a.data;
        double[] bd = b.data;
        boolean single = d.batch.length == 0;
        if (a.requiresGrad) {
            double[] fresh = single ? a.gradBufferToOverwrite() : null;
            boolean storeA = fresh != null;
            double[] ga = storeA ? fresh : a.gradBuffer();
            // Bᵀ's element (p, j) is B's (j, p): a strided view, packed in place (no transposed copy).
            forEachBatch(d.batch, a.shape, b.shape, (ia, ib, io) ->
                    MatMulKernel.gemm(g, io * m * n, n, 1, bd, ib * k * n, 1, n, ga, ia * m * k, m, n, k, storeA));
        }
        if (b.requiresGrad) {
            double[] fresh = single ? b.gradBufferToOverwrite() : null;
            boolean storeB = fresh != null;
            double[] gb = storeB ? fresh : b.gradBuffer();
            forEachBatch(d.batch, a.shape, b.shape, (ia, ib, io) ->
                    MatMulKernel.gemm(ad, ia * m * k, 1, k, g, io * m * n, n, 1, gb, ib * k * n, k, m, n, storeB));
        }
    }

    /** The graph form of {@link #backwardProduct}: {@code g @ bᵀ} and {@code aᵀ @ g}, summed to a's and b's shapes. */
    static Tensor[] productGradGraph(Tensor a, Tensor b, Tensor g) {
        return new Tensor[] {ReductionOps.sumTo(g.matmul(b.transpose()), a.shape),
            ReductionOps.sumTo(a.transpose().matmul(g), b.shape)};
    }

    @Override
    void backward(Tensor out) {
        backwardProduct(dims, out.inputs[0], out.inputs[1], out.grad);
    }

    @Override
    Tensor[] gradGraph(Tensor out, Tensor g) {
        return productGradGraph(out.inputs[0], out.inputs[1], g);
    }
}
