package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A tensor MLP and the same network built from scalar Values give the same numbers. */
class TensorMlpTest {

    @Test
    void twoLayerMlpGradientsMatchTheScalarNetworkTo1e12() {
        Random r = new Random(42);
        int batch = 5;
        int in = 4;
        int hidden = 6;
        int out = 3;
        Tensor x = Tensor.randn(r, batch, in).requiresGrad(false);
        Tensor w1 = Tensor.randn(r, in, hidden).mul(0.5).detach();
        Tensor b1 = Tensor.randn(r, hidden).mul(0.1).detach();
        Tensor w2 = Tensor.randn(r, hidden, out).mul(0.5).detach();
        Tensor b2 = Tensor.randn(r, out).mul(0.1).detach();
        Tensor y = Tensor.randn(r, batch, out).requiresGrad(false);

        // Tensor network: mean squared error of tanh(x·W1 + b1)·W2 + b2.
        Tensor h = x.matmul(w1).add(b1).tanh();
        Tensor pred = h.matmul(w2).add(b2);
        Tensor loss = pred.sub(y).square().mean();
        loss.backward();

        // The same network, one Value per number.
        Value[][] sw1 = values(w1);
        Value[] sb1 = values(b1)[0];
        Value[][] sw2 = values(w2);
        Value[] sb2 = values(b2)[0];
        List<Value> terms = new ArrayList<>();
        for (int n = 0; n < batch; n++) {
            Value[] hs = new Value[hidden];
            for (int j = 0; j < hidden; j++) {
                List<Value> parts = new ArrayList<>();
                for (int i = 0; i < in; i++) {
                    parts.add(sw1[i][j].mul(x.get(n, i)));
                }
                parts.add(sb1[j]);
                hs[j] = Value.sum(parts).tanh();
            }
            for (int k = 0; k < out; k++) {
                List<Value> parts = new ArrayList<>();
                for (int j = 0; j < hidden; j++) {
                    parts.add(hs[j].mul(sw2[j][k]));
                }
                parts.add(sb2[k]);
                Value d = Value.sum(parts).sub(y.get(n, k));
                terms.add(d.mul(d));
            }
        }
        Value sloss = Value.sum(terms).div(batch * out);
        sloss.backward();

        assertEquals(sloss.data(), loss.item(), 1e-12);
        assertClose(sw1, w1.grad());
        assertClose(new Value[][] {sb1}, b1.grad().reshape(1, hidden));
        assertClose(sw2, w2.grad());
        assertClose(new Value[][] {sb2}, b2.grad().reshape(1, out));
    }

    private static Value[][] values(Tensor t) {
        int rows = t.rank() == 1 ? 1 : t.shape(0);
        int cols = t.shape(-1);
        Value[][] v = new Value[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i][j] = Value.of(t.toArray()[i * cols + j]);
            }
        }
        return v;
    }

    private static void assertClose(Value[][] scalar, Tensor grad) {
        for (int i = 0; i < scalar.length; i++) {
            for (int j = 0; j < scalar[i].length; j++) {
                assertEquals(scalar[i][j].grad(), grad.get(i, j), 1e-12, "element " + i + "," + j);
            }
        }
    }
}
