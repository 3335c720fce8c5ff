package dev.chainrule.testkit;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An expression over numbered inputs: an input, a constant, or an {@link Operator} applied to
 * sub-expressions. Sub-expressions may be shared ({@code a + a}, diamonds): a shared node is
 * built once when evaluated, so the Value graph has the same shape.
 *
 * <pre>{@code
 * Expr x = Expr.input(0), y = Expr.input(1);
 * Expr t = Expr.apply(Operator.builtin("*"), x, y);
 * Expr f = Expr.apply(Operator.builtin("+"), Expr.apply(Operator.builtin("sin"), t), t);
 * f.toString();   // "t1 = x * y\nf = sin(t1) + t1"
 * }</pre>
 *
 * <p>Its text is a small program in the syntax of Chainrule's expression language: one
 * {@code name = expr} statement per shared sub-expression, then {@code f = ...}. Inputs are
 * named x, y, z, u, v, w, then x6, x7, .... Nodes use identity; Expr is immutable.
 */
public final class Expr {
    private static final String[] NAMES = {"x", "y", "z", "u", "v", "w"};

    private final Operator op;
    private final Expr[] args;
    private final int input;
    private final double constant;

    private Expr(Operator op, Expr[] args, int input, double constant) {
        this.op = op;
        this.args = args;
        this.input = input;
        this.constant = constant;
    }

