package dev.chainrule.viz.explain;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Op;
import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One op's local derivative ∂node/∂input as the derivations write it: the op's own formula from
 * the op registry in the graph's names, with constants folded ({@code out·(1 − out)} for a
 * sigmoid node called out), and the engine's number. The slide deck shows one per step; an
 * {@link Explainer} takes them through whole statements.
 *
 * <pre>{@code
 * LocalDerivative d = LocalDerivative.of(Graph.of(f), fId, 0);
 * d.formula().map(Formula::toString)   // "z"
 * d.value()                            // -4
 * }</pre>
 */
public final class LocalDerivative {
    private final String of;
    private final String wrt;
    private final Formula formula;
    private final double value;

    private LocalDerivative(String of, String wrt, Formula formula, double value) {
        this.of = of;
        this.wrt = wrt;
        this.formula = formula;
        this.value = value;
    }

    /**
     * The local derivative of node {@code node} with respect to its input at {@code position},
     * at the graph's values. Inputs are written by their names ({@link Graph.Entry#name()}), an
     * unnamed constant by its value.
     *
     * @param graph    the graph view the node belongs to
     * @param node     the node's id in {@code graph}, 0 to {@code graph.size() - 1}
     *                 ({@link Graph.Entry#id()})
     * @param position which of the node's inputs the derivative is taken with respect to, from 0
     * @return the local derivative ∂node/∂input, with the op's formula when it gives one
     * @throws NullPointerException      if {@code graph} is null
     * @throws IndexOutOfBoundsException if {@code node} is not an id of the graph, or the node has no
     *                                   input at {@code position}
     * @throws IllegalArgumentException  if the node is a leaf or is not a scalar Value
     */
    public static LocalDerivative of(Graph graph, int node, int position) {
        return of(graph, node, position, Graph.Entry::name);
    }

    /**
     * As {@link #of(Graph, int, int)}, with nodes called what {@code names} says (a slide deck
     * passes the names its frames show, so that the formula reads like the rest of the slide).
     * An unnamed constant is still written as its value.
     *
     * @param graph    the graph view the node belongs to
     * @param node     the node's id in {@code graph}, 0 to {@code graph.size() - 1}
     * @param position which of the node's inputs the derivative is taken with respect to, from 0
     * @param names    what each node is called, in {@link #of()}, {@link #wrt()} and the formula
     * @return the local derivative ∂node/∂input, with the op's formula when it gives one
     * @throws NullPointerException      if {@code graph} or {@code names} is null
     * @throws IndexOutOfBoundsException if {@code node} is not an id of the graph, or the node has no
     *                                   input at {@code position}
     * @throws IllegalArgumentException  if the node is a leaf or is not a scalar Value
     */
    public static LocalDerivative of(Graph graph, int node, int position, Function<Graph.Entry, String> names) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(names, "names");
        Graph.Entry e = graph.nodes().get(Objects.checkIndex(node, graph.size()));
        if (!(e.node() instanceof Value v) || v.isLeaf()) {
            throw new IllegalArgumentException("node '" + e.name() + "' is " + (e.node() instanceof Value
                    ? "a leaf: it has no local derivative" : "not a scalar Value"));
        }
        List<Integer> in = e.inputIds();
        Objects.checkIndex(position, in.size());
        Op op = v.op();
        OpInfo info = op.info();
        double value = op.localDerivative(v, position);
        Formula formula = null;
        if (info.hasDerivativeFormulas()) {
            List<Term> args = new ArrayList<>();
            for (int id : in) {
                Graph.Entry x = graph.nodes().get(id);
                args.add(x.label() == null && x.inputIds().isEmpty() ? new Term.Num(x.value())
                        : new Term.Ref(names.apply(x), x.value()));
            }
            Map<String, Term> slots = NamedGraph.opSlots(info, op, args);
            slots.put("out", new Term.Ref(names.apply(e), e.value()));
            formula = new Formula(Fold.fold(Template.derivative(info.derivativeTemplate(position), slots)));
        }
        return new LocalDerivative(names.apply(e), names.apply(graph.nodes().get(in.get(position))), formula, value);
    }

    /** {@return the name of the node differentiated, the "of" in ∂of/∂wrt, such as {@code out_o1}} */
    public String of() {
        return of;
    }

    /**
     * {@return the name of the input the derivative is taken with respect to, the "wrt" in
     * ∂of/∂wrt, such as {@code net_o1}}
     */
    public String wrt() {
        return wrt;
    }

    /**
     * {@return the op's derivative formula in the graph's names with constants folded, such as
     * {@code out_o1·(1 − out_o1)}; empty for a user op that gives none}
     */
    public Optional<Formula> formula() {
        return Optional.ofNullable(formula);
    }

    /**
     * {@return the engine's number for ∂of/∂wrt, from the op's {@code localDerivative} at the
     * node's values when {@link #of(Graph, int, int)} made this}
     */
    public double value() {
        return value;
    }

    /**
     * {@code ∂of/∂wrt = formula = value} (the formula left out when there is none, or when it is
     * the number itself).
     *
     * @param notation Unicode or ASCII (LaTeX writes the same formula in LaTeX)
     * @param digits   significant digits, 1 to 17
     * @return the derivative as one line of text, such as
     *     {@code ∂out_o1/∂net_o1 = out_o1·(1 − out_o1) = 0.186815602}
     * @throws IllegalArgumentException if digits is below 1 or above 17
     */
    public String write(Notation notation, int digits) {
        TermWriter names = new TermWriter(notation, Explainer.checkDigits(digits), false);
        StringBuilder b = new StringBuilder(names.write(new Term.Partial(of, wrt, value)));
        if (formula != null && !(formula.term() instanceof Term.Num)) {
            b.append(" = ").append(names.write(formula.term()));
        }
        return b.append(" = ").append(names.write(new Term.Num(value))).toString();
    }

    /** {@link #write} in Unicode with 9 significant digits. */
    @Override
    public String toString() {
        return write(Notation.UNICODE, Digits.DEFAULT);
    }
}
