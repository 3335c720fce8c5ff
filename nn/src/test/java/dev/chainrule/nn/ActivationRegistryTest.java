package dev.chainrule.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every activation but LINEAR is the registry's activation op of the same name, at its defaults. */
class ActivationRegistryTest {

    @Test
    void activationsAreRegistryOps() {
        assertNull(Activation.LINEAR.info());
        for (Activation a : Activation.values()) {
            if (a == Activation.LINEAR) {
                continue;
            }
            OpInfo op = OpRegistry.get(a.name().toLowerCase(Locale.ROOT));
            assertSame(op, a.info(), a.name());
            assertEquals(OpInfo.Kind.ACTIVATION, op.kind(), a.name());
            for (double x : new double[] {-1.7, -0.2, 0.4, 2.5}) {
                Value v = a.apply(Value.of(x));
                assertEquals(op.apply(Value.of(x)).data(), v.data(), 0.0, a + " at " + x);
                assertEquals(op.name(), v.op().name());
                assertEquals(v.data(), a.apply(Tensor.of(new double[] {x}, 1)).item(), 0.0, a + " on a tensor at " + x);
            }
        }
        assertEquals(-0.02, Activation.LEAKY_RELU.apply(Value.of(-2)).data(), 1e-15, "slope 0.01, the registry's default");
    }

    /** The course's Sign as a neuron's activation: −1 below 0, 1 from 0 on, on Values and tensors. */
    @Test
    void bipolarStepIsTheCoursesSign() {
        assertEquals(-1.0, Activation.BIPOLAR_STEP.apply(Value.of(-0.2)).data(), 0.0);
        assertEquals(1.0, Activation.BIPOLAR_STEP.apply(Value.of(0)).data(), 0.0);
        assertEquals(0.0, Activation.BIPOLAR_STEP.apply(Tensor.of(new double[] {0}, 1)).item() - 1, 0.0);
        Neuron n = new Neuron(2, Activation.BIPOLAR_STEP, new java.util.Random(1));
        n.setParameters(1, -1, 0);
        assertEquals(1.0, n.forward(2, 2).data(), 0.0, "w·x + b = 0 → 1");
        assertEquals(-1.0, n.forward(1, 2).data(), 0.0, "w·x + b = −1 → −1");
    }
}
