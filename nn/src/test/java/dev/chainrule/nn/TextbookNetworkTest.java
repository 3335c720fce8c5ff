package dev.chainrule.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chainrule.engine.Value;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The 2-2-2 sigmoid network of the Foundation issue (Matt Mazur's worked example), built with nn
 * classes: shared biases b1 and b2, textbook names, the printed digits.
 */
class TextbookNetworkTest {

    private static void assertDigits(double expected, double actual, int decimals, String what) {
        assertEquals(expected, actual, 0.5 * Math.pow(10, -decimals), what);
    }

    static MLP textbookNetwork() {
        MLP net = new MLP(2, List.of(2, 2), List.of(Activation.SIGMOID, Activation.SIGMOID),
                Bias.SHARED, new Random(0));
        net.rename("w1", "w2", "w3", "w4", "b1", "w5", "w6", "w7", "w8", "b2");
        net.setParameters(0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60);
        return net;
    }

    @Test
    void sharedBiasesAndTextbookNames() {
        MLP net = textbookNetwork();
        assertEquals(List.of("w1", "w2", "w3", "w4", "b1", "w5", "w6", "w7", "w8", "b2"),
                List.copyOf(net.namedParameters().keySet()));
        Layer hidden = net.layers().get(0);
        assertSame(hidden.neurons().get(0).bias(), hidden.neurons().get(1).bias());
        assertEquals("b1", hidden.neurons().get(1).bias().label());
        assertEquals(0.35, net.parameter("b1").data());
        assertEquals("w5", net.layers().get(1).neurons().get(0).weights().get(0).label());
    }

    @Test
    void forwardBackwardAndOneUpdateMatchThePrintedDigits() {
        MLP net = textbookNetwork();
        List<Value> hidden = net.layers().get(0).forward(0.05, 0.10);
        List<Value> out = net.layers().get(1).forward(hidden);
        Value total = Losses.halfSse(out, new double[] {0.01, 0.99});

        assertDigits(0.593269992, hidden.get(0).data(), 9, "out_h1");
        assertDigits(0.596884378, hidden.get(1).data(), 9, "out_h2");
        assertDigits(0.75136507, out.get(0).data(), 8, "out_o1");
        assertDigits(0.772928465, out.get(1).data(), 9, "out_o2");
        assertDigits(0.298371109, total.data(), 9, "E_total");
        assertEquals(total.data(), Losses.halfSse(net.forward(0.05, 0.10), new double[] {0.01, 0.99}).data(),
                0.0, "MLP.forward builds the same numbers as the layers one by one");

        net.zeroGrad();
        total.backward();
        assertDigits(0.082167041, net.parameter("w5").grad(), 9, "dE/dw5");
        // The textbook updates the weights only, not the biases.
        List<Value> weights = net.parameters().stream().filter(p -> p.label().startsWith("w")).toList();
        new Sgd(weights, 0.5).step();
        double[] expected = {0.149780716, 0.19956143, 0.24975114, 0.29950229,
                0.35891648, 0.408666186, 0.511301270, 0.561370121};
        int[] decimals = {9, 8, 8, 8, 8, 9, 9, 9};
        for (int k = 1; k <= 8; k++) {
            assertDigits(expected[k - 1], net.parameter("w" + k).data(), decimals[k - 1], "w" + k);
        }
        assertEquals(0.35, net.parameter("b1").data(), 0.0, "b1 is not updated");
    }

    @Test
    void handBuiltFromNamedValues() {
        Value b1 = Value.of(0.35, "b1");
        Value b2 = Value.of(0.60, "b2");
        Layer hidden = Layer.of(
                Neuron.of(List.of(Value.of(0.15, "w1"), Value.of(0.20, "w2")), b1, Activation.SIGMOID),
                Neuron.of(List.of(Value.of(0.25, "w3"), Value.of(0.30, "w4")), b1, Activation.SIGMOID));
        Layer output = Layer.of(
                Neuron.of(List.of(Value.of(0.40, "w5"), Value.of(0.45, "w6")), b2, Activation.SIGMOID),
                Neuron.of(List.of(Value.of(0.50, "w7"), Value.of(0.55, "w8")), b2, Activation.SIGMOID));
        MLP net = MLP.of(hidden, output);
        assertEquals(List.copyOf(textbookNetwork().namedParameters().keySet()),
                List.copyOf(net.namedParameters().keySet()));
        assertEquals(0.298371109, Losses.halfSse(net.forward(0.05, 0.10), new double[] {0.01, 0.99}).data(), 5e-10);
    }
}
