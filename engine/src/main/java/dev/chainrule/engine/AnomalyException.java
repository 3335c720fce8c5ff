package dev.chainrule.engine;

/**
 * Thrown inside {@link Autograd#detectAnomaly()} when an op makes NaN or ±Inf. The message names
 * the op, the node's label (if any) and the input values.
 */
public class AnomalyException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** @param message what was made, by which op, from which inputs */
    public AnomalyException(String message) {
        super(message);
    }
}
