package dev.chainrule.nn.optim;

import dev.chainrule.engine.Node;
import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The parameters of an optimizer, seen as one flat array of numbers with grads. */
final class ParamSet {

    /** One parameter node: a scalar or a tensor. */
    interface Slot {
        int size();

        double data(int i);

        void setData(int i, double v);

        double grad(int i);

        void clearGrad();
    }

    private final Slot[] slots;
    private final int size;

    ParamSet(List<? extends Node> params, String who) {
        Objects.requireNonNull(params, "parameters");
        if (params.isEmpty()) {
            throw new IllegalArgumentException(who + ": no parameters to optimise");
        }
        List<Slot> out = new ArrayList<>(params.size());
        int n = 0;
        for (int i = 0; i < params.size(); i++) {
            Node p = Objects.requireNonNull(params.get(i), who + ": parameter " + i + " is null");
            Slot s = slotOf(p, who, i);
            out.add(s);
            n += s.size();
        }
        this.slots = out.toArray(new Slot[0]);
        this.size = n;
    }

    private static Slot slotOf(Node p, String who, int i) {
        if (p instanceof Value v) {
            return new ValueSlot(v);
        }
        if (p instanceof Tensor t) {
            return new TensorSlot(t);
        }
        throw new IllegalArgumentException(who + ": parameter " + i + " is a "
                + p.getClass().getSimpleName() + "; only Value and Tensor parameters can be optimised");
    }

    int size() {
        return size;
    }

    Slot[] slots() {
        return slots;
    }

    void zeroGrad() {
        for (Slot s : slots) {
            s.clearGrad();
        }
    }

    private record ValueSlot(Value v) implements Slot {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public double data(int i) {
            return v.data();
        }

        @Override
        public void setData(int i, double x) {
            v.setData(x);
        }

        @Override
        public double grad(int i) {
            return v.grad();
        }

        @Override
        public void clearGrad() {
            v.clearGrad();
        }
    }

    /** Reads and writes the tensor's live arrays, so an update allocates nothing. */
    private record TensorSlot(Tensor t) implements Slot {
        @Override
        public int size() {
            return t.size();
        }

        @Override
        public double data(int i) {
            return t.dataArray()[i];
        }

        @Override
        public void setData(int i, double x) {
            t.dataArray()[i] = x;
        }

        @Override
        public double grad(int i) {
            return t.hasGrad() ? t.gradArray()[i] : 0;
        }

        @Override
        public void clearGrad() {
            t.clearGrad();
        }
    }
}
