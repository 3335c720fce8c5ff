package dev.chainrule.engine;

import java.util.concurrent.atomic.AtomicInteger;

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

    /**
     * How many {@link #noGrad()} scopes are open on all threads together. While it is 0, which is
     * the usual state of a training step's forward pass, {@link #isGradEnabled()} answers without
     * the thread-local lookup: every scalar op asks, and the lookup was a measurable part of
     * building a graph of tens of thousands of nodes. When it is not 0 the thread's own depth
     * decides, as before; another thread's open scope only costs this thread the lookup.
     */
    private static final AtomicInteger OPEN_NO_GRAD_SCOPES = new AtomicInteger();

    private Autograd() {
    }

    /**
     * Opens a scope in which ops record no graph: results are plain leaves.
     *
     * @return the resulting scope
     */
    public static Scope noGrad() {
        State s = STATE.get();
        s.noGradDepth++;
        OPEN_NO_GRAD_SCOPES.incrementAndGet();
        return new Closer(() -> {
            s.noGradDepth--;
            OPEN_NO_GRAD_SCOPES.decrementAndGet();
        });
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
     *
     * @return the resulting scope
     */
    public static Scope detectAnomaly() {
        State s = STATE.get();
        s.anomalyDepth++;
        return new Closer(() -> s.anomalyDepth--);
    }

    /** {@return whether ops on this thread record a graph (false inside {@link #noGrad()})} */
    public static boolean isGradEnabled() {
        return OPEN_NO_GRAD_SCOPES.get() == 0 || STATE.get().noGradDepth == 0;
    }

    /** {@return whether anomaly detection is on for this thread} */
    public static boolean isAnomalyDetectionEnabled() {
        return STATE.get().anomalyDepth > 0;
    }

    /**
     * The one message for a forward anomaly, scalar or tensor: {@code anomaly in forward: div
     * produced Infinity from inputs [x=1.0, y=0.0]}.
     *
     * @param element the element's index in a tensor, or -1 for a scalar
     * @param inputs  the inputs, as their nodes describe them
     */
    static AnomalyException forwardAnomaly(String op, double value, int element, String inputs) {
        return new AnomalyException("anomaly in forward: " + op + " produced " + value + at(element)
                + " from inputs " + inputs);
    }

    /**
     * The one message for a backward anomaly, scalar or tensor: {@code anomaly in backward: sqrt
     * (node 'r') produced gradient Infinity for input 0 (x=0.0)}.
     *
     * @param node    how the node names itself ({@link GraphNode#anomalyName()})
     * @param element the element's index in a tensor, or -1 for a scalar
     * @param input   which input's grad went bad
     * @param inputName how that input names itself
     */
    static AnomalyException backwardAnomaly(String op, String node, double grad, int element, int input,
            String inputName) {
        return new AnomalyException("anomaly in backward: " + op + " (node " + node + ") produced gradient "
                + grad + at(element) + " for input " + input + " (" + inputName + ")");
    }

    private static String at(int element) {
        return element < 0 ? "" : " at element " + element;
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
