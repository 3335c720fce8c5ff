package dev.chainrule.engine.expr;

import dev.chainrule.engine.AnomalyException;
import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A program in Chainrule's expression language: statements {@code name = expression}, one per
 * line or separated by {@code ;}, with {@code #} comments.
 *
 * <pre>{@code
 * Program p = Program.parse("x = -2; y = 5; z = -4\n q = x + y\n f = q·z");
 * Evaluation ev = p.evaluate(Map.of("x", 1.0));   // x overridden, y and z as written
 * ev.output().backward();                          // ev.node("q").grad() == -4
 * }</pre>
 *
 * <ul>
 *   <li>Operators: {@code + - * /}, {@code ^} or {@code **} (right-associative, tighter than unary
 *       minus: {@code -x^2 = -(x^2)}), parentheses; {@code ·}, {@code ×} and {@code ⋅} multiply,
 *       {@code −} subtracts, {@code ÷} divides, and a superscript is a power ({@code x²},
 *       {@code x⁻¹}).</li>
 *   <li>Functions: one per {@link Value} op, such as {@code sigmoid(x)}, {@code tanh},
 *       {@code relu}, {@code leaky_relu(x, 0.01)}, {@code elu(x[, alpha])}, {@code exp},
 *       {@code log}, {@code max(a, b)}, {@code pow(a, b)}, {@code sum(a, b, ...)};
 *       see {@link #functions()}. Constants {@code e} and {@code pi}.</li>
 *   <li>A name assigned a plain number (such as {@code x = -2}) is an <em>input</em>: a leaf whose
 *       value can be overridden at {@link #evaluate(Map)}. A name used but never assigned is an
 *       input that must be given there.</li>
 *   <li>{@code param w1 = 0.15} declares an input a <em>parameter</em>, one that gradient descent
 *       updates ({@link #parameters()}); other inputs (data, targets) are left as they are.</li>
 *   <li>{@code (x + y).z}: a dot between an operand and a name or {@code (} multiplies, as the
 *       course material writes it; before a digit it would read as a decimal point, so
 *       {@code x.5} is an error that asks for {@code ·} or {@code *}.</li>
 *   <li>Every statement's node is labelled with its name; the output is the last statement unless
 *       another is chosen.</li>
 * </ul>
 *
 * <p>Parsing and evaluating take time linear in the program's length and need no recursion per
 * statement, so programs of a million statements work on the default stack. A Program is
 * immutable and can be evaluated any number of times; each evaluation builds a fresh graph.
 */
public final class Program {

    /** What a named statement is. */
    enum Role {
        /** Assigned a plain number. */
        INPUT,
        /** Used but never assigned: must be given a value from outside. */
        FREE,
        /** Computed from other nodes. */
        COMPUTED
    }

    /** One named node of the program. */
    record Named(String name, int slot, int offset, Role role, double defaultValue, String definition) {
    }

    private final String source;
    private final Code code;
    private final List<Named> named;
    private final List<Named> inputs;
    private final Map<String, Named> byName;
    private final List<String> parameters;

    Program(String source, Code code, List<Named> named, List<Named> inputs, List<String> parameters) {
        this.source = source;
        this.code = code;
        this.named = List.copyOf(named);
        this.inputs = List.copyOf(inputs);
        this.parameters = List.copyOf(parameters);
        this.byName = new HashMap<>(named.size() * 2);
        for (Named n : named) {
            byName.put(n.name(), n);
        }
    }

    /**
     * Parses a program.
     *
     * @param text the program (not modified)
     * @return the resulting program
     * @throws ProgramException for a syntax error, an unknown function, or a name assigned twice
     *                          or used before it is assigned; the message shows where
     */
    public static Program parse(String text) {
        Objects.requireNonNull(text, "program text");
        return Parser.parse(text);
    }

    /** {@return the program text as given} */
    public String source() {
        return source;
    }

    /** {@return the names of every node, in the order they appear (an input given from outside at its first use)} */
    public List<String> names() {
        List<String> out = new ArrayList<>(named.size());
        for (Named n : named) {
            out.add(n.name());
        }
        return Collections.unmodifiableList(out);
    }

    /** {@return the names of the inputs, in the order they appear} */
    public List<String> inputs() {
        List<String> out = new ArrayList<>(inputs.size());
        for (Named n : inputs) {
            out.add(n.name());
        }
        return Collections.unmodifiableList(out);
    }

    /** {@return the inputs assigned a number in the program, with those numbers, in order} */
    public Map<String, Double> defaults() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Named n : inputs) {
            if (n.role() == Role.INPUT) {
                out.put(n.name(), n.defaultValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The inputs declared parameters with {@code param w1 = 0.15}, in order: the ones a
     * gradient-descent step updates. Empty when the program declares none.
     *
     * @return the inputs declared parameters with {@code param w1 = 0.15}, in order: the ones a
     *     gradient-descent step updates
     */
    public List<String> parameters() {
        return parameters;
    }

    /**
     * {@return whether {@code name} is an input (assigned a number, or used but never assigned)}
     *
     * @param name the name
     */
    public boolean isInput(String name) {
        Named n = byName.get(name);
        return n != null && n.role() != Role.COMPUTED;
    }

    /**
     * {@return whether the program has a node called {@code name}}
     *
     * @param name the name
     */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /**
     * The expression a name was assigned, as written (such as {@code "x + y"} or {@code "-2"}), or
     * {@code null} for an input that is never assigned.
     *
     * @param name the name
     * @return the expression a name was assigned, as written (such as {@code "x + y"} or {@code "-2"}), or
     *     {@code null} for an input that is never assigned
     * @throws IllegalArgumentException if there is no such name
     */
    public String definition(String name) {
        return require(name).definition();
    }

    /** {@return the name of the last statement: the output unless another is chosen} */
    public String outputName() {
        for (int i = named.size() - 1; ; i--) {
            if (named.get(i).role() != Role.FREE) {
                return named.get(i).name();
            }
        }
    }

    /** {@return the names callable as functions, aliases included} */
    public static List<String> functions() {
        return Functions.names();
    }

    /**
     * Builds the graph with the last statement as output.
     *
     * @param overrides the overrides
     * @return the resulting evaluation
     * @see #evaluate(Map, String)
     */
    public Evaluation evaluate(Map<String, Double> overrides) {
        return evaluate(overrides, null);
    }

    /**
     * Builds a fresh graph: every input gets its value from {@code overrides} or else from the
     * program, then every statement is computed in order. No backward pass is run.
     *
     * <p>Inside {@link dev.chainrule.engine.Autograd#detectAnomaly()}, an op that makes NaN or ±Inf
     * throws an {@link dev.chainrule.engine.AnomalyException} whose message also shows where in
     * the program that op was written.
     *
     * @param overrides values for inputs by name (not modified); may be empty
     * @param output    the name of the output node, or {@code null} for the last statement
     * @return the resulting evaluation
     * @throws IllegalArgumentException if an override names no input or is not finite, or
     *                                  {@code output} names no node
     * @throws ProgramException         if an input used but never assigned has no override
     */
    public Evaluation evaluate(Map<String, Double> overrides, String output) {
        Objects.requireNonNull(overrides, "overrides");
        for (Map.Entry<String, Double> o : overrides.entrySet()) {
            checkOverride(o.getKey(), o.getValue());
        }
        String outputName = output == null ? outputName() : output;
        if (!byName.containsKey(outputName)) {
            throw new IllegalArgumentException("no node named '" + outputName + "' to use as output; the nodes are "
                    + abbreviate(names()));
        }
        Value[] values = new Value[inputs.size()];
        for (int i = 0; i < values.length; i++) {
            Named in = inputs.get(i);
            Double given = overrides.get(in.name());
            if (given != null) {
                values[i] = Value.of(given);
            } else if (in.role() == Role.INPUT) {
                values[i] = Value.of(in.defaultValue());
            } else {
                throw new ProgramException("unknown name '" + in.name() + "'", source, in.offset(),
                        "it is used here but never assigned, and no value was given for it");
            }
        }
        Value[] slots = code.run(values, source);
        Map<String, Value> nodes = new LinkedHashMap<>(named.size() * 2);
        for (Named n : named) {
            nodes.put(n.name(), slots[n.slot()]);
        }
        return new Evaluation(nodes, inputs(), outputName);
    }

    /**
     * Where a NaN or an infinity first appears: evaluates the program again at {@code overrides}
     * and runs the backward pass from {@code output}, both inside
     * {@link dev.chainrule.engine.Autograd#detectAnomaly()}, and returns the message of the first
     * op that made a non-finite value or gradient (it names the op and where in the program it was
     * written).
     *
     * @param overrides values for inputs by name, as for {@link #evaluate(Map, String)}
     * @param output    the name of the output node, or {@code null} for the last statement
     * @return the first anomaly's message, or empty if every value and gradient is finite
     * @throws IllegalArgumentException as {@link #evaluate(Map, String)}
     */
    public Optional<String> firstAnomaly(Map<String, Double> overrides, String output) {
        try (Autograd.Scope s = Autograd.detectAnomaly()) {
            evaluate(overrides, output).output().backward();
        } catch (AnomalyException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The program as a function of its inputs, for tools that bring their own leaves (such as
     * {@link dev.chainrule.engine.gradcheck.GradCheck}). Each call builds a fresh graph on the leaves it is
     * given, in the order of {@link #inputs()}, and labels them with the inputs' names.
     *
     * <pre>{@code
     * Program p = Program.parse("f = x * sin(y)");
     * GradCheckResult r = GradCheck.defaults().names("x", "y").run(p.asFunction(null), 2.0, 0.5);
     * }</pre>
     *
     * @param output the name of the output node, or {@code null} for the last statement
     * @return the program as a function of its inputs, for tools that bring their own leaves (such as {@link
     *     dev.chainrule.engine.gradcheck.GradCheck})
     * @throws IllegalArgumentException if {@code output} names no node, or (when the function is
     *                                  called) the number of leaves is not the number of inputs
     */
    public java.util.function.Function<Value[], Value> asFunction(String output) {
        String outputName = output == null ? outputName() : output;
        Named out = require(outputName);
        return leaves -> {
            if (leaves.length != inputs.size()) {
                throw new IllegalArgumentException("the program has " + inputs.size() + " inputs ("
                        + abbreviate(inputs()) + ") but " + leaves.length + " values were given");
            }
            return code.run(leaves.clone(), source)[out.slot()];
        };
    }

    private void checkOverride(String name, Double value) {
        Named n = byName.get(name);
        if (n == null) {
            throw new IllegalArgumentException("the program has no input named '" + name + "'; its inputs are "
                    + abbreviate(inputs()));
        }
        if (n.role() == Role.COMPUTED) {
            throw new IllegalArgumentException("'" + name + "' is computed (" + name + " = " + n.definition()
                    + "), not an input; only inputs can be given values: " + abbreviate(inputs()));
        }
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("the value given for '" + name + "' must be a finite number, not "
                    + value);
        }
    }

    private Named require(String name) {
        Named n = byName.get(name);
        if (n == null) {
            throw new IllegalArgumentException("the program has no node named '" + name + "'");
        }
        return n;
    }

    private static String abbreviate(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        if (names.size() <= 20) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 20)) + ", ... (" + names.size() + " in all)";
    }

    /** The program text. */
    @Override
    public String toString() {
        return source;
    }
}
