package dev.chainrule.nn.train;

/** Why a {@link Trainer} stopped. */
public enum StopReason {
    /** It ran every epoch it was given. */
    EPOCHS_DONE,
    /** The training loss changed by less than the loss tolerance between two epochs. */
    LOSS_CONVERGED,
    /** The gradient norm fell below the gradient tolerance. */
    GRADIENT_SMALL,
    /** The held-out loss did not improve for {@code patience} epochs in a row. */
    VALIDATION_NOT_IMPROVING
}
