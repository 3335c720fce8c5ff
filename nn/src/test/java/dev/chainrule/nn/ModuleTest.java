package dev.chainrule.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parameter order, default names, setting by name and position, bias options, errors. */
class ModuleTest {

    @Test
    void defaultNamesFollowLayerNeuronWeightThenBias() {
        MLP net = new MLP(2, List.of(2, 1), List.of(Activation.TANH, Activation.LINEAR), new Random(3));
        assertEquals(List.of("l1.n1.w1", "l1.n1.w2", "l1.n1.b", "l1.n2.w1", "l1.n2.w2", "l1.n2.b",
                "l2.n1.w1", "l2.n1.w2", "l2.n1.b"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(9, net.parameterCount());
        for (Value p : net.parameters()) {
            assertTrue(p.label().endsWith(".b") ? p.data() == 0 : p.data() >= -1 && p.data() < 1, p.label());
        }
    }

    @Test
    void sameSeedGivesSameWeights() {
        MLP a = new MLP(3, List.of(4, 2), List.of(Activation.RELU, Activation.LINEAR), new Random(9));
        MLP b = new MLP(3, List.of(4, 2), List.of(Activation.RELU, Activation.LINEAR), new Random(9));
        assertArrayEquals(a.parameterValues(), b.parameterValues(), 0.0);
    }

    @Test
    void neuronComputesActivationOfBiasPlusWeightedSum() {
        Neuron n = Neuron.of(List.of(Value.of(2.0), Value.of(-3.0)), Value.of(0.5), Activation.RELU);
        assertEquals(List.of("w1", "w2", "b"), List.copyOf(n.namedParameters().keySet()));
        assertEquals(0.5 + 2.0 * 1.5 - 3.0 * 0.25, n.forward(1.5, 0.25).data(), 0.0);
        assertEquals(0.0, n.forward(0.0, 1.0).data(), 0.0, "relu cuts 0.5 - 3");
        Value out = n.forward(1.5, 0.25);
        out.backward();
        assertEquals(1.5, n.parameter("w1").grad(), 0.0);
        assertEquals(1.0, n.parameter("b").grad(), 0.0);
    }

    @Test
    void biasCanBeOff() {
        Layer l = new Layer(3, 2, Activation.LINEAR, Bias.NONE, new Random(1));
        assertEquals(6, l.parameterCount());
        l.setParameters(1, 2, 3, 4, 5, 6);
        assertEquals(List.of(14.0, 32.0), l.forward(1.0, 2.0, 3.0).stream().map(Value::data).toList());
        assertTrue(!l.neurons().get(0).hasBias());
    }

    @Test
    void setByNameAndPosition() {
        MLP net = new MLP(1, List.of(1), List.of(Activation.LINEAR), new Random(1));
        net.set("l1.n1.w1", 3.0);
        net.set("l1.n1.b", -1.0);
        assertEquals(5.0, net.forward(2.0).get(0).data(), 0.0);
        net.setParameters(0.5, 0.25);
        assertArrayEquals(new double[] {0.5, 0.25}, net.parameterValues(), 0.0);
        net.zeroGrad();
        net.forward(2.0).get(0).backward();
        assertEquals(2.0, net.parameter("l1.n1.w1").grad(), 0.0);
        net.zeroGrad();
        assertEquals(0.0, net.parameter("l1.n1.w1").grad(), 0.0);
    }

    @Test
    void errorsNameWhatIsWrong() {
        MLP net = new MLP(2, List.of(1), List.of(Activation.LINEAR), new Random(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.set("w9", 1));
        assertEquals("no parameter named 'w9'; the parameters are [l1.n1.w1, l1.n1.w2, l1.n1.b]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.setParameters(1, 2));
        assertEquals("setParameters: the model has 3 parameters, got 2 values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.rename("a", "b", "a"));
        assertEquals("rename: name 'a' is given twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(1.0));
        assertEquals("Layer: expects 2 inputs, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MLP.of(new Layer(2, 3, Activation.RELU, new Random(1)), new Layer(2, 1, Activation.RELU, new Random(1))));
        assertEquals("MLP.of: layer 2 takes 2 inputs but layer 1 gives 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MLP(2, List.of(3, 1), List.of(Activation.RELU), new Random(1)));
        assertEquals("MLP: 2 layer sizes but 1 activations", e.getMessage());
        Layer clash = Layer.of(Neuron.of(List.of(Value.of(1)), null, Activation.LINEAR),
                Neuron.of(List.of(Value.of(2)), null, Activation.LINEAR));
        clash.parameters().get(1).label("n1.w1");
        IllegalStateException s = assertThrows(IllegalStateException.class, clash::namedParameters);
        assertEquals("two parameters are named 'n1.w1'; call rename(...) to give them distinct names", s.getMessage());
    }

    @Test
    void partsWithClashingDefaultNamesArePrefixedWhenCombined() {
        Random rng = new Random(4);
        Layer layer = Layer.of(new Neuron(2, Activation.RELU, rng), new Neuron(2, Activation.RELU, rng));
        assertEquals(List.of("n1.w1", "n1.w2", "n1.b", "n2.w1", "n2.w2", "n2.b"),
                List.copyOf(layer.namedParameters().keySet()));
        MLP net = MLP.of(layer, new Layer(2, 1, Activation.LINEAR, rng));
        assertEquals(List.of("l1.n1.w1", "l1.n1.w2", "l1.n1.b", "l1.n2.w1", "l1.n2.w2", "l1.n2.b",
                "l2.n1.w1", "l2.n1.w2", "l2.n1.b"), List.copyOf(net.namedParameters().keySet()));
        Value shared = Value.of(0.5, "b");
        Layer sharing = Layer.of(Neuron.of(List.of(Value.of(1)), shared, Activation.LINEAR),
                Neuron.of(List.of(Value.of(2)), shared, Activation.LINEAR));
        assertEquals(List.of("n1.w1", "n2.w1", "n1.b"), List.copyOf(sharing.namedParameters().keySet()),
                "a shared bias is prefixed once, by the first neuron that has it, and listed at its last use");
    }

    @Test
    void printsLikeMicrograd() {
        Layer l = new Layer(2, 2, Activation.RELU, new Random(1));
        assertEquals("Layer of [ReluNeuron(2), ReluNeuron(2)]", l.toString());
    }
}
