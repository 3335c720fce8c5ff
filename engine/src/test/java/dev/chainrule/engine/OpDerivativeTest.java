package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every op's backward derivative against a central finite difference, away from kinks. */
class OpDerivativeTest {

    private static final double H = 1e-6;

    static Stream<Arguments> unaryOps() {
        double[] anywhere = {-2.3, -0.7, 0.4, 1.9};
        double[] positive = {0.3, 1.1, 2.7, 7.5};
        return Stream.of(
                Arguments.of("neg", (UnaryOperator<Value>) Value::neg, anywhere),
                Arguments.of("pow 3", (UnaryOperator<Value>) x -> x.pow(3), anywhere),
                Arguments.of("pow 2", (UnaryOperator<Value>) x -> x.pow(2), anywhere),
                Arguments.of("pow -1.5", (UnaryOperator<Value>) x -> x.pow(-1.5), positive),
                Arguments.of("exp", (UnaryOperator<Value>) Value::exp, anywhere),
                Arguments.of("log", (UnaryOperator<Value>) Value::log, positive),
                Arguments.of("sqrt", (UnaryOperator<Value>) Value::sqrt, positive),
                Arguments.of("abs", (UnaryOperator<Value>) Value::abs, anywhere),
                Arguments.of("sin", (UnaryOperator<Value>) Value::sin, anywhere),
                Arguments.of("cos", (UnaryOperator<Value>) Value::cos, anywhere),
                Arguments.of("identity", (UnaryOperator<Value>) Value::identity, anywhere),
                Arguments.of("tanh", (UnaryOperator<Value>) Value::tanh, anywhere),
                Arguments.of("sigmoid", (UnaryOperator<Value>) Value::sigmoid, anywhere),
                Arguments.of("relu", (UnaryOperator<Value>) Value::relu, anywhere),
                Arguments.of("leaky_relu", (UnaryOperator<Value>) x -> x.leakyRelu(0.01), anywhere),
                Arguments.of("softplus", (UnaryOperator<Value>) Value::softplus, anywhere),
                Arguments.of("elu", (UnaryOperator<Value>) Value::elu, anywhere),
                Arguments.of("elu 0.5", (UnaryOperator<Value>) x -> x.elu(0.5), anywhere),
                Arguments.of("gelu", (UnaryOperator<Value>) Value::gelu, anywhere),
                Arguments.of("silu", (UnaryOperator<Value>) Value::silu, anywhere),
                Arguments.of("gaussian", (UnaryOperator<Value>) Value::gaussian, anywhere),
                Arguments.of("step", (UnaryOperator<Value>) Value::step, anywhere),
                Arguments.of("sign", (UnaryOperator<Value>) Value::sign, anywhere));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryOps")
    void unaryDerivativeMatchesCentralDifference(String name, UnaryOperator<Value> f, double[] points) {
        for (double x0 : points) {
            Value x = Value.of(x0);
            Value y = f.apply(x);
            y.backward();
            double numeric = (f.apply(Value.of(x0 + H)).data() - f.apply(Value.of(x0 - H)).data()) / (2 * H);
            assertEquals(numeric, x.grad(), 1e-6 * Math.max(1, Math.abs(numeric)), name + " at " + x0);
        }
    }

    static Stream<Arguments> binaryOps() {
        double[][] anywhere = {{-2.3, 0.7}, {0.4, -1.9}, {1.5, 2.5}, {-0.6, -3.1}};
        double[][] positiveBase = {{0.3, 1.7}, {2.2, -0.4}, {1.5, 2.5}, {0.9, 0.5}};
        return Stream.of(
                Arguments.of("add", (BinaryOperator<Value>) Value::add, anywhere),
                Arguments.of("sub", (BinaryOperator<Value>) Value::sub, anywhere),
                Arguments.of("mul", (BinaryOperator<Value>) Value::mul, anywhere),
                Arguments.of("div", (BinaryOperator<Value>) Value::div, anywhere),
                Arguments.of("pow", (BinaryOperator<Value>) Value::pow, positiveBase),
                Arguments.of("max", (BinaryOperator<Value>) Value::max, anywhere),
                Arguments.of("min", (BinaryOperator<Value>) Value::min, anywhere),
                Arguments.of("sum", (BinaryOperator<Value>) (a, b) -> Value.sum(a, b, a), anywhere));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOps")
    void binaryDerivativesMatchCentralDifference(String name, BinaryOperator<Value> f, double[][] points) {
        for (double[] p : points) {
            Value a = Value.of(p[0]);
            Value b = Value.of(p[1]);
            f.apply(a, b).backward();
            double da = (f.apply(Value.of(p[0] + H), Value.of(p[1])).data()
                    - f.apply(Value.of(p[0] - H), Value.of(p[1])).data()) / (2 * H);
            double db = (f.apply(Value.of(p[0]), Value.of(p[1] + H)).data()
                    - f.apply(Value.of(p[0]), Value.of(p[1] - H)).data()) / (2 * H);
            assertEquals(da, a.grad(), 1e-6 * Math.max(1, Math.abs(da)), name + " d/da at " + p[0] + "," + p[1]);
            assertEquals(db, b.grad(), 1e-6 * Math.max(1, Math.abs(db)), name + " d/db at " + p[0] + "," + p[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryOps")
    void graphFormOfTheDerivativeAgreesWithTheNumericForm(String name, UnaryOperator<Value> f, double[] points) {
        for (double x0 : points) {
            Value x = Value.of(x0);
            Value y = f.apply(x);
            y.backward();
            double graph = Grad.of(y, x)[0].data();
            assertEquals(x.grad(), graph, 1e-12 * Math.max(1, Math.abs(graph)), name + " at " + x0);
            assertTrue(Double.isFinite(graph));
        }
    }
}
