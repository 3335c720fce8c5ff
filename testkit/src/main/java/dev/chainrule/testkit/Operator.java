package dev.chainrule.testkit;

import dev.chainrule.engine.CustomOp;
import dev.chainrule.engine.gradcheck.KinkConvention;
import dev.chainrule.engine.Op;
import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * An operation that random expressions may use: how to apply it to Values, where it is defined
 * (its domain), where it has kinks, and how it is written in expression text.
 *
 * <pre>{@code
 * Operator square = Operator.of(mySquareOp);                     // any engine Op, e.g. a CustomOp
 * Operator safeLog = Operator.unary("mylog", Value::log).domain(x -> x[0] > 0);
 * Operator hinge = Operator.unary("hinge", x -> x.relu()).kinkAt(0);
 * }</pre>
 *
 * <p>Instances are immutable; {@link #domain}, {@link #kinkAt}, {@link #kinks} and
 * {@link #firstOrderOnly()} return changed copies.
 */
public final class Operator {

    /** How an operator is written in expression text. */
    enum Notation {
        /** {@code name(a, b)}. */
        FUNCTION,
        /** {@code a + b}, with a precedence. */
        INFIX,
        /** {@code -a}. */
        PREFIX,
        /** {@code a ^ p} for a constant exponent p. */
        POWER
    }

    /** Precedence of + and −. */
    static final int ADDITIVE = 1;
    /** Precedence of × and ÷. */
    static final int MULTIPLICATIVE = 2;
    /** Precedence of unary minus. */
    static final int UNARY = 3;
    /** Precedence of ^ (right-associative). */
    static final int POWER = 4;
    /** Precedence of atoms and function calls. */
    static final int ATOM = 5;

    private static final Predicate<double[]> ANYWHERE = x -> true;
    private static final ToDoubleFunction<double[]> NO_KINK = x -> Double.POSITIVE_INFINITY;

    private final String name;
    private final int arity;
    private final Function<Value[], Value> apply;
    private final Predicate<double[]> domain;
    private final ToDoubleFunction<double[]> kinkDistance;
    private final boolean secondOrder;
    final Notation notation;
    final String symbol;
    final int precedence;
    final double exponent;
    private final double kinkPoint;
    private final KinkConvention convention;

    private Operator(String name, int arity, Function<Value[], Value> apply, Predicate<double[]> domain,
            ToDoubleFunction<double[]> kinkDistance, boolean secondOrder, Notation notation, String symbol,
            int precedence, double exponent) {
        this(name, arity, apply, domain, kinkDistance, secondOrder, notation, symbol, precedence, exponent,
                Double.NaN, null);
    }

    private Operator(String name, int arity, Function<Value[], Value> apply, Predicate<double[]> domain,
            ToDoubleFunction<double[]> kinkDistance, boolean secondOrder, Notation notation, String symbol,
            int precedence, double exponent, double kinkPoint, KinkConvention convention) {
        this.name = name;
        this.arity = arity;
        this.apply = apply;
        this.domain = domain;
        this.kinkDistance = kinkDistance;
        this.secondOrder = secondOrder;
        this.notation = notation;
        this.symbol = symbol;
        this.precedence = precedence;
        this.exponent = exponent;
        this.kinkPoint = kinkPoint;
        this.convention = convention;
    }

    private static Operator call(String name, int arity, Function<Value[], Value> apply) {
        return new Operator(name, arity, apply, ANYWHERE, NO_KINK, true, Notation.FUNCTION, name, ATOM, 0);
    }

    /**
     * An operator that applies an engine op, written as a function call with the op's name. A
     * {@link CustomOp} has numeric derivatives only, so it is checked to first order only.
     *
     * @param op the operator
     * @return an operator that applies an engine op, written as a function call with the op's name
     * @throws IllegalArgumentException if the op takes any number of inputs
     */
    public static Operator of(Op op) {
        Objects.requireNonNull(op, "op");
        if (op.arity() < 1) {
            throw new IllegalArgumentException("Operator.of: op '" + op.name()
                    + "' takes any number of inputs; wrap it with Operator.function and a fixed arity");
        }
        Operator o = call(op.name(), op.arity(), v -> Value.apply(op, v));
        return op instanceof CustomOp ? o.firstOrderOnly() : o;
    }

    /**
     * {@return an operator of one input, written {@code name(a)}}
     *
     * @param name the name
     * @param f the function
     */
    public static Operator unary(String name, UnaryOperator<Value> f) {
        Objects.requireNonNull(f, "f");
        return call(requireName(name), 1, v -> f.apply(v[0]));
    }

    /**
     * {@return an operator of two inputs, written {@code name(a, b)}}
     *
     * @param name the name
     * @param f the function
     */
    public static Operator binary(String name, BinaryOperator<Value> f) {
        Objects.requireNonNull(f, "f");
        return call(requireName(name), 2, v -> f.apply(v[0], v[1]));
    }

    /**
     * An operator of {@code arity} inputs, written {@code name(a, b, ...)}.
     *
     * @param name the name
     * @param arity the arity
     * @param f the function
     * @return an operator of {@code arity} inputs, written {@code name(a, b, ...)}
     * @throws IllegalArgumentException if {@code arity < 1}
     */
    public static Operator function(String name, int arity, Function<Value[], Value> f) {
        Objects.requireNonNull(f, "f");
        if (arity < 1) {
            throw new IllegalArgumentException("operator '" + name + "': arity must be at least 1, got " + arity);
        }
        return call(requireName(name), arity, f);
    }

    static Operator infix(String symbol, int precedence, BinaryOperator<Value> f) {
        return new Operator(symbol, 2, v -> f.apply(v[0], v[1]), ANYWHERE, NO_KINK, true, Notation.INFIX,
                symbol, precedence, 0);
    }

    static Operator prefix(String symbol, UnaryOperator<Value> f) {
        return new Operator("neg", 1, v -> f.apply(v[0]), ANYWHERE, NO_KINK, true, Notation.PREFIX, symbol,
                UNARY, 0);
    }

    static Operator power(double p) {
        return new Operator("^" + Numbers.format(p), 1, v -> v[0].pow(p), ANYWHERE, NO_KINK, true,
                Notation.POWER, "^", POWER, p);
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("operator name '" + name
                    + "' must be an identifier (letters, digits, _), so that it can be written as a call");
        }
        return name;
    }

    /**
     * A copy defined only where {@code admits} holds for the argument values, e.g.
     * {@code x -> x[0] > 0} for a logarithm. Random points are drawn inside the domain.
     *
     * @param admits the admits
     * @return A copy defined only where {@code admits} holds for the argument values, e.g
     */
    public Operator domain(Predicate<double[]> admits) {
        Objects.requireNonNull(admits, "admits");
        return new Operator(name, arity, apply, admits, kinkDistance, secondOrder, notation, symbol, precedence,
                exponent, kinkPoint, convention);
    }

    /**
     * {@return a copy with a kink where its (single) argument equals {@code at}; points keep away from it}
     *
     * @param at the point
     */
    public Operator kinkAt(double at) {
        Operator o = kinks(x -> Math.abs(x[0] - at));
        return new Operator(name, arity, apply, domain, o.kinkDistance, secondOrder, notation, symbol, precedence,
                exponent, at, convention);
    }

    /**
     * A copy declaring which one-sided slope its derivative takes at its kinks (relu′(0) = 0 is
     * {@link KinkConvention#LEFT}, max at a tie {@link KinkConvention#MEAN}). Its property then
     * also checks one case in ten exactly at a kink (its argument at {@link #kinkAt}, or, for a
     * kink given by {@link #kinks}, its first two arguments equal) and fails if the analytic
     * value takes another slope: GradCheck alone accepts anything between the slopes.
     *
     * @param c the constant
     * @return A copy declaring which one-sided slope its derivative takes at its kinks (relu′(0) = 0 is
     *     {@link KinkConvention#LEFT}, max at a tie {@link KinkConvention#MEAN})
     */
    public Operator kinkConvention(KinkConvention c) {
        Objects.requireNonNull(c, "c");
        return new Operator(name, arity, apply, domain, kinkDistance, secondOrder, notation, symbol, precedence,
                exponent, kinkPoint, c);
    }

    /** {@return the declared convention at kinks, or {@code null} if none was declared} */
    public KinkConvention kinkConvention() {
        return convention;
    }

    /**
     * {@code x} moved onto a kink (argument 0 to the {@link #kinkAt} point, or the second argument
     * equal to the first), or {@code null} if that is not a kink of this operator.
     */
    double[] pointAtKink(double[] x) {
        double[] p = x.clone();
        if (!Double.isNaN(kinkPoint)) {
            p[0] = kinkPoint;
        } else if (p.length == 1) {
            // The kink is |x − k| away: on one side or the other.
            double d = kinkDistance(p);
            p[0] = x[0] - d;
            if (kinkDistance(p) != 0) {
                p[0] = x[0] + d;
            }
        } else if (p.length >= 2) {
            p[1] = p[0];
        } else {
            return null;
        }
        return kinkDistance(p) == 0 ? p : null;
    }

    /**
     * A copy whose kinks are where {@code distance} is 0: it gives how far argument values are
     * from the nearest kink (for max, {@code |a − b|}). Points keep away unless kinks are asked for.
     *
     * @param distance the distance
     * @return A copy whose kinks are where {@code distance} is 0: it gives how far argument values are from
     *     the nearest kink (for max, {@code |a − b|})
     */
    public Operator kinks(ToDoubleFunction<double[]> distance) {
        Objects.requireNonNull(distance, "distance");
        return new Operator(name, arity, apply, domain, distance, secondOrder, notation, symbol, precedence,
                exponent, Double.NaN, convention);
    }

    /** {@return a copy whose second derivatives are not checked (its derivative has no graph form)} */
    public Operator firstOrderOnly() {
        return new Operator(name, arity, apply, domain, kinkDistance, false, notation, symbol, precedence,
                exponent, kinkPoint, convention);
    }

    /** {@return the name, as written in expression text for function-call operators} */
    public String name() {
        return name;
    }

    /** {@return the number of arguments} */
    public int arity() {
        return arity;
    }

    /**
     * Applies this operator to Values, building graph nodes.
     *
     * @param args the arguments
     * @return the new node
     */
    public Value apply(Value... args) {
        if (args.length != arity) {
            throw new IllegalArgumentException("operator '" + name + "': expects " + arity + " arguments, got "
                    + args.length);
        }
        return apply.apply(args);
    }

    /**
     * {@return whether the operator is defined at these argument values}
     *
     * @param args the arguments
     */
    public boolean admits(double... args) {
        return domain.test(args);
    }

    /**
     * {@return how far these argument values are from the nearest kink (infinite if it has none)}
     *
     * @param args the arguments
     */
    public double kinkDistance(double... args) {
        return kinkDistance.applyAsDouble(args);
    }

    /** {@return whether its second derivatives can be checked (every engine op but a {@link CustomOp})} */
    public boolean hasSecondOrder() {
        return secondOrder;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---------------------------------------------------------------- built-ins

    /** How far built-in ops keep from the singular points of their domains (log and sqrt at 0, 1/0). */
    static final double SINGULARITY_MARGIN = 1e-3;

    /**
     * The engine's conventions at kinks (the registry states them as text, "relu′(0) = 0"), as the
     * slope each takes, so that a property checks them: step and sign jump rather than bend, and
     * elu's first derivative is continuous, so they have none to check.
     */
    private static final java.util.Map<String, KinkConvention> KINK_CONVENTIONS = java.util.Map.of(
            "relu", KinkConvention.LEFT, "leaky_relu", KinkConvention.LEFT, "abs", KinkConvention.MEAN,
            "max", KinkConvention.MEAN, "min", KinkConvention.MEAN);

    private static final List<Operator> BUILTINS = builtinList();

    private static List<Operator> builtinList() {
        // Singular points are kept at a distance: at log(1e-210) the value is fine but the chain
        // rule's intermediate terms (1/u, −1/u²) overflow, which says nothing about the rules.
        Predicate<double[]> positive = x -> x[0] > SINGULARITY_MARGIN;
        Predicate<double[]> nonzero = x -> Math.abs(x[0]) > SINGULARITY_MARGIN;
        List<Operator> l = new ArrayList<>();
        // The arithmetic ops in their written forms, with the domains the registry gives them.
        l.add(infix("+", ADDITIVE, Value::add));
        l.add(infix("-", ADDITIVE, Value::sub));
        l.add(infix("*", MULTIPLICATIVE, Value::mul));
        l.add(infix("/", MULTIPLICATIVE, Value::div).domain(insideOf(OpRegistry.get("div"))));
        l.add(prefix("-", Value::neg));
        l.add(power(2));
        l.add(power(3));
        l.add(power(-1).domain(nonzero));
        l.add(power(0.5).domain(positive));
        l.add(power(1.5).domain(positive));
        l.add(new Operator("pow", 2, v -> v[0].pow(v[1]), insideOf(OpRegistry.get("pow")), NO_KINK, true,
                Notation.INFIX, "^", POWER, 0));
        // Every other op of the registry, called by name, with its domain and kinks.
        for (OpInfo op : OpRegistry.all()) {
            if (op.kind() != OpInfo.Kind.ARITHMETIC) {
                l.add(of(op));
            }
        }
        return Collections.unmodifiableList(l);
    }

    /** A registry op as a function-call operator with its domain and kinks; a sum of any number takes 3. */
    private static Operator of(OpInfo op) {
        Operator o = op.arity() == -1 ? function(op.name(), 3, op::apply) : call(op.name(), op.arity(), op::apply);
        if (!op.definedEverywhere()) {
            o = o.domain(insideOf(op));
        }
        if (op.hasKinks()) {
            o = o.kinks(op::kinkDistance);
        }
        KinkConvention c = KINK_CONVENTIONS.get(op.name());
        return c == null ? o : o.kinkConvention(c);
    }


    /** Inside the op's domain by more than {@link #SINGULARITY_MARGIN}. */
    private static Predicate<double[]> insideOf(OpInfo op) {
        return x -> op.domainMargin(x) > SINGULARITY_MARGIN;
    }

    /**
     * Every built-in scalar op of the engine: {@code + - * /}, unary minus, {@code ^} with the
     * constant exponents 2, 3, −1, 0.5 and 1.5 and with a Value exponent ({@code pow}), then every
     * other op of {@link OpRegistry} in its order (exp, log, ..., relu, leaky_relu at its default
     * slope 0.01, ..., identity) with a three-input sum, each with the domain and kinks the registry
     * gives it. Domains keep 0.001 away from singular points (log, sqrt, fractional powers and the
     * base of pow need more than 0.001; 1/x and division need |x| more than 0.001).
     *
     * @return every built-in scalar op of the engine: {@code + - * /}, unary minus, {@code ^} with the
     *     constant exponents 2, 3, −1, 0.5 and 1.5 and with a Value exponent ({@code pow}), then every other
     *     op of {@link OpRegistry} in its order (exp, log, ..., relu, leaky_relu at its default slope 0.01,
     *     ..., identity) with a three-input sum, each with the domain and kinks the registry gives it
     */
    public static List<Operator> builtins() {
        return BUILTINS;
    }

    /**
     * The built-in operator with this name ({@code "+"}, {@code "^2"}, {@code "neg"}, {@code "log"}, ...).
     *
     * @param name the name
     * @return the built-in operator with this name ({@code "+"}, {@code "^2"}, {@code "neg"}, {@code "log"},
     *     ...)
     * @throws IllegalArgumentException if there is none, listing the names there are
     */
    public static Operator builtin(String name) {
        List<String> names = new ArrayList<>();
        for (Operator o : BUILTINS) {
            if (o.name.equals(name)) {
                return o;
            }
            names.add(o.name);
        }
        throw new IllegalArgumentException("no built-in operator '" + name + "'; there are " + names);
    }
}
