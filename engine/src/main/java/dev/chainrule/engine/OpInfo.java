package dev.chainrule.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * What an op is, for people and for the tools that list ops: its name and aliases, its symbol,
 * its parameters with their defaults, its domain, its kinks and the conventions there, its
 * formula, a one-line description, and its local derivatives written as formula templates.
 *
 * <p>Every built-in op carries one, declared next to its forward and derivative, and
 * {@link OpRegistry} lists them; the expression language, testkit's operators, the activation
 * charts, the CLI's help and the README's op table are all derived from that list.
 *
 * <pre>{@code
 * OpInfo s = OpRegistry.get("sigmoid");
 * s.derivativeFormula(0, List.of("h"), "out")   // "out·(1 − out)"
 * Value y = s.apply(Value.of(0.5));             // a sigmoid node
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class OpInfo {

    /** What kind of op it is; decides where tools show it. */
    public enum Kind {
        /** +, −, ×, ÷, negation and powers: written as operators in programs. */
        ARITHMETIC,
        /** A mathematical function such as exp, log or max. */
        FUNCTION,
        /** An activation function of one input: plotted by the charts, usable in networks. */
        ACTIVATION
    }

    /**
     * A constant parameter of an op, such as leaky_relu's slope.
     *
     * @param name         the parameter's name, as written in programs and help
     * @param defaultValue its value when left out; NaN if it must be given
     */
    public record Parameter(String name, double defaultValue) {
        /** {@return whether the parameter must be given (it has no default)} */
        public boolean required() {
            return Double.isNaN(defaultValue);
        }
    }

    /** Builds a Value node from inputs and parameter values. */
    @FunctionalInterface
    interface ValueForm {
        Value apply(Value[] inputs, double[] params);
    }

    /** Builds a Tensor node from inputs and parameter values. */
    @FunctionalInterface
    interface TensorForm {
        Tensor apply(Tensor[] inputs, double[] params);
    }

    private static final ToDoubleFunction<double[]> EVERYWHERE = x -> Double.POSITIVE_INFINITY;

    private final String name;
    private final List<String> aliases;
    private final String symbol;
    private final int arity;
    private final Kind kind;
    private final List<Parameter> parameters;
    private final String title;
    private final String formula;
    private final String description;
    private final String domain;
    private final ToDoubleFunction<double[]> domainMargin;
    private final String kinks;
    private final ToDoubleFunction<double[]> kinkDistance;
    private final String conventions;
    private final List<String> derivatives;
    private final boolean derivativesWritten;
    private final Function<double[], Op> maker;
    private final ValueForm valueForm;
    private final TensorForm tensorForm;

    private OpInfo(Builder b, Function<double[], Op> maker) {
        this.name = b.name;
        this.aliases = List.copyOf(b.aliases);
        this.symbol = b.symbol == null ? b.name : b.symbol;
        this.arity = b.arity;
        this.kind = b.kind;
        this.parameters = List.copyOf(b.parameters);
        this.title = b.title == null ? b.name : b.title;
        this.formula = b.formula == null ? "" : b.formula;
        this.description = b.description == null ? "" : b.description;
        this.domain = b.domain;
        this.domainMargin = b.domainMargin;
        this.kinks = b.kinks;
        this.kinkDistance = b.kinkDistance;
        this.conventions = b.conventions == null ? "" : b.conventions;
        this.derivatives = Collections.unmodifiableList(new ArrayList<>(b.derivatives));
        this.derivativesWritten = !b.derivativesUnwritten;
        this.maker = maker;
        this.valueForm = b.valueForm != null ? b.valueForm : (in, p) -> Value.apply(maker.apply(p), in);
        this.tensorForm = b.tensorForm != null ? b.tensorForm : defaultTensorForm(maker);
    }

    private static TensorForm defaultTensorForm(Function<double[], Op> maker) {
        return (in, p) -> {
            Op op = maker.apply(p);
            if (op instanceof UnaryOp u) {
                return in[0].apply(u);
            }
            if (op instanceof BinaryOp f) {
                return in[0].apply(f, in[1]);
            }
            throw new UnsupportedOperationException(op.name() + " has no elementwise tensor form");
        };
    }

    /** An op's metadata, for a user-defined op: just its name and symbol. */
    static OpInfo plain(Op op, String name, String symbol, int arity) {
        Builder b = new Builder(name, symbol, arity).description("a user-defined op");
        String[] d = new String[arity == -1 ? 1 : arity];
        for (int i = 0; i < d.length; i++) {
            d[i] = "∂" + name + "/∂input" + i;
        }
        b.derivatives(d).derivativesUnwritten = true;
        return b.build(p -> op);
    }

    // ---------------------------------------------------------------- builder

    /**
     * Starts the metadata of an op of {@code arity} inputs ({@code -1} for any number).
     *
     * @param name   the op's name, shown in tables and graphs and used to call it in programs
     * @param symbol the short symbol drawn in graphs, or {@code null} to draw the name
     * @param arity how many inputs the op takes
     * @return this builder
     */
    public static Builder builder(String name, String symbol, int arity) {
        return new Builder(name, symbol, arity);
    }

    /**
     * Collects an op's metadata. Pass it to a {@link UnaryOp} or {@link BinaryOp} constructor, or
     * finish it with a factory for an op that takes parameters.
     */
    public static final class Builder {
        private final String name;
        private final String symbol;
        private final int arity;
        private final List<String> aliases = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private Kind kind = Kind.FUNCTION;
        private String title;
        private String formula;
        private String description;
        private String domain = "all real numbers";
        private ToDoubleFunction<double[]> domainMargin = EVERYWHERE;
        private String kinks = "";
        private ToDoubleFunction<double[]> kinkDistance = EVERYWHERE;
        private String conventions;
        private final List<String> derivatives = new ArrayList<>();
        /** Set for a user op that gave no metadata: its formulas are only ∂name/∂input_i. */
        private boolean derivativesUnwritten;
        private ValueForm valueForm;
        private TensorForm tensorForm;

        private Builder(String name, String symbol, int arity) {
            this.name = Op.requireName(name);
            this.symbol = symbol == null || symbol.isEmpty() ? null : symbol;
            if (arity < -1 || arity == 0) {
                throw new IllegalArgumentException("op '" + name + "': arity must be positive or -1 (any), got " + arity);
            }
            this.arity = arity;
        }

        /**
         * Another name the op can be called by in programs, such as {@code ln} for log.
         *
         * @param alias the alias
         * @return this builder
         */
        public Builder alias(String alias) {
            aliases.add(Op.requireName(alias));
            return this;
        }

        /**
         * What kind of op it is (default {@link Kind#FUNCTION}).
         *
         * @param kind what kind of op it is
         * @return this builder
         */
        public Builder kind(Kind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * A constant parameter, in order; {@code defaultValue} NaN if it must be given.
         *
         * @param name the name
         * @param defaultValue the default value
         * @return this builder
         */
        public Builder parameter(String name, double defaultValue) {
            parameters.add(new Parameter(Op.requireName(name), defaultValue));
            return this;
        }

        /**
         * The heading charts and tables give it, such as {@code "sigmoid σ(x)"} (default: the name).
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * The forward written as a formula of x (or a and b), such as {@code "1/(1 + e^−x)"}.
         *
         * @param formula the formula
         * @return this builder
         */
        public Builder formula(String formula) {
            this.formula = formula;
            return this;
        }

        /**
         * One line saying what it is for.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Where it is defined, and how far given inputs are inside that region (positive inside,
         * 0 on the edge, negative or NaN outside): for log, {@code "x > 0"} and {@code x -> x[0]}.
         *
         * @param text the text
         * @param margin the margin
         * @return this builder
         */
        public Builder domain(String text, ToDoubleFunction<double[]> margin) {
            this.domain = Objects.requireNonNull(text, "text");
            this.domainMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /**
         * Where its derivative jumps, and how far given inputs are from the nearest such point:
         * for relu, {@code "x = 0"} and {@code x -> Math.abs(x[0])}.
         *
         * @param text the text
         * @param distance the distance
         * @return this builder
         */
        public Builder kinks(String text, ToDoubleFunction<double[]> distance) {
            this.kinks = Objects.requireNonNull(text, "text");
            this.kinkDistance = Objects.requireNonNull(distance, "distance");
            return this;
        }

        /**
         * The conventions chosen at kinks or edges, such as {@code "relu′(0) = 0"}.
         *
         * @param conventions the conventions
         * @return this builder
         */
        public Builder conventions(String conventions) {
            this.conventions = conventions;
            return this;
        }

        /**
         * The local derivatives as formula templates, one per input in order (one for an op of
         * any number of inputs). Placeholders: {@code {x}} (the input of a one-input op),
         * {@code {a}}, {@code {b}} (the inputs of a two-input op), {@code {out}} (the node
         * itself) and {@code {NAME}} for a parameter. Sigmoid's is {@code "{out}·(1 − {out})"}.
         *
         * @param templates the templates
         * @return this builder
         */
        public Builder derivatives(String... templates) {
            derivatives.clear();
            derivatives.addAll(Arrays.asList(templates));
            return this;
        }

        /** How the op is applied to Values when not through {@link Value#apply(Op, Value...)}. */
        Builder valueForm(ValueForm form) {
            this.valueForm = form;
            return this;
        }

        /** How the op is applied to Tensors when not elementwise through its scalar op. */
        Builder tensorForm(TensorForm form) {
            this.tensorForm = form;
            return this;
        }

        /** The metadata of an op that takes no parameters. */
        OpInfo build(Op op) {
            return build(p -> op);
        }

        /**
         * The metadata of an op family with parameters, such as leaky_relu with its slope.
         *
         * @param maker makes the op for given parameter values (in {@link #parameter} order)
         * @return the metadata of an op family with parameters, such as leaky_relu with its slope
         */
        public OpInfo build(Function<double[], Op> maker) {
            int expected = arity == -1 ? 1 : arity;
            if (derivatives.size() != expected) {
                throw new IllegalStateException("op '" + name + "': give " + expected
                        + " derivative formula" + (expected == 1 ? "" : "s") + ", one per input, not "
                        + derivatives.size());
            }
            return new OpInfo(this, Objects.requireNonNull(maker, "maker"));
        }

        boolean hasDerivatives() {
            return !derivatives.isEmpty();
        }

        String name() {
            return name;
        }

        String symbol() {
            return symbol;
        }

        int arity() {
            return arity;
        }
    }

    // ---------------------------------------------------------------- metadata

    /** {@return the op's name, such as {@code "leaky_relu"}} */
    public String name() {
        return name;
    }

    /** {@return other names it is called by in programs, such as {@code ln} for log} */
    public List<String> aliases() {
        return aliases;
    }

    /** {@return the name followed by the aliases} */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return Collections.unmodifiableList(all);
    }

    /** {@return the short symbol drawn in graphs, such as {@code "σ"}} */
    public String symbol() {
        return symbol;
    }

    /** {@return the number of inputs, or {@code -1} for any number} */
    public int arity() {
        return arity;
    }

    /** {@return what kind of op it is} */
    public Kind kind() {
        return kind;
    }

    /** {@return its constant parameters, in order, with their defaults} */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** {@return the parameters' default values, in order (NaN for a required one)} */
    public double[] defaults() {
        double[] d = new double[parameters.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = parameters.get(i).defaultValue();
        }
        return d;
    }

    /** {@return the heading a chart or table gives it, such as {@code "sigmoid σ(x)"}} */
    public String title() {
        return title;
    }

    /** {@return the forward as a formula, such as {@code "1/(1 + e^−x)"}} */
    public String formula() {
        return formula;
    }

    /** {@return one line saying what it is} */
    public String description() {
        return description;
    }

    /** {@return where it is defined, in words, such as {@code "x > 0"}} */
    public String domain() {
        return domain;
    }

    /** {@return whether it is defined for all real inputs} */
    public boolean definedEverywhere() {
        return domainMargin == EVERYWHERE;
    }

    /**
     * How far {@code inputs} are inside the domain: positive inside, 0 on its edge, negative or
     * NaN outside; infinite for an op defined everywhere.
     *
     * @param inputs the inputs
     * @return how far {@code inputs} are inside the domain: positive inside, 0 on its edge, negative or NaN
     *     outside; infinite for an op defined everywhere
     */
    public double domainMargin(double... inputs) {
        return domainMargin.applyAsDouble(inputs);
    }

    /** {@return where its derivative jumps, in words, such as {@code "x = 0"}; empty if nowhere} */
    public String kinks() {
        return kinks;
    }

    /** {@return whether it has kinks} */
    public boolean hasKinks() {
        return !kinks.isEmpty();
    }

    /**
     * {@return how far {@code inputs} are from the nearest kink (infinite if it has none)}
     *
     * @param inputs the inputs
     */
    public double kinkDistance(double... inputs) {
        return kinkDistance.applyAsDouble(inputs);
    }

    /** {@return the conventions at kinks or edges, such as {@code "relu′(0) = 0"}; empty if none} */
    public String conventions() {
        return conventions;
    }

    /**
     * Whether the op's author wrote its derivative formulas. False for a user-defined op that gave
     * only its functions ({@link CustomOp}, or an op subclass without {@link OpInfo} metadata): its
     * formulas are then just the names {@code ∂name/∂input0}, ..., and tools that write formulas
     * show the derivative as a symbol with its number instead.
     *
     * @return true when the derivative formulas were given by the op's author
     */
    public boolean hasDerivativeFormulas() {
        return derivativesWritten;
    }

    /**
     * The local derivative with respect to input {@code i} as a template, with placeholders
     * {@code {x}}, {@code {a}}, {@code {b}}, {@code {out}} and parameter names.
     *
     * @param i the index
     * @return the local derivative with respect to input {@code i} as a template, with placeholders {@code
     *     {x}}, {@code {a}}, {@code {b}}, {@code {out}} and parameter names
     */
    public String derivativeTemplate(int i) {
        return derivatives.get(arity == -1 ? 0 : Objects.checkIndex(i, derivatives.size()));
    }

    /**
     * The local derivative with respect to input {@code i}, written with the given node names:
     * for sigmoid with output {@code out}, {@code "out·(1 − out)"}. Parameters are filled in with
     * their defaults unless given.
     *
     * @param inputs the inputs' names, in order
     * @param out    the node's own name
     * @param params parameter values (fewer than the parameters: the rest take their defaults)
     * @param i the index
     * @return the local derivative with respect to input {@code i}, written with the given node names: for
     *     sigmoid with output {@code out}, {@code "out·(1 − out)"}
     */
    public String derivativeFormula(int i, List<String> inputs, String out, double... params) {
        String t = derivativeTemplate(i);
        t = t.replace("{out}", out);
        if (arity == 1 && !inputs.isEmpty()) {
            t = t.replace("{x}", inputs.get(0));
        }
        if (arity == 2 && inputs.size() >= 2) {
            t = t.replace("{a}", inputs.get(0)).replace("{b}", inputs.get(1));
        }
        for (int k = 0; k < parameters.size(); k++) {
            double v = k < params.length ? params[k] : parameters.get(k).defaultValue();
            t = t.replace("{" + parameters.get(k).name() + "}", NumberText.compact(v));
        }
        return t;
    }

    // ---------------------------------------------------------------- use

    /**
     * {@return the op for these parameter values (missing ones take their defaults)}
     *
     * @param params the parameters
     */
    public Op op(double... params) {
        return maker.apply(withDefaults(params));
    }

    /**
     * Applies the op to Values, recording a node, with the parameters at their defaults unless
     * given.
     *
     * @param inputs the inputs
     * @param params the parameters
     * @return the new node
     * @throws IllegalArgumentException if the number of inputs is wrong, or a required parameter is missing
     */
    public Value apply(Value[] inputs, double... params) {
        Objects.requireNonNull(inputs, "inputs");
        return valueForm.apply(inputs, withDefaults(params));
    }

    /**
     * Applies a one-input op to {@code x} with its default parameters.
     *
     * @param x the input
     * @return the new node
     */
    public Value apply(Value x) {
        return apply(new Value[] {x});
    }

    /**
     * Applies the op elementwise to Tensors (with broadcasting for two inputs).
     *
     * @param inputs the inputs
     * @param params the parameters
     * @return the new tensor
     * @throws UnsupportedOperationException if it has no elementwise tensor form (sum)
     */
    public Tensor apply(Tensor[] inputs, double... params) {
        Objects.requireNonNull(inputs, "inputs");
        return tensorForm.apply(inputs, withDefaults(params));
    }

    /**
     * Applies a one-input op elementwise to {@code x} with its default parameters.
     *
     * @param x the input
     * @return the new tensor
     */
    public Tensor apply(Tensor x) {
        return apply(new Tensor[] {x});
    }

    private double[] withDefaults(double[] params) {
        if (params.length == 0 && parameters.isEmpty()) {
            return params;
        }
        if (params.length > parameters.size()) {
            throw new IllegalArgumentException(name + ": takes " + parameters.size() + " parameter"
                    + (parameters.size() == 1 ? "" : "s") + ", got " + params.length);
        }
        double[] p = defaults();
        System.arraycopy(params, 0, p, 0, params.length);
        for (int k = 0; k < p.length; k++) {
            if (Double.isNaN(p[k])) {
                throw new IllegalArgumentException(name + ": the " + parameters.get(k).name() + " must be given");
            }
        }
        return p;
    }

    /** {@return how the op is called, such as {@code "leaky_relu(x[, slope=0.01])"} or {@code "max(a, b)"}} */
    public String usage() {
        StringBuilder s = new StringBuilder(name).append('(');
        if (arity == -1) {
            s.append("a, b, ...");
        } else {
            for (int i = 0; i < arity; i++) {
                s.append(i == 0 ? "" : ", ").append(arity == 1 ? "x" : String.valueOf((char) ('a' + i)));
            }
        }
        for (Parameter p : parameters) {
            s.append(p.required() ? ", " + p.name() : "[, " + p.name() + "=" + NumberText.compact(p.defaultValue()) + "]");
        }
        return s.append(')').toString();
    }

    @Override
    public String toString() {
        return usage();
    }
}
