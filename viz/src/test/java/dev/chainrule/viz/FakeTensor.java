package dev.chainrule.viz;

import dev.chainrule.engine.Node;
import java.util.List;
import java.util.OptionalDouble;

/** A tensor-shaped node for tests, seen only through the engine's public {@link Node} view. */
final class FakeTensor implements Node {
    private final String label;
    private final int[] shape;
    private final double[] data;
    private final double[] grad;
    private final List<Node> inputs;

    FakeTensor(String label, int[] shape, double[] data, double[] grad, Node... inputs) {
        this.label = label;
        this.shape = shape;
        this.data = data;
        this.grad = grad;
        this.inputs = List.of(inputs);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String opName() {
        return inputs.isEmpty() ? null : "matmul";
    }

    @Override
    public String opSymbol() {
        return inputs.isEmpty() ? null : "@";
    }

    @Override
    public List<? extends Node> inputs() {
        return inputs;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] dataSnapshot() {
        return data.clone();
    }

    @Override
    public double[] gradSnapshot() {
        return grad == null ? null : grad.clone();
    }

    @Override
    public OptionalDouble localDerivative(int input) {
        return OptionalDouble.empty();
    }
}
