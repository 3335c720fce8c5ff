package dev.chainrule.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gradients as graphs, so that they can be differentiated again.
 *
 * <pre>{@code
 * Value x = Value.of(0.3, "x");
 * Value s = x.sigmoid();
 * Value ds = Grad.of(s, x)[0];     // σ(1−σ), as a graph
 * Value d2s = Grad.of(ds, x)[0];   // σ(1−σ)(1−2σ)
 * double[][] h = Grad.hessian(v -> v[0].mul(v[1]).add(v[0].pow(3)), 1.0, 2.0);
 * }</pre>
 *
 * <p>These use the graph-building form of each op's derivative and leave every node's
 * {@link Value#grad()} untouched. Ops whose derivative is piecewise constant (relu, step, max)
 * give a constant, so their second derivative is 0 away from the kink.
 */
public final class Grad {
    private Grad() {
    }

    /**
     * ∂output/∂wrt_i for each i, each as a Value graph. An input the output does not depend on
     * gets a constant 0.
     *
     * @param output the output node
     * @param wrt the nodes to differentiate by
     * @return ∂output/∂wrt_i for each i, each as a Value graph
     * @throws UnsupportedOperationException if the graph holds an op with only numeric derivatives
     */
    public static Value[] of(Value output, Value... wrt) {
        Objects.requireNonNull(output, "output");
        int mark = Topo.nextEpoch();
        Value[] order = Topo.order(output, mark);
        Map<Value, Value> grads = new IdentityHashMap<>();
        grads.put(output, Value.of(1.0));
        for (int k = order.length - 1; k >= 0; k--) {
            Value v = order[k];
            Topo.claim(v, mark);
            Value up = grads.get(v);
            if (up == null || v.op == null) {
                continue;
            }
            for (int i = 0; i < v.inputs.length; i++) {
                Value contribution = up.mul(v.op.localDerivativeGraph(v, i));
                grads.merge(v.inputs[i], contribution, Value::add);
            }
        }
        Value[] out = new Value[wrt.length];
        for (int i = 0; i < wrt.length; i++) {
            Value g = grads.get(wrt[i]);
            out[i] = g == null ? Value.of(0.0) : g;
        }
        return out;
    }

    /**
     * ∂(Σ output)/∂wrt_i for each i, each as a tensor graph of wrt_i's shape, so that it can be
     * differentiated again (for a one-element output this is the plain gradient). A tensor the
     * output does not depend on gets zeros. Grads stored in the tensors are left untouched.
     *
     * <p>Every tensor op has a graph-building rule. The derivative of an elementwise op other
     * than add, sub, mul and div is a node that evaluates the scalar op's graph-form derivative
     * per element (exact, but slower than first-order backward).
     *
     * @param output the output node
     * @param wrt the nodes to differentiate by
     * @return ∂(Σ output)/∂wrt_i for each i, each as a tensor graph of wrt_i's shape, so that it can be
     *     differentiated again (for a one-element output this is the plain gradient)
     * @throws UnsupportedOperationException if a path from an input to the output passes a
     *     user {@link UnaryOp} or {@link BinaryOp} whose graph-form derivative throws it
     */
    public static Tensor[] of(Tensor output, Tensor... wrt) {
        Objects.requireNonNull(output, "output");
        int mark = Topo.nextEpoch();
        Tensor[] order = Topo.order(output, mark);
        for (Tensor t : order) {
            Topo.claim(t, mark); // the order is complete only if no other walk overlapped ours
        }
        // Only nodes that depend on some wrt need a gradient; skipping the rest also avoids
        // asking an op without a graph rule for one that is not needed.
        Map<Tensor, Boolean> relevant = new IdentityHashMap<>();
        for (Tensor w : wrt) {
            relevant.put(Objects.requireNonNull(w, "wrt"), Boolean.TRUE);
        }
        for (Tensor t : order) {
            for (Tensor in : t.inputs) {
                if (relevant.containsKey(in)) {
                    relevant.put(t, Boolean.TRUE);
                    break;
                }
            }
        }
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(output, Tensor.ones(output.shape));
        for (int k = order.length - 1; k >= 0; k--) {
            Tensor t = order[k];
            Tensor up = grads.get(t);
            if (up == null || t.op == null || !dependsOnWrt(t, relevant)) {
                continue;
            }
            Tensor[] gs = t.op.gradGraph(t, up);
            for (int i = 0; i < gs.length; i++) {
                if (gs[i] != null && relevant.containsKey(t.inputs[i])) {
                    grads.merge(t.inputs[i], gs[i], Tensor::add);
                }
            }
        }
        Tensor[] out = new Tensor[wrt.length];
        for (int i = 0; i < wrt.length; i++) {
            Tensor g = grads.get(wrt[i]);
            out[i] = g == null ? Tensor.zeros(wrt[i].shape) : g;
        }
        return out;
    }

    private static boolean dependsOnWrt(Tensor t, Map<Tensor, Boolean> relevant) {
        for (Tensor in : t.inputs) {
            if (relevant.containsKey(in)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The gradient of {@code f} at {@code x}, as numbers.
     *
     * @param f a function of n scalar inputs
     * @param x the point (not modified)
     * @return the gradient of {@code f} at {@code x}, as numbers
     */
    public static double[] gradient(Function<Value[], Value> f, double... x) {
        Value[] in = leaves(x);
        Value y = f.apply(in);
        Value[] g = of(y, in);
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = g[i].data;
        }
        return out;
    }

    /**
     * The Hessian ∂²f/∂x_i∂x_j of {@code f} at {@code x}.
     *
     * @param f a function of n scalar inputs
     * @param x the point (not modified)
     * @return an n×n matrix
     */
    public static double[][] hessian(Function<Value[], Value> f, double... x) {
        Value[] in = leaves(x);
        Value y = f.apply(in);
        Value[] first = of(y, in);
        double[][] h = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            Value[] second = of(first[i], in);
            h[i] = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                h[i][j] = second[j].data;
            }
        }
        return h;
    }

    private static Value[] leaves(double[] x) {
        Value[] in = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = Value.of(x[i], "x" + i);
        }
        return in;
    }
}
