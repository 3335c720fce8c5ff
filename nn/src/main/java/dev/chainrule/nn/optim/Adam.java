package dev.chainrule.nn.optim;

import dev.chainrule.engine.Node;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015), and AdamW's decoupled weight decay (Loshchilov and Hutter, 2019).
 *
 * <p>Per number: {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v + (1−β2)·g²},
 * {@code p ← p − η·m̂/(√v̂ + ε)} with bias-corrected m̂, v̂. Adam's weight decay adds λ·p to g;
 * AdamW's instead shrinks p by η·λ·p before the update.
 *
 * <pre>{@code
 * Optimizer opt = Adam.adamW(model.parameters(), 1e-3, 1e-2);
 * }</pre>
 */
public final class Adam extends ScheduledOptimizer {
    private final boolean decoupled;
    private final double weightDecay;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private final double[] m;
    private final double[] v;

    /**
     * Adam with a constant learning rate, β1 0.9, β2 0.999, ε 1e-8 and no weight decay.
     *
     * @param parameters the parameters to update
     * @param lr the learning rate
     * @throws IllegalArgumentException if the rate is not positive or there are no parameters
     */
    public Adam(List<? extends Node> parameters, double lr) {
        this(parameters, constant(lr, "Adam"), 0, false);
    }

    /**
     * Adam with a learning-rate schedule.
     *
     * @param parameters the parameters to update
     * @param schedule the learning-rate schedule
     * @throws IllegalArgumentException if there are no parameters
     */
    public Adam(List<? extends Node> parameters, LrSchedule schedule) {
        this(parameters, schedule, 0, false);
    }

    private Adam(List<? extends Node> parameters, LrSchedule schedule, double weightDecay, boolean decoupled) {
        super(parameters, schedule, decoupled ? "AdamW" : "Adam");
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam: weight decay must be >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = new double[params.size()];
        this.v = new double[params.size()];
    }

    /**
     * Adam with L2 weight decay λ added to the gradient.
     *
     * @param parameters the parameters to update
     * @param lr the learning rate
     * @param lambda the weight of the penalty
     * @return adam with L2 weight decay λ added to the gradient
     * @throws IllegalArgumentException if the rate is not positive or λ is negative
     */
    public static Adam withWeightDecay(List<? extends Node> parameters, double lr, double lambda) {
        return new Adam(parameters, constant(lr, "Adam"), lambda, false);
    }

    /**
     * AdamW: Adam with decoupled weight decay λ.
     *
     * @param parameters the parameters to update
     * @param lr the learning rate
     * @param lambda the weight of the penalty
     * @return adamW: Adam with decoupled weight decay λ
     * @throws IllegalArgumentException if the rate is not positive or λ is negative
     */
    public static Adam adamW(List<? extends Node> parameters, double lr, double lambda) {
        return new Adam(parameters, constant(lr, "Adam"), lambda, true);
    }

    /**
     * AdamW with a learning-rate schedule.
     *
     * @param parameters the parameters to update
     * @param schedule the learning-rate schedule
     * @param lambda the weight of the penalty
     * @return adamW with a learning-rate schedule
     * @throws IllegalArgumentException if λ is negative
     */
    public static Adam adamW(List<? extends Node> parameters, LrSchedule schedule, double lambda) {
        return new Adam(parameters, schedule, lambda, true);
    }

    /**
     * Sets β1 and β2. Returns this optimizer.
     *
     * @param beta1 the decay of the first-moment estimate
     * @param beta2 the decay of the second-moment estimate
     * @return this optimizer
     * @throws IllegalArgumentException if either is outside [0, 1)
     */
    public Adam betas(double beta1, double beta2) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam: betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    /**
     * Sets ε. Returns this optimizer.
     *
     * @param eps the step
     * @return this optimizer
     * @throws IllegalArgumentException if ε is not positive
     */
    public Adam eps(double eps) {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("Adam: eps must be positive, got " + eps);
        }
        this.eps = eps;
        return this;
    }

    @Override
    void update(double lr, int step) {
        int t = step + 1;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        int k = 0;
        for (ParamSet.Slot slot : params.slots()) {
            for (int i = 0; i < slot.size(); i++, k++) {
                double p = slot.data(i);
                double g = slot.grad(i);
                if (weightDecay != 0) {
                    if (decoupled) {
                        p -= lr * weightDecay * p;
                    } else {
                        g += weightDecay * p;
                    }
                }
                m[k] = beta1 * m[k] + (1 - beta1) * g;
                v[k] = beta2 * v[k] + (1 - beta2) * g * g;
                double mHat = m[k] / c1;
                double vHat = v[k] / c2;
                slot.setData(i, p - lr * mHat / (Math.sqrt(vHat) + eps));
            }
        }
    }
}