    /**
     * Input number {@code index}.
     *
     * @param index the index
     * @return input number {@code index}
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public static Expr input(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Expr.input: index must be at least 0, got " + index);
        }
        return new Expr(null, new Expr[0], index, 0);
    }

    /**
     * A constant.
     *
     * @param c the constant
     * @return A constant
     * @throws IllegalArgumentException if {@code c} is not finite
     */
    public static Expr constant(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("Expr.constant: " + c + " is not finite");
        }
        return new Expr(null, new Expr[0], -1, c);
    }

    /**
     * {@code op} applied to {@code args}.
     *
     * @param op the operator
     * @param args the arguments
     * @return {@code op} applied to {@code args}
     * @throws IllegalArgumentException if the number of arguments is not the operator's arity
     */
    public static Expr apply(Operator op, Expr... args) {
        Objects.requireNonNull(op, "op");
        if (args.length != op.arity()) {
            throw new IllegalArgumentException("Expr.apply: operator '" + op.name() + "' takes " + op.arity()
                    + " arguments, got " + args.length);
        }
        for (Expr a : args) {
            Objects.requireNonNull(a, "Expr.apply: argument is null");
        }
        return new Expr(op, args.clone(), -1, 0);
    }

    /**
     * {@return the name of input {@code i} in expression text: x, y, z, u, v, w, then x6, x7, ...}
     *
     * @param i the index
     */
    public static String inputName(int i) {
        return i < NAMES.length ? NAMES[i] : "x" + i;
    }

    /** {@return whether this is an input} */
    public boolean isInput() {
        return op == null && input >= 0;
    }

    /** {@return whether this is a constant} */
    public boolean isConstant() {
        return op == null && input < 0;
    }

    /** {@return the operator, or {@code null} for an input or a constant} */
    public Operator operator() {
        return op;
    }

    /** {@return the arguments (empty for an input or a constant)} */
    public List<Expr> arguments() {
        return Collections.unmodifiableList(List.of(args));
    }

    /** {@return the input's index, or −1 if this is not an input} */
    public int inputIndex() {
        return input;
    }

    /** {@return the constant's value (0 if this is not a constant)} */
    public double constantValue() {
        return constant;
    }

    /** {@return every distinct node, arguments before the nodes that use them, this one last} */
    public List<Expr> nodes() {
        List<Expr> out = new ArrayList<>();
        Map<Expr, Boolean> seen = new IdentityHashMap<>();
        List<Expr> stack = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        seen.put(this, Boolean.TRUE);
        stack.add(this);
        next.add(0);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Expr e = stack.get(top);
            int i = next.get(top);
            while (i < e.args.length && seen.containsKey(e.args[i])) {
                i++;
            }
            if (i < e.args.length) {
                next.set(top, i + 1);
                seen.put(e.args[i], Boolean.TRUE);
                stack.add(e.args[i]);
                next.add(0);
            } else {
                out.add(e);
                stack.remove(top);
                next.remove(top);
            }
        }
        return out;
    }

    /** {@return the number of distinct nodes (a shared sub-expression counts once)} */
    public int size() {
        return nodes().size();
    }

    /** {@return the number of operator applications (distinct)} */
    public int operationCount() {
        int n = 0;
        for (Expr e : nodes()) {
            if (e.op != null) {
                n++;
            }
        }
        return n;
    }

    /** {@return the longest path from this node to a leaf, counted in operators (0 for a leaf)} */
    public int depth() {
        Map<Expr, Integer> d = new IdentityHashMap<>();
        for (Expr e : nodes()) {
            int m = 0;
            for (Expr a : e.args) {
                m = Math.max(m, d.get(a) + 1);
            }
            d.put(e, m);
        }
        return d.get(this);
    }

    /** {@return one more than the largest input index used (0 if no input is used)} */
    public int inputCount() {
        int n = 0;
        for (Expr e : nodes()) {
            if (e.isInput()) {
                n = Math.max(n, e.input + 1);
            }
        }
        return n;
    }

    /**
     * {@return whether input {@code i} occurs in the expression}
     *
     * @param i the index
     */
    public boolean usesInput(int i) {
        for (Expr e : nodes()) {
            if (e.isInput() && e.input == i) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds the expression as a Value graph over {@code inputs}; a shared sub-expression becomes
     * one node used several times.
     *
     * @param inputs the inputs
     * @return the new node
     * @throws IllegalArgumentException if the expression uses an input beyond {@code inputs}
     */
    public Value evaluate(Value... inputs) {
        Map<Expr, Value> built = new IdentityHashMap<>();
        for (Expr e : nodes()) {
            Value v;
            if (e.isInput()) {
                if (e.input >= inputs.length) {
                    throw new IllegalArgumentException("Expr.evaluate: the expression uses input " + e.input
                            + " (" + inputName(e.input) + ") but " + inputs.length + " were given");
                }
                v = inputs[e.input];
            } else if (e.isConstant()) {
                v = Value.of(e.constant);
            } else {
                Value[] a = new Value[e.args.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = built.get(e.args[i]);
                }
                v = e.op.apply(a);
            }
            built.put(e, v);
        }
        return built.get(this);
    }

    /** {@return this expression as a function of Value inputs, for {@code GradCheck} and friends} */
    public Function<Value[], Value> asFunction() {
        return this::evaluate;
    }

    /**
     * A copy in which every occurrence of {@code target} (by identity) is {@code replacement}.
     * Nodes not on a path to {@code target} are kept, so sharing survives.
     *
     * @param target the target
     * @param replacement the replacement
     * @return A copy in which every occurrence of {@code target} (by identity) is {@code replacement}
     */
    public Expr replace(Expr target, Expr replacement) {
        Map<Expr, Expr> rebuilt = new IdentityHashMap<>();
        for (Expr e : nodes()) {
            Expr r;
            if (e == target) {
                r = replacement;
            } else if (e.op == null) {
                r = e;
            } else {
                Expr[] a = new Expr[e.args.length];
                boolean changed = false;
                for (int i = 0; i < a.length; i++) {
                    a[i] = rebuilt.get(e.args[i]);
                    changed |= a[i] != e.args[i];
                }
                r = changed ? new Expr(e.op, a, -1, 0) : e;
            }
            rebuilt.put(e, r);
        }
        return rebuilt.get(this);
    }

    /** The expression as a program; inputs named x, y, z, .... */
    @Override
    public String toString() {
        return ExprText.program(this);
    }
}
