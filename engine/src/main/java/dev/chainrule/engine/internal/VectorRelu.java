package dev.chainrule.engine.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ReluLoops} on the JDK's Vector API. Like {@link VectorGemm}, only loaded after
 * {@link MatMulKernel#VECTOR} said that the JVM has the module. The forward zeroes where x &lt;= 0,
 * which is false for NaN, so NaN passes through as in the scalar formula; the backward multiplies by 1 or 0, as it does.
 */
public final class VectorRelu {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorRelu() {
    }

    public static void forward(double[] x, double[] y) {
        DoubleVector zero = DoubleVector.zero(S);
        int bound = S.loopBound(x.length);
        int i = 0;
        for (; i < bound; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            v.blend(zero, v.compare(VectorOperators.LE, 0.0)).intoArray(y, i);
        }
        ReluLoops.forwardPlain(x, y, i);
    }

    public static void backward(double[] x, double[] g, double[] gx) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int bound = S.loopBound(x.length);
        int i = 0;
        for (; i < bound; i += S.length()) {
            VectorMask<Double> positive = DoubleVector.fromArray(S, x, i).compare(VectorOperators.GT, 0.0);
            DoubleVector d = zero.blend(one, positive);
            DoubleVector.fromArray(S, gx, i).add(DoubleVector.fromArray(S, g, i).mul(d)).intoArray(gx, i);
        }
        ReluLoops.backwardPlain(x, g, gx, i);
    }
}
