package dev.chainrule.nn.optim;

import dev.chainrule.engine.Node;
import java.util.List;

/**
 * Stochastic gradient descent: {@code p ← p − η·g}, optionally with momentum
 * ({@code v ← μ·v + g; p ← p − η·v}, PyTorch's form) and weight decay ({@code g ← g + λ·p}).
 * Without momentum and weight decay the update is exactly {@code p − η·g}.
 *
 * <pre>{@code
 * Sgd sgd = new Sgd(model.parameters(), 0.1).momentum(0.9);
 * }</pre>
 */
public final class Sgd extends ScheduledOptimizer {
    private double momentum;
    private double weightDecay;
    private double[] velocity;

    /**
     * SGD with a constant learning rate.
     *
     * @param parameters Values or Tensors to update (the nodes are updated in place)
     * @param lr the learning rate, positive
     * @throws IllegalArgumentException if the rate is not positive or there are no parameters
     */
    public Sgd(List<? extends Node> parameters, double lr) {
        this(parameters, constant(lr, "Sgd"));
    }

    /**
     * SGD with a learning-rate schedule.
     *
     * @param parameters the parameters to update
     * @param schedule the learning-rate schedule
     * @throws IllegalArgumentException if there are no parameters
     */
    public Sgd(List<? extends Node> parameters, LrSchedule schedule) {
        super(parameters, schedule, "Sgd");
    }

    /**
     * Sets the momentum μ (0 turns it off). Returns this optimizer.
     *
     * @param mu the mu
     * @return this optimizer
     * @throws IllegalArgumentException if μ is outside [0, 1)
     */
    public Sgd momentum(double mu) {
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("Sgd: momentum must be in [0, 1), got " + mu);
        }
        this.momentum = mu;
        return this;
    }

    /**
     * Sets the L2 weight decay λ added to each gradient. Returns this optimizer.
     *
     * @param lambda the weight of the penalty
     * @return this optimizer
     * @throws IllegalArgumentException if λ is negative
     */
    public Sgd weightDecay(double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("Sgd: weight decay must be >= 0, got " + lambda);
        }
        this.weightDecay = lambda;
        return this;
    }

    @Override
    void update(double lr, int step) {
        if (momentum != 0 && velocity == null) {
            velocity = new double[params.size()];
        }
        int k = 0;
        for (ParamSet.Slot slot : params.slots()) {
            for (int i = 0; i < slot.size(); i++, k++) {
                double p = slot.data(i);
                double g = slot.grad(i);
                if (weightDecay != 0) {
                    g += weightDecay * p;
                }
                if (momentum != 0) {
                    velocity[k] = momentum * velocity[k] + g;
                    g = velocity[k];
                }
                slot.setData(i, p - lr * g);
            }
        }
    }
}
