package dev.chainrule.engine.internal;

import dev.chainrule.engine.BinaryOp;

/**
 * The row fast paths ({@link BinaryOp.RowFastPath}) of add, subtract and multiply over broadcast
 * tensors: plain loops that C2 can unroll and vectorise, where the generic path makes a call per
 * element. The common strides (1 for a whole operand, 0 for a single value) get loops of their
 * own: C2 vectorises a loop only when its index steps by a constant. Each gives exactly the
 * numbers of its op's formula ({@code a + b}, {@code a − b},
 * {@code a·b} and their derivatives 1, −1, b and a).
 */
public final class ArithmeticRows {
    private ArithmeticRows() {
    }

    /** a + b; both derivatives are 1, so the gradient is added as it is. */
    public static final BinaryOp.RowFastPath ADD = new BinaryOp.RowFastPath() {
        @Override
        public void forward(double[] a, int i, int si, double[] b, int j, int sj, double[] y, int o, int len) {
            if (si == 1 && sj == 1) {
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k] + b[j + k];
                }
            } else if (si == 1 && sj == 0) {
                double v = b[j];
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k] + v;
                }
            } else if (si == 0 && sj == 1) {
                double v = a[i];
                for (int k = 0; k < len; k++) {
                    y[o + k] = v + b[j + k];
                }
            } else {
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k * si] + b[j + k * sj];
                }
            }
        }

        @Override
        public void backwardA(double[] a, int i, int si, double[] b, int j, int sj, double[] y, double[] g, int o,
                double[] ga, int len) {
            addInto(g, o, ga, i, si, len);
        }

        @Override
        public void backwardB(double[] a, int i, int si, double[] b, int j, int sj, double[] y, double[] g, int o,
                double[] gb, int len) {
            addInto(g, o, gb, j, sj, len);
        }
    };

    /** a − b; the gradient goes to a as it is and to b negated. */
    public static final BinaryOp.RowFastPath SUB = new BinaryOp.RowFastPath() {
        @Override
        public void forward(double[] a, int i, int si, double[] b, int j, int sj, double[] y, int o, int len) {
            if (si == 1 && sj == 1) {
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k] - b[j + k];
                }
            } else if (si == 1 && sj == 0) {
                double v = b[j];
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k] - v;
                }
            } else {
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k * si] - b[j + k * sj];
                }
            }
        }

        @Override
        public void backwardA(double[] a, int i, int si, double[] b, int j, int sj, double[] y, double[] g, int o,
                double[] ga, int len) {
            addInto(g, o, ga, i, si, len);
        }

        @Override
        public void backwardB(double[] a, int i, int si, double[] b, int j, int sj, double[] y, double[] g, int o,
                double[] gb, int len) {
            if (sj == 1) {
                for (int k = 0; k < len; k++) {
                    gb[j + k] -= g[o + k];
                }
            } else {
                for (int k = 0; k < len; k++) {
                    gb[j + k * sj] -= g[o + k];
                }
            }
        }
    };

    /** a·b; ∂/∂a is b and ∂/∂b is a. */
    public static final BinaryOp.RowFastPath MUL = new BinaryOp.RowFastPath() {
        @Override
        public void forward(double[] a, int i, int si, double[] b, int j, int sj, double[] y, int o, int len) {
            if (si == 1 && sj == 1) {
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k] * b[j + k];
                }
            } else if (si == 1 && sj == 0) {
                double v = b[j];
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k] * v;
                }
            } else if (si == 0 && sj == 1) {
                double v = a[i];
                for (int k = 0; k < len; k++) {
                    y[o + k] = v * b[j + k];
                }
            } else {
                for (int k = 0; k < len; k++) {
                    y[o + k] = a[i + k * si] * b[j + k * sj];
                }
            }
        }

        @Override
        public void backwardA(double[] a, int i, int si, double[] b, int j, int sj, double[] y, double[] g, int o,
                double[] ga, int len) {
            if (si == 1 && sj == 1) {
                for (int k = 0; k < len; k++) {
                    ga[i + k] += g[o + k] * b[j + k];
                }
            } else if (si == 1 && sj == 0) {
                double v = b[j];
                for (int k = 0; k < len; k++) {
                    ga[i + k] += g[o + k] * v;
                }
            } else {
                for (int k = 0; k < len; k++) {
                    ga[i + k * si] += g[o + k] * b[j + k * sj];
                }
            }
        }

        @Override
        public void backwardB(double[] a, int i, int si, double[] b, int j, int sj, double[] y, double[] g, int o,
                double[] gb, int len) {
            if (si == 1 && sj == 1) {
                for (int k = 0; k < len; k++) {
                    gb[j + k] += g[o + k] * a[i + k];
                }
            } else if (si == 0 && sj == 1) {
                double v = a[i];
                for (int k = 0; k < len; k++) {
                    gb[j + k] += g[o + k] * v;
                }
            } else {
                for (int k = 0; k < len; k++) {
                    gb[j + k * sj] += g[o + k] * a[i + k * si];
                }
            }
        }
    };

    private static void addInto(double[] g, int o, double[] into, int at, int stride, int len) {
        if (stride == 1) {
            for (int k = 0; k < len; k++) {
                into[at + k] += g[o + k];
            }
        } else if (stride == 0) {
            // A single value's grad: the same additions in the same order, in a register.
            double s = into[at];
            for (int k = 0; k < len; k++) {
                s += g[o + k];
            }
            into[at] = s;
        } else {
            for (int k = 0; k < len; k++) {
                into[at + k * stride] += g[o + k];
            }
        }
    }
}
