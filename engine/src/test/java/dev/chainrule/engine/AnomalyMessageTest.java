package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** One backward pass and one anomaly message format, for scalar and tensor graphs alike. */
class AnomalyMessageTest {

    @Test
    void scalarAndTensorAnomaliesReadTheSame() {
        try (Autograd.Scope s = Autograd.detectAnomaly()) {
            Value x = Value.of(0, "x");
            Value r = x.sqrt().label("r");
            AnomalyException scalar = assertThrows(AnomalyException.class, r::backward);
            assertEquals("anomaly in backward: sqrt (node 'r') produced gradient Infinity for input 0 ('x')",
                    scalar.getMessage());
            Tensor t = Tensor.of(new double[] {4, 0}, 2).label("x");
            Tensor q = t.sqrt().label("r");
            AnomalyException tensor = assertThrows(AnomalyException.class, () -> q.sum().backward());
            assertEquals("anomaly in backward: sqrt (node 'r' [2]) produced gradient Infinity at element 1"
                    + " for input 0 ('x' [2])", tensor.getMessage());
            AnomalyException forward = assertThrows(AnomalyException.class, () -> Value.of(1, "a").div(x));
            assertEquals("anomaly in forward: div produced Infinity from inputs [a=1.0, x=0.0]", forward.getMessage());
        }
    }

    @Test
    void theSameAccumulationRuleForValuesAndTensors() {
        // a + a twice: the leaf accumulates across calls, the intermediate is reset each time.
        Value a = Value.of(3);
        Value s = a.add(a);
        s.backward();
        s.backward();
        assertEquals(4.0, a.grad(), 0.0);
        assertEquals(1.0, s.grad(), 0.0);
        Tensor b = Tensor.of(new double[] {3}, 1);
        Tensor u = b.add(b).sum();
        u.backward();
        u.backward();
        assertEquals(4.0, b.grad().item(), 0.0);
        assertEquals(1.0, u.grad().item(), 0.0);
        // A leaf as the output: its grad grows by the seed on every call.
        Value leaf = Value.of(2);
        leaf.backward();
        leaf.backward();
        assertEquals(2.0, leaf.grad(), 0.0);
    }
}
