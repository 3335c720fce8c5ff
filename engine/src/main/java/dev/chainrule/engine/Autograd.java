package dev.chainrule.engine;

import java.util.Arrays;

/**
 * Per-thread modes of the engine: the no-grad scope and anomaly detection.
 *
 * <pre>{@code
 * try (Autograd.Scope s = Autograd.noGrad()) {
 *     w.setData(w.data() - lr * w.grad());   // nothing inside records a graph
 * }
 * try (Autograd.Scope s = Autograd.detectAnomaly()) {
 *     Value y = x.log();                       // throws AnomalyException if x <= 0
 * }
 * }</pre>
 *
 * <p>Scopes nest and are restored on {@link Scope#close()}. They apply to the current thread only.
 */
public final class Autograd {

    /** A mode that lasts until closed; use it in try-with-resources. */
    public interface Scope extends AutoCloseable {
        /** Restores the mode that was in force when this scope was opened. */
        @Override
        void close();
    }

    private static final class State {
        int noGradDepth;
        int anomalyDepth;
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private Autograd() {
    }

    /** Opens a scope in which ops record no graph: results are plain leaves. */
    public static Scope noGrad() {
        State s = STATE.get();
        s.noGradDepth++;
        return new Closer(() -> s.noGradDepth--);
    }

    /**
     * Opens a scope in which ops record a graph even inside {@link #noGrad()}: for engine code
     * that must differentiate a small scalar graph of its own, whatever mode its caller is in.
     */
    static Scope recording() {
        State s = STATE.get();
        int saved = s.noGradDepth;
        s.noGradDepth = 0;
        return new Closer(() -> s.noGradDepth = saved);
    }

    /**
     * Opens a scope in which the first NaN or ±Inf made in a forward or backward pass throws an
     * {@link AnomalyException} that names the op, the node's label and the input values.
     */
    public static Scope detectAnomaly() {
        State s = STATE.get();
        s.anomalyDepth++;
        return new Closer(() -> s.anomalyDepth--);
    }

    /** Whether ops on this thread record a graph (false inside {@link #noGrad()}). */
    public static boolean isGradEnabled() {
        return STATE.get().noGradDepth == 0;
    }

    /** Whether anomaly detection is on for this thread. */
    public static boolean isAnomalyDetectionEnabled() {
        return STATE.get().anomalyDepth > 0;
    }

    /** Called when a forward result is not finite; throws when anomaly detection is on. */
    static void forwardProduced(Op op, double result, Value[] inputs) {
        if (isAnomalyDetectionEnabled()) {
            throw new AnomalyException("anomaly in forward: " + op.name() + " produced " + result
                    + " from inputs " + describe(inputs));
        }
    }

    /** Called when a gradient contribution is not finite; throws when anomaly detection is on. */
    static void backwardProduced(Op op, Value node, int input, double grad) {
        if (isAnomalyDetectionEnabled()) {
            String where = node.label() == null ? "" : " (node '" + node.label() + "')";
            throw new AnomalyException("anomaly in backward: " + op.name() + where
                    + " produced gradient " + grad + " for input " + input
                    + "; node value " + node.data + ", upstream gradient " + node.grad
                    + ", inputs " + describe(node.parents));
        }
    }

    private static String describe(Value[] inputs) {
        String[] parts = new String[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Value v = inputs[i];
            parts[i] = v.label() == null ? Double.toString(v.data) : v.label() + "=" + v.data;
        }
        return Arrays.toString(parts);
    }

    private static final class Closer implements Scope {
        private final Runnable undo;
        private boolean closed;

        Closer(Runnable undo) {
            this.undo = undo;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                undo.run();
            }
        }
    }
}
