package dev.chainrule.engine;

import dev.chainrule.engine.internal.Strided;
import java.util.Arrays;

/**
 * A matrix product plus a bias in one node, {@code a @ b + bias} (PyTorch's {@code addmm}, the
 * affine map of a dense layer): the bias, broadcast to the product's shape, is written into the
 * output first and the product is added onto it, so there is no separate sum node, no second
 * output array and no copy of the gradient between the two. The product's shape rules, forward
 * and backward are {@link MatMulOp}'s; the bias's gradient is the output's, summed back over
 * the axes along which it was broadcast. Rounding differs from {@code a.matmul(b).add(bias)} only
 * in the order of additions (the bias is the first term of each sum, not the last).
 */
final class MatMulAddOp extends TensorOp {
    private final MatMulOp.Dims dims;

    private MatMulAddOp(MatMulOp.Dims dims) {
        super("matmulAdd", "@+");
        this.dims = dims;
    }

    static Tensor apply(Tensor a, Tensor b, Tensor bias) {
        MatMulOp.Dims d = MatMulOp.dims("matmulAdd", a.shape, b.shape);
        int[] joint;
        try {
            joint = Shapes.broadcast("matmulAdd", d.shape, bias.shape);
        } catch (IllegalArgumentException e) {
            joint = null;
        }
        if (joint == null || !Arrays.equals(joint, d.shape)) {
            throw new IllegalArgumentException("matmulAdd: bias of shape " + Shapes.str(bias.shape)
                    + " does not broadcast to the product's shape " + Shapes.str(d.shape) + " ("
                    + Shapes.str(a.shape) + " @ " + Shapes.str(b.shape) + ")");
        }
        double[] y = new double[Shapes.size("matmulAdd", d.shape)];
        Strided.copy(d.shape, biasStrides(d.shape, bias.shape), bias.data, y);
        MatMulOp.multiplyInto(d, a, b, y);
        return Tensor.make(new MatMulAddOp(d), y, d.shape, a, b, bias);
    }

    /** Strides of the output (contiguous) and of the bias broadcast to it (0 along broadcast axes). */
    private static int[][] biasStrides(int[] shape, int[] biasShape) {
        return new int[][] {Shapes.strides(shape), Shapes.broadcastStrides(biasShape, shape)};
    }

    @Override
    void backward(Tensor out) {
        Tensor bias = out.inputs[2];
        MatMulOp.backwardProduct(dims, out.inputs[0], out.inputs[1], out.grad);
        if (bias.requiresGrad) {
            Strided.addBack(out.shape, biasStrides(out.shape, bias.shape), out.grad, bias.gradBuffer());
        }
    }

    @Override
    Tensor[] gradGraph(Tensor out, Tensor g) {
        Tensor[] product = MatMulOp.productGradGraph(out.inputs[0], out.inputs[1], g);
        return new Tensor[] {product[0], product[1], ReductionOps.sumTo(g, out.inputs[2].shape)};
    }
}
