package dev.chainrule.viz;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Node;
import dev.chainrule.viz.explain.LocalDerivative;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A step-by-step deck of one forward and one backward pass, for teaching the chain rule.
 *
 * <p>Forward frames come first: the inputs, then one frame per op as its value is computed.
 * Then the backward pass: the seed ∂f/∂f = 1, then one frame per node in reverse topological
 * order. Frame k highlights the node whose gradient is computed at that step and writes out
 * the chain-rule step, upstream gradient × local derivative = product (summed over every use
 * of the node), and each local derivative as the op's formula in the graph's names
 * ({@link Slide#localDerivatives()}, the formulas the worked derivations of
 * {@link dev.chainrule.viz.explain.Explainer} write); gradients fill in as they become known.
 *
 * <p>All numbers are the engine's: values and grads as {@link Graph} saw them, local
 * derivatives from {@link Graph.Entry#localDerivative(int)}. The deck checks that each grad
 * equals the sum it writes out, so call {@code backward()} exactly once before making it.
 *
 * <pre>{@code
 * f.backward();
 * SlideDeck deck = SlideDeck.of(f, GraphStyle.defaults());
 * deck.writeHtml(Path.of("backprop.html"));      // arrow keys or buttons step through it
 * deck.writeSvgFrames(Path.of("frames"));       // frame-01.svg, frame-02.svg, ...
 * }</pre>
 */
public final class SlideDeck {
    private static final Set<String> INFIX = Set.of("+", "-", "−", "×", "*", "÷", "/", "^", "·");

    /** The longest expression that names an unnamed node in a slide's text, in characters. */
    private static final int MAX_NAME = 40;

    private final Graph graph;
    private final GraphStyle style;
    /** The id of the node a focused deck leads to, or -1 for the whole backward pass. */
    private final int focus;
    private final List<Slide> slides;

    private SlideDeck(Graph graph, GraphStyle style, int focus) {
        this.graph = graph;
        this.style = style;
        this.focus = focus;
        this.slides = List.copyOf(build());
    }

    /**
     * The deck for the graph behind {@code output}, which must have had {@code backward()} called once.
     *
     * @param output the node the backward pass started from (the loss); every node it depends on is
     *     in the deck
     * @param style how each frame's graph is drawn and how numbers are written
     * @return the deck: forward frames, the seed, then one backward frame per node other than the
     *     output and the constants
     * @throws NullPointerException if {@code output} or {@code style} is null
     * @throws IllegalArgumentException for the reasons of {@link #of(Graph, GraphStyle)}
     * @throws IllegalStateException if the grads are not those of exactly one backward pass
     */
    public static SlideDeck of(Node output, GraphStyle style) {
        return of(Graph.of(Objects.requireNonNull(output, "output")), style);
    }

    /**
     * The deck for a graph view taken after one {@code backward()} call.
     *
     * @param graph the graph view; its last node is the output the backward pass started from
     * @param style how each frame's graph is drawn and how numbers are written
     * @return the deck: forward frames, the seed, then one backward frame per node other than the
     *     output and the constants
     * @throws NullPointerException if {@code graph} or {@code style} is null
     * @throws IllegalArgumentException if a node is not a scalar, the graph has more than
     *     {@link GraphStyle#maxNodes()} nodes, or an op gives no local derivative for one of its inputs
     * @throws IllegalStateException if the grads are not those of exactly one backward pass
     */
    public static SlideDeck of(Graph graph, GraphStyle style) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(style, "style");
        GraphRenderer.checkSize(graph, style);
        return new SlideDeck(graph, style, -1);
    }

    /**
     * A deck of only the steps on the way from the output to the node labelled {@code label}, as
     * in a worked example of one gradient (Mazur's ∂E/∂w5): every value of the forward pass at
     * once, the seed, then the gradient of each node on the way, from the output back to it.
     *
     * <pre>{@code
     * SlideDeck.focused(e, "w5", GraphStyle.defaults()).writeHtml(Path.of("dE_dw5.html"));
     * }</pre>
     *
     * @param output the node the backward pass started from (the loss)
     * @param label  the label of the node whose gradient the deck works out, such as {@code "w5"};
     *     the first node with that label is used
     * @param style  how each frame's graph is drawn and how numbers are written
     * @return the deck: one frame of every value, the seed, then one backward frame per node from the
     *     output down to the labelled node
     * @throws NullPointerException if {@code output}, {@code label} or {@code style} is null
     * @throws IllegalArgumentException if no node has that label or it is the output itself, or
     *     for the reasons of {@link #of(Graph, GraphStyle)}
     * @throws IllegalStateException if the grads are not those of exactly one backward pass
     */
    public static SlideDeck focused(Node output, String label, GraphStyle style) {
        Graph graph = Graph.of(Objects.requireNonNull(output, "output"));
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(label, "label");
        GraphRenderer.checkSize(graph, style);
        Graph.Entry target = graph.find(label);
        if (target == null) {
            throw new IllegalArgumentException("focus: no node labelled '" + DotText.shown(label) + "' in this graph"
                    + DotWriter.labelList(graph));
        }
        if (target.id() == graph.output().id()) {
            throw new IllegalArgumentException("focus: '" + DotText.shown(label) + "' is the output itself;"
                    + " give a node it is computed from, such as a weight");
        }
        return new SlideDeck(graph, style, target.id());
    }

    /** {@return the number of frames, at least 2 (the first frame and the seed)} */
    public int size() {
        return slides.size();
    }

    /** {@return the frames in order, the first at index 0; unmodifiable} */
    public List<Slide> slides() {
        return slides;
    }

    /**
     * Renders every frame to SVG, in order, with Graphviz; each picture carries its frame's caption.
     *
     * @return one SVG document per frame, in the order of {@link #slides()}
     * @throws IllegalStateException if no Graphviz engine can run (the message says how to install one)
     */
    public List<String> svgFrames() {
        List<String> out = new ArrayList<>(slides.size());
        for (Slide s : slides) {
            out.add(GraphRenderer.svgFromDot(s.dot(), style));
        }
        return out;
    }

    /**
     * Frame {@code index} (from 0) as SVG without its caption: the picture {@link #html()} shows for
     * it, rendered on demand, for tools that step through the deck one frame at a time (the studio).
     *
     * @param index the frame's position from 0: its {@link Slide#number()} minus 1
     * @return the frame's graph as an SVG document, without the title and explanation
     * @throws IndexOutOfBoundsException if there is no such frame
     * @throws IllegalStateException if no Graphviz engine can run
     */
    public String svg(int index) {
        return GraphRenderer.svgFromDot(slides.get(index).bareDot(), style);
    }

    /**
     * Writes {@code frame-01.svg}, {@code frame-02.svg}, ... into {@code dir} (created if missing).
     * The numbers have at least two digits, more for a deck of 100 frames or more; an existing file
     * of the same name is overwritten.
     *
     * @param dir the directory the frames are written into
     * @return the files written, in order
     * @throws IllegalStateException if no Graphviz engine can run
     * @throws java.io.UncheckedIOException if the directory or a file cannot be written
     */
    public List<Path> writeSvgFrames(Path dir) {
        List<String> svgs = svgFrames();
        List<Path> files = new ArrayList<>(svgs.size());
        int digits = Math.max(2, String.valueOf(svgs.size()).length());
        for (int i = 0; i < svgs.size(); i++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "frame-%0" + digits + "d.svg", i + 1));
            GraphRenderer.write(file, svgs.get(i).getBytes(StandardCharsets.UTF_8));
            files.add(file);
        }
        return files;
    }

    /**
     * Writes one self-contained HTML file (no network access, no external files) that shows the
     * frames one at a time; the arrow keys, space, Home/End and the buttons step through them.
     *
     * @param file the HTML file to write (UTF-8); missing parent directories are created, an existing
     *     file is overwritten
     * @return {@code file}
     * @throws IllegalStateException if no Graphviz engine can run
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public Path writeHtml(Path file) {
        GraphRenderer.write(file, html().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * {@return the self-contained HTML page {@link #writeHtml} writes: every frame's SVG and text
     * inline, titled by the style's title or {@code "Backpropagation through "} and the output's name}
     *
     * @throws IllegalStateException if no Graphviz engine can run
     */
    public String html() {
        String title = style.title() != null ? style.title() : "Backpropagation through " + name(graph.output());
        List<String> svgs = new ArrayList<>(slides.size());
        for (Slide s : slides) {
            svgs.add(GraphRenderer.svgFromDot(s.bareDot(), style));
        }
        return DeckHtml.page(title, slides, svgs, style.theme());
    }

    // ------------------------------------------------------------------ frames

    private List<Slide> build() {
        int n = graph.size();
        for (Graph.Entry e : graph.nodes()) {
            if (!e.isScalar()) {
                throw new IllegalArgumentException("backward-pass slides need a scalar graph; node '"
                        + DotText.shown(name(e)) + "' has shape " + Arrays.toString(e.shape()));
            }
        }
        checkGrads();
        List<Integer> ops = new ArrayList<>();
        List<Integer> leaves = new ArrayList<>();
        for (Graph.Entry e : graph.nodes()) {
            if (e.opName() != null) {
                ops.add(e.id());
            } else if (!NodeNames.isConstant(e)) {
                leaves.add(e.id());
            }
        }
        List<Slide> out = new ArrayList<>();
        boolean[] valueKnown = new boolean[n];
        boolean[] gradKnown = new boolean[n];
        for (Graph.Entry e : graph.nodes()) {
            valueKnown[e.id()] = e.opName() == null;   // inputs, and the numbers written in the program
        }
        List<String> inputs = new ArrayList<>();
        for (int id : leaves) {
            inputs.add(name(graph.nodes().get(id)) + " = " + num(graph.nodes().get(id).value()));
        }
        if (focus >= 0) {
            // A worked example of one gradient starts from the finished forward pass.
            java.util.Arrays.fill(valueKnown, true);
            add(out, "Forward pass: every value", List.of(String.join(",  ", inputs)), null,
                    valueKnown, gradKnown, Set.of(), Set.of());
        } else {
            // Forward: the inputs, then one op at a time.
            add(out, "Forward pass: the inputs", List.of(String.join(",  ", inputs)), null,
                    valueKnown, gradKnown, Set.of(), Set.of());
            for (int k = 0; k < ops.size(); k++) {
                Graph.Entry e = graph.nodes().get(ops.get(k));
                valueKnown[e.id()] = true;
                Set<Long> edges = new LinkedHashSet<>();
                for (int in : e.inputIds()) {
                    edges.add(FrameState.edge(in, e.id()));
                }
                add(out, "Forward step " + (k + 1) + " of " + ops.size() + ": " + name(e), forwardLines(e), name(e),
                        valueKnown, gradKnown, Set.of(e.id()), edges);
            }
        }
        // Backward: the seed, then one node at a time in the order the material teaches.
        Graph.Entry output = graph.output();
        gradKnown[output.id()] = true;
        String f = name(output);
        List<Integer> order = focus >= 0 ? onTheWay(focus) : teachingOrder(leaves);
        add(out, "Backward pass: the seed", List.of("∂" + f + "/∂" + f + " = 1", "every gradient below is ∂" + f
                + "/∂(node), found by the chain rule from the output back"), f,
                valueKnown, gradKnown, Set.of(output.id()), Set.of());
        for (int k = 0; k < order.size(); k++) {
            int id = order.get(k);
            Graph.Entry e = graph.nodes().get(id);
            gradKnown[id] = true;
            Set<Long> edges = new LinkedHashSet<>();
            for (int[] use : uses(id)) {
                edges.add(FrameState.edge(id, use[0]));
            }
            add(out, "Backward step " + (k + 1) + " of " + order.size() + ": ∂" + f + "/∂" + derivativeName(e),
                    backwardLines(e), localFormulas(e), name(e), valueKnown, gradKnown, Set.of(id), edges);
        }
        return out;
    }

    /**
     * Every node but the output and the constants, in the order a course teaches the backward
     * pass: the inputs nearest the output first (the output layer's weights before the hidden
     * layer's), and for each input the chain from the output down to it, one input at a time.
     * A node's gradient always comes after those of every node that uses it.
     */
    private List<Integer> teachingOrder(List<Integer> leaves) {
        int n = graph.size();
        // How many named nodes lie between each node and the output: a layer count that unnamed
        // products and sums do not inflate (w5 and b2 are both one layer from the output).
        int[] layer = new int[n];
        java.util.Arrays.fill(layer, Integer.MAX_VALUE);
        layer[n - 1] = 0;
        for (int id = n - 1; id >= 0; id--) {
            if (layer[id] == Integer.MAX_VALUE) {
                continue;
            }
            Graph.Entry e = graph.nodes().get(id);
            int step = layer[id] + (e.label() != null && id != n - 1 ? 1 : 0);
            for (int in : e.inputIds()) {
                layer[in] = Math.min(layer[in], step);
            }
        }
        // Within a layer, inputs used once (the weights w5, w6 ...) before those shared by several
        // chains (a bias, an input such as i1), then in program order: Mazur's w5, w6, w7, w8, b2.
        List<Integer> byLayer = new ArrayList<>(leaves);
        byLayer.sort(java.util.Comparator.<Integer>comparingInt(id -> layer[id])
                .thenComparingInt(id -> uses(id).size()).thenComparingInt(id -> id));
        boolean[] done = new boolean[n];
        done[n - 1] = true;
        List<Integer> order = new ArrayList<>();
        for (int leaf : byLayer) {
            // Descending ids: everything that uses a node on the way is itself on the way, later in
            // topological order, so it comes first.
            for (int id : onTheWay(leaf)) {
                if (!done[id]) {
                    done[id] = true;
                    order.add(id);
                }
            }
        }
        for (int id = n - 2; id >= 0; id--) {   // nodes made from constants alone
            if (!done[id] && !NodeNames.isConstant(graph.nodes().get(id))) {
                order.add(id);
            }
        }
        return order;
    }

    /**
     * The nodes on the way from the output back to node {@code target}, the output excluded:
     * those computed from {@code target}, and {@code target} itself, in descending id order.
     */
    private List<Integer> onTheWay(int target) {
        int n = graph.size();
        boolean[] from = new boolean[n];
        from[target] = true;
        for (Graph.Entry e : graph.nodes()) {
            for (int in : e.inputIds()) {
                from[e.id()] |= from[in];
            }
        }
        List<Integer> way = new ArrayList<>();
        for (int id = n - 2; id >= 0; id--) {
            if (from[id]) {
                way.add(id);
            }
        }
        return way;
    }

    /** What the slides call a node: its label, its value if it is a number, or its expression. */
    private String name(Graph.Entry e) {
        String s = NodeNames.nested(graph, e, MAX_NAME);
        return s.isEmpty() ? "(" + (e.opSymbol() == null ? e.opName() : e.opSymbol()) + " …)" : s;
    }

    /** {@link #name}, in parentheses when it is an expression, to follow ∂: ∂E/∂(w1·i1). */
    private String derivativeName(Graph.Entry e) {
        String s = NodeNames.inDerivative(graph, e, MAX_NAME, true);
        return s.isEmpty() ? name(e) : s;
    }

    private void add(List<Slide> out, String title, List<String> lines, String focus, boolean[] valueKnown,
            boolean[] gradKnown, Set<Integer> nodes, Set<Long> edges) {
        add(out, title, lines, List.of(), focus, valueKnown, gradKnown, nodes, edges);
    }

    private void add(List<Slide> out, String title, List<String> lines, List<String> formulas, String focus,
            boolean[] valueKnown, boolean[] gradKnown, Set<Integer> nodes, Set<Long> edges) {
        List<String> caption = new ArrayList<>();
        caption.add(title);
        caption.addAll(lines);
        caption.addAll(formulas);
        GraphStyle frameStyle = style.toBuilder().title(null).build();
        FrameState frame = new FrameState(valueKnown.clone(), gradKnown.clone(), nodes, edges, caption);
        FrameState bare = new FrameState(valueKnown.clone(), gradKnown.clone(), nodes, edges, List.of());
        out.add(new Slide(out.size() + 1, title, lines, formulas, focus, DotWriter.write(graph, frameStyle, frame),
                DotWriter.write(graph, frameStyle, bare)));
    }

    /** Each use of node {@code id}: {consumer id, input position}, in id then position order. */
    private List<int[]> uses(int id) {
        List<int[]> uses = new ArrayList<>();
        for (Graph.Entry c : graph.nodes()) {
            List<Integer> in = c.inputIds();
            for (int k = 0; k < in.size(); k++) {
                if (in.get(k) == id) {
                    uses.add(new int[] {c.id(), k});
                }
            }
        }
        return uses;
    }

    private double local(int consumer, int k) {
        OptionalDouble d = graph.nodes().get(consumer).localDerivative(k);
        if (d.isEmpty()) {
            throw new IllegalArgumentException("backward-pass slides: node '" + name(graph.nodes().get(consumer))
                    + "' gives no local derivative for its input " + k);
        }
        return d.getAsDouble();
    }

    /**
     * Each local derivative a backward step multiplies by, as the op's formula in the graph's
     * names (the worked derivations' {@link LocalDerivative}, so slides and derivations agree);
     * a use that repeats one already listed (x·x) and an op without a formula are left out.
     */
    private List<String> localFormulas(Graph.Entry e) {
        Set<String> lines = new LinkedHashSet<>();
        for (int[] use : uses(e.id())) {
            // in the slides' own names (x + y, not n3), so the formula reads like the rest of the frame
            LocalDerivative d = LocalDerivative.of(graph, use[0], use[1], this::derivativeName);
            d.formula().ifPresent(formula -> lines.add("local ∂" + d.of() + "/∂" + d.wrt() + " = " + formula));
        }
        return List.copyOf(lines);
    }

    /** Checks the grads are those of one backward pass: the seed is 1 and each grad is its chain-rule sum. */
    private void checkGrads() {
        Graph.Entry out = graph.output();
        String f = DotText.shown(name(out));
        if (out.gradValue() != 1.0) {
            throw new IllegalStateException("backward-pass slides: the output '" + f + "' has grad "
                    + out.gradValue() + ", not 1; call " + f + ".backward() once before making the deck");
        }
        for (int id = graph.size() - 2; id >= 0; id--) {
            double sum = 0;
            double scale = 1;
            for (int[] use : uses(id)) {
                double term = graph.nodes().get(use[0]).gradValue() * local(use[0], use[1]);
                sum += term;
                scale = Math.max(scale, Math.abs(term));
            }
            double grad = graph.nodes().get(id).gradValue();
            if (!(Math.abs(grad - sum) <= 1e-9 * Math.max(scale, Math.abs(grad)))) {
                throw new IllegalStateException("backward-pass slides: the grad of '" + DotText.shown(name(graph.nodes().get(id)))
                        + "' is " + grad + " but the chain rule through its uses gives " + sum
                        + "; leaf grads add up over backward() calls: call zeroGrad() and then backward() once");
            }
        }
    }

    private List<String> forwardLines(Graph.Entry e) {
        List<Integer> in = e.inputIds();
        String sym = e.opSymbol() == null ? e.opName() : e.opSymbol();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int id : in) {
            Graph.Entry x = graph.nodes().get(id);
            String part = name(x);
            names.add(NodeNames.needsParentheses(graph, x, sym) ? "(" + part + ")" : part);
            values.add(paren(x.value()));
        }
        String symbolic;
        String numeric;
        if (in.size() == 2 && INFIX.contains(sym)) {
            symbolic = names.get(0) + " " + sym + " " + names.get(1);
            numeric = values.get(0) + " " + sym + " " + values.get(1);
        } else if (in.size() == 1 && sym.startsWith("^")) {
            symbolic = names.get(0) + sym;
            numeric = values.get(0) + sym;
        } else {
            symbolic = sym + "(" + String.join(", ", names) + ")";
            numeric = sym + "(" + String.join(", ", values) + ")";
        }
        return List.of(name(e) + " = " + symbolic, "= " + numeric + " = " + num(e.value()));
    }

    private List<String> backwardLines(Graph.Entry e) {
        String f = name(graph.output());
        String v = derivativeName(e);
        List<int[]> uses = uses(e.id());
        List<String> factors = new ArrayList<>();
        List<String> products = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (int[] use : uses) {
            Graph.Entry c = graph.nodes().get(use[0]);
            double up = c.gradValue();
            double local = local(use[0], use[1]);
            factors.add("upstream ∂" + f + "/∂" + derivativeName(c) + " × local ∂" + derivativeName(c) + "/∂" + v);
            products.add(paren(up) + " × " + paren(local));
            terms.add(paren(up * local));
        }
        List<String> lines = new ArrayList<>();
        lines.add("∂" + f + "/∂" + v + " = " + String.join(" + ", factors));
        if (uses.size() == 1) {
            lines.add("= " + products.get(0) + " = " + num(e.gradValue()));
        } else {
            lines.add("= " + String.join(" + ", products));
            lines.add("= " + String.join(" + ", terms) + " = " + num(e.gradValue())
                    + "   (" + name(e) + " is used " + uses.size() + " times, so the gradients add)");
        }
        return lines;
    }

    private String num(double x) {
        return style.format(x);
    }

    private String paren(double x) {
        String s = num(x);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
