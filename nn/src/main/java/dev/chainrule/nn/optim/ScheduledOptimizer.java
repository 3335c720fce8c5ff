package dev.chainrule.nn.optim;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Node;
import java.util.List;
import java.util.Objects;

/** What every optimizer here shares: its parameters, its schedule, its step count, no-grad updates. */
abstract class ScheduledOptimizer implements Optimizer {
    final ParamSet params;
    private final LrSchedule schedule;
    private final String name;
    private int steps;

    ScheduledOptimizer(List<? extends Node> parameters, LrSchedule schedule, String name) {
        this.params = new ParamSet(parameters, name);
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.name = name;
    }

    static LrSchedule constant(double lr, String name) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException(name + ": learning rate must be positive, got " + lr);
        }
        return LrSchedule.constant(lr);
    }

    /** Updates every number of every parameter; runs in no-grad. */
    abstract void update(double lr, int step);

    @Override
    public final void step() {
        double lr = schedule.at(steps);
        if (!Double.isFinite(lr)) {
            throw new IllegalStateException(name + ": the schedule gave learning rate " + lr + " at step " + steps);
        }
        try (Autograd.Scope s = Autograd.noGrad()) {
            update(lr, steps);
        }
        steps++;
    }

    @Override
    public final void zeroGrad() {
        params.zeroGrad();
    }

    @Override
    public final int steps() {
        return steps;
    }

    @Override
    public final double gradNorm() {
        double sum = 0;
        for (ParamSet.Slot slot : params.slots()) {
            for (int i = 0; i < slot.size(); i++) {
                double g = slot.grad(i);
                sum += g * g;
            }
        }
        return Math.sqrt(sum);
    }

    @Override
    public final double learningRate() {
        return schedule.at(steps);
    }
}
