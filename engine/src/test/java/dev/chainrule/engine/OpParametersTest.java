package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An op tells its parameter values and whether its derivative formulas were written. */
class OpParametersTest {

    @Test
    void parameterisedOpsGiveTheirValuesInRegistryOrder() {
        Value x = Value.of(0.5, "x");
        assertArrayEquals(new double[] {0.2}, x.leakyRelu(0.2).op().parameters());
        assertArrayEquals(new double[] {1.5}, x.elu(1.5).op().parameters());
        assertArrayEquals(new double[] {3}, x.pow(3).op().parameters());
        assertArrayEquals(new double[] {0.01}, OpRegistry.get("leaky_relu").apply(x).op().parameters());
        assertArrayEquals(new double[0], x.sigmoid().op().parameters());
        assertArrayEquals(new double[0], x.add(x).op().parameters());
        // The formula filled in with the node's own parameter: x³ gives 3·x^(3 − 1).
        Op cube = x.pow(3).op();
        assertTrue(cube.info().derivativeFormula(0, List.of("x"), "y", cube.parameters()).equals("3·x^(3 − 1)"));
    }

    @Test
    void onlyAUserOpWithoutMetadataLacksDerivativeFormulas() {
        for (OpInfo op : OpRegistry.all()) {
            assertTrue(op.hasDerivativeFormulas(), op.name());
        }
        CustomOp plain = CustomOp.unary("cube", v -> v * v * v, (v, y) -> 3 * v * v);
        assertFalse(plain.info().hasDerivativeFormulas());
        UnaryOp described = new UnaryOp(OpInfo.builder("cube", null, 1).derivatives("3·{x}²")) {
            public double apply(double v) { return v * v * v; }
            public double derivative(double v, double y) { return 3 * v * v; }
            public Value derivative(Value v, Value y) { return v.pow(2).mul(3); }
        };
        assertTrue(described.info().hasDerivativeFormulas());
        CustomOp withFormula = CustomOp.of(OpInfo.builder("cube", "³", 1).derivatives("3·{x}²"),
                v -> v[0] * v[0] * v[0], (v, y, g) -> g[0] = 3 * v[0] * v[0]);
        assertTrue(withFormula.info().hasDerivativeFormulas());
        assertTrue(withFormula.info().derivativeFormula(0, List.of("x"), "y").equals("3·x²"));
        Value y = Value.apply(withFormula, Value.of(2));
        assertTrue(y.data() == 8 && withFormula.localDerivative(y, 0) == 12);
        assertTrue(withFormula.symbol().equals("³"));
    }
}
