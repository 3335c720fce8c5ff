package dev.chainrule.nn.tensor;

import dev.chainrule.engine.Tensor;
import dev.chainrule.nn.Activation;
import java.util.List;
import java.util.Objects;

/**
 * An activation as a module without parameters, for a {@link Sequential}.
 *
 * <pre>{@code
 * Sequential net = new Sequential(fc1, new ActivationLayer(Activation.RELU), fc2);
 * }</pre>
 */
public final class ActivationLayer implements TensorModule {
    private final Activation activation;

    /**
     * A layer applying {@code activation} elementwise.
     *
     * @param activation the activation
     */
    public ActivationLayer(Activation activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    /** {@return the activation} */
    public Activation activation() {
        return activation;
    }

    @Override
    public Tensor forward(Tensor x) {
        return activation.apply(x);
    }

    /** None. */
    @Override
    public List<Tensor> parameters() {
        return List.of();
    }

    /** For example {@code RELU}. */
    @Override
    public String toString() {
        return activation.name();
    }
}
