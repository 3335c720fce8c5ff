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

    private final Graph graph;
    private final GraphStyle style;
    private final List<Slide> slides;

    private SlideDeck(Graph graph, GraphStyle style) {
        this.graph = graph;
        this.style = style;
        this.slides = List.copyOf(build());
    }

    /** The deck for the graph behind {@code output}, which must have had {@code backward()} called once. */
    public static SlideDeck of(Node output, GraphStyle style) {
        return of(Graph.of(Objects.requireNonNull(output, "output")), style);
    }

    /**
     * The deck for a graph view taken after one {@code backward()} call.
     *
     * @throws IllegalArgumentException if a node is not a scalar, or the graph is above the node limit
     * @throws IllegalStateException if the grads are not those of exactly one backward pass
     */
    public static SlideDeck of(Graph graph, GraphStyle style) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(style, "style");
        GraphRenderer.checkSize(graph, style);
        return new SlideDeck(graph, style);
    }

    /** The number of frames. */
    public int size() {
        return slides.size();
    }

    /** The frames in order. */
    public List<Slide> slides() {
        return slides;
    }

    /** Renders every frame to SVG, in order. */
    public List<String> svgFrames() {
        List<String> out = new ArrayList<>(slides.size());
        for (Slide s : slides) {
            out.add(GraphRenderer.svgFromDot(s.dot(), style));
        }
        return out;
    }

    /**
     * Writes {@code frame-01.svg}, {@code frame-02.svg}, ... into {@code dir} (created if missing).
     *
     * @return the files written, in order
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
     * @return {@code file}
     */
    public Path writeHtml(Path file) {
        GraphRenderer.write(file, html().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** The HTML {@link #writeHtml} writes. */
    public String html() {
        String title = style.title() != null ? style.title() : "Backpropagation through " + graph.output().name();
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
                        + DotText.shown(e.name()) + "' has shape " + Arrays.toString(e.shape()));
            }
        }
        checkGrads();
        List<Integer> ops = new ArrayList<>();
        List<Integer> leaves = new ArrayList<>();
        for (Graph.Entry e : graph.nodes()) {
            (e.opName() == null ? leaves : ops).add(e.id());
        }
        List<Slide> out = new ArrayList<>();
        boolean[] valueKnown = new boolean[n];
        boolean[] gradKnown = new boolean[n];
        for (int id : leaves) {
            valueKnown[id] = true;
        }
        // Forward: the inputs, then one op at a time.
        List<String> inputs = new ArrayList<>();
        for (int id : leaves) {
            Graph.Entry e = graph.nodes().get(id);
            inputs.add(e.name() + " = " + num(e.value()));
        }
        add(out, "Forward pass: the inputs", List.of(String.join(",  ", inputs)), null,
                valueKnown, gradKnown, Set.of(), Set.of());
        for (int k = 0; k < ops.size(); k++) {
            Graph.Entry e = graph.nodes().get(ops.get(k));
            valueKnown[e.id()] = true;
            Set<Long> edges = new LinkedHashSet<>();
            for (int in : e.inputIds()) {
                edges.add(FrameState.edge(in, e.id()));
            }
            add(out, "Forward step " + (k + 1) + " of " + ops.size() + ": " + e.name(), forwardLines(e), e.name(),
                    valueKnown, gradKnown, Set.of(e.id()), edges);
        }
        // Backward: the seed, then every other node from the output back to the inputs.
        Graph.Entry output = graph.output();
        gradKnown[output.id()] = true;
        String f = output.name();
        int steps = n - 1;
        add(out, "Backward pass: the seed", List.of("∂" + f + "/∂" + f + " = 1", "every gradient below is ∂" + f
                + "/∂(node), found by the chain rule from the output back"), f,
                valueKnown, gradKnown, Set.of(output.id()), Set.of());
        for (int id = n - 2, k = 1; id >= 0; id--, k++) {
            Graph.Entry e = graph.nodes().get(id);
            gradKnown[id] = true;
            Set<Long> edges = new LinkedHashSet<>();
            for (int[] use : uses(id)) {
                edges.add(FrameState.edge(id, use[0]));
            }
            add(out, "Backward step " + k + " of " + steps + ": ∂" + f + "/∂" + e.name(), backwardLines(e),
                    localFormulas(e), e.name(), valueKnown, gradKnown, Set.of(id), edges);
        }
        return out;
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
            throw new IllegalArgumentException("backward-pass slides: node '" + graph.nodes().get(consumer).name()
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
            LocalDerivative d = LocalDerivative.of(graph, use[0], use[1]);
            d.formula().ifPresent(formula -> lines.add("local ∂" + d.of() + "/∂" + d.wrt() + " = " + formula));
        }
        return List.copyOf(lines);
    }

    /** Checks the grads are those of one backward pass: the seed is 1 and each grad is its chain-rule sum. */
    private void checkGrads() {
        Graph.Entry out = graph.output();
        String f = DotText.shown(out.name());
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
                throw new IllegalStateException("backward-pass slides: the grad of '" + DotText.shown(graph.nodes().get(id).name())
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
            names.add(x.name());
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
        return List.of(e.name() + " = " + symbolic, "= " + numeric + " = " + num(e.value()));
    }

    private List<String> backwardLines(Graph.Entry e) {
        String f = graph.output().name();
        String v = e.name();
        List<int[]> uses = uses(e.id());
        List<String> factors = new ArrayList<>();
        List<String> products = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (int[] use : uses) {
            Graph.Entry c = graph.nodes().get(use[0]);
            double up = c.gradValue();
            double local = local(use[0], use[1]);
            factors.add("upstream ∂" + f + "/∂" + c.name() + " × local ∂" + c.name() + "/∂" + v);
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
                    + "   (" + v + " is used " + uses.size() + " times, so the gradients add)");
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
