package dev.chainrule.testkit;

import dev.chainrule.engine.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * A random tensor expression from {@link TensorExprGenerator}: inputs x [m, n], y [1, n],
 * z [m, 1] and u [n, n], and tensor ops applied to them (elementwise with broadcasting,
 * reductions with and without keepDims, softmax, matmul). Sub-expressions may be shared.
 * Immutable; nodes use identity.
 *
 * <pre>{@code
 * t1 = softmax(x, 1)
 * f = t1 * logsumexp(t1 @ u, 0, keep) + y
 * }</pre>
 */
public final class TensorExpr {
    /** How a node's shape relates to x's [m, n]. */
    enum Form {
        /** [m, n]. */
        FULL,
        /** [1, n], or [n] without keepDims: broadcasts along rows. */
        ROW,
        /** [m, 1]: broadcasts along columns. */
        COLUMN,
        /** A scalar: broadcasts everywhere. */
        SCALAR
    }

    /** One operation: its text and how it builds the tensor. */
    record Op(String name, int arity, Form form, UnaryOperator<Tensor> unary, BinaryOperator<Tensor> binary,
            boolean infix) {
        Tensor apply(Tensor[] a) {
            return arity == 1 ? unary.apply(a[0]) : binary.apply(a[0], a[1]);
        }
    }

    /** Inputs: x [m, n], y [1, n], z [m, 1], u [n, n]. */
    static final String[] INPUTS = {"x", "y", "z", "u"};

    private final Op op;
    private final TensorExpr[] args;
    private final int input;
    private final Form form;

    private TensorExpr(Op op, TensorExpr[] args, int input, Form form) {
        this.op = op;
        this.args = args;
        this.input = input;
        this.form = form;
    }

    static TensorExpr input(int i) {
        Form f = i == 0 ? Form.FULL : i == 1 ? Form.ROW : i == 2 ? Form.COLUMN : Form.FULL;
        return new TensorExpr(null, new TensorExpr[0], i, f);
    }

    static TensorExpr apply(Op op, TensorExpr... args) {
        return new TensorExpr(op, args.clone(), -1, op.form() != null ? op.form() : args[0].form);
    }

    Form form() {
        return form;
    }

    boolean isInput() {
        return op == null;
    }

    int inputIndex() {
        return input;
    }

    List<TensorExpr> arguments() {
        return List.of(args);
    }

    /** Every distinct node, arguments first, this one last. */
    List<TensorExpr> nodes() {
        List<TensorExpr> out = new ArrayList<>();
        visit(this, new IdentityHashMap<>(), out);
        return out;
    }

    private static void visit(TensorExpr e, Map<TensorExpr, Boolean> seen, List<TensorExpr> out) {
        // Depth is bounded by the generator, so recursion is safe here.
        if (seen.put(e, Boolean.TRUE) != null) {
            return;
        }
        for (TensorExpr a : e.args) {
            visit(a, seen, out);
        }
        out.add(e);
    }

    /** {@return the number of distinct nodes} */
    public int size() {
        return nodes().size();
    }

    /**
     * Builds the tensor graph over {@code inputs} (x, y, z, u); a shared node is built once.
     *
     * @param inputs the inputs
     * @return the new tensor
     */
    public Tensor evaluate(Tensor... inputs) {
        Map<TensorExpr, Tensor> built = new IdentityHashMap<>();
        for (TensorExpr e : nodes()) {
            Tensor t;
            if (e.isInput()) {
                t = inputs[e.input];
            } else {
                Tensor[] a = new Tensor[e.args.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = built.get(e.args[i]);
                }
                t = e.op.apply(a);
            }
            built.put(e, t);
        }
        return built.get(this);
    }

    /** A copy with every occurrence of {@code target} replaced; sharing elsewhere is kept. */
    TensorExpr replace(TensorExpr target, TensorExpr replacement) {
        Map<TensorExpr, TensorExpr> rebuilt = new IdentityHashMap<>();
        for (TensorExpr e : nodes()) {
            TensorExpr r;
            if (e == target) {
                r = replacement;
            } else if (e.isInput()) {
                r = e;
            } else {
                TensorExpr[] a = new TensorExpr[e.args.length];
                boolean changed = false;
                for (int i = 0; i < a.length; i++) {
                    a[i] = rebuilt.get(e.args[i]);
                    changed |= a[i] != e.args[i];
                }
                r = changed ? new TensorExpr(e.op, a, -1, e.form) : e;
            }
            rebuilt.put(e, r);
        }
        return rebuilt.get(this);
    }

    /**
     * Whether this node may stand for {@code other}: the same form. ([1, n] and [n] differ in
     * rank, but a row only ever meets a full [m, n] or another row, where both broadcast alike.)
     */
    boolean sameShapeAs(TensorExpr other) {
        return form == other.form;
    }

    /** The expression as a program: {@code tN = ...} for shared nodes, then {@code f = ...}. */
    @Override
    public String toString() {
        Map<TensorExpr, Integer> uses = new IdentityHashMap<>();
        List<TensorExpr> nodes = nodes();
        for (TensorExpr e : nodes) {
            for (TensorExpr a : e.args) {
                uses.merge(a, 1, Integer::sum);
            }
        }
        Map<TensorExpr, String> names = new IdentityHashMap<>();
        StringBuilder s = new StringBuilder();
        for (TensorExpr e : nodes) {
            if (e != this && !e.isInput() && uses.getOrDefault(e, 0) > 1) {
                String n = "t" + (names.size() + 1);
                s.append(n).append(" = ").append(e.body(names)).append('\n');
                names.put(e, n);
            }
        }
        return s.append("f = ").append(body(names)).toString();
    }

    private String body(Map<TensorExpr, String> names) {
        if (isInput()) {
            return INPUTS[input];
        }
        String[] a = new String[args.length];
        for (int i = 0; i < a.length; i++) {
            String n = names.get(args[i]);
            a[i] = n != null ? n : args[i].isInput() || !args[i].op.infix() ? args[i].body(names)
                    : "(" + args[i].body(names) + ")";
        }
        if (op.infix()) {
            return a[0] + " " + op.name() + " " + a[1];
        }
        String call = op.name();
        int open = call.indexOf('(');
        if (open < 0) {
            return call + "(" + String.join(", ", a) + ")";
        }
        String rest = call.substring(open + 1);
        return call.substring(0, open + 1) + String.join(", ", a) + (rest.equals(")") ? ")" : ", " + rest);
    }
}
