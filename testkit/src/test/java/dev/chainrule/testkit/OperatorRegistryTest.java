package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** testkit's built-in operators are the engine registry's ops, with the registry's domains and kinks. */
class OperatorRegistryTest {

    @Test
    void everyRegistryFunctionIsABuiltinOperatorInRegistryOrder() {
        List<String> expected = new ArrayList<>();
        for (OpInfo op : OpRegistry.all()) {
            if (op.kind() != OpInfo.Kind.ARITHMETIC) {
                expected.add(op.name());
            }
        }
        List<String> calls = new ArrayList<>();
        for (Operator o : Operator.builtins()) {
            if (o.notation == Operator.Notation.FUNCTION) {
                calls.add(o.name());
            }
        }
        assertEquals(expected, calls);
        assertTrue(calls.contains("softsign"));
    }

    @Test
    void domainsAndKinksComeFromTheRegistry() {
        assertFalse(Operator.builtin("log").admits(0.0005), "log keeps 0.001 from its singular point");
        assertTrue(Operator.builtin("log").admits(0.002));
        assertFalse(Operator.builtin("/").admits(1, -0.0005));
        assertTrue(Operator.builtin("/").admits(1, 0.5));
        assertFalse(Operator.builtin("pow").admits(-1, 2));
        assertEquals(0.25, Operator.builtin("relu").kinkDistance(-0.25), 0.0);
        assertEquals(0.5, Operator.builtin("max").kinkDistance(1, 1.5), 0.0);
        assertEquals(0.1, Operator.builtin("softsign").kinkDistance(0.1), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Operator.builtin("tanh").kinkDistance(0), 0.0);
        assertEquals(3, Operator.builtin("sum").arity());
        assertEquals(-0.02, Operator.builtin("leaky_relu").apply(dev.chainrule.engine.Value.of(-2)).data(), 1e-15,
                "leaky_relu at the registry's default slope");
    }
}
