package dev.chainrule.nn.optim;

/**
 * Updates parameters from their gradients. Updates run inside {@code Autograd.noGrad()}.
 *
 * <pre>{@code
 * for (int k = 0; k < 100; k++) {
 *     opt.zeroGrad();
 *     Value loss = lossOf(model);
 *     loss.backward();
 *     opt.step();
 * }
 * }</pre>
 */
public interface Optimizer {

    /** Makes one update from the current gradients. */
    void step();

    /** Sets the gradients of all the optimizer's parameters to 0. */
    void zeroGrad();

    /** {@return how many updates have been made} */
    int steps();

    /** {@return the learning rate the next {@link #step()} will use} */
    double learningRate();

    /** {@return the L2 norm of all the parameters' current gradients, √(Σ g²)} */
    double gradNorm();
}
