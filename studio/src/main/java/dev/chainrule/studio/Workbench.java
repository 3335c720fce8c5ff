package dev.chainrule.studio;

import dev.chainrule.checker.CheckReport;
import dev.chainrule.checker.Checker;
import dev.chainrule.checker.LineResult;
import dev.chainrule.checker.Problem;
import dev.chainrule.engine.Graph;
import dev.chainrule.engine.expr.ProgramException;
import dev.chainrule.viz.Direction;
import dev.chainrule.viz.GraphRenderer;
import dev.chainrule.viz.GraphStyle;
import dev.chainrule.viz.NodeNames;
import dev.chainrule.viz.OutputFormat;
import dev.chainrule.viz.Slide;
import dev.chainrule.viz.SlideDeck;
import dev.chainrule.viz.Theme;
import dev.chainrule.viz.explain.Derivation;
import dev.chainrule.viz.explain.DerivationWriter;
import dev.chainrule.viz.explain.Explainer;
import dev.chainrule.viz.explain.Notation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the page asks of the engine, viz and the checker, one method per request. The server holds
 * no state between requests: each carries the program and the input values, so nothing the page
 * sends can name a file or reach another request's data.
 */
final class Workbench {
    private final StudioLimits limits;

    Workbench(StudioLimits limits) {
        this.limits = limits;
    }

    /**
     * The program evaluated: every node with its value, gradient, inputs and local derivatives, the
     * inputs with the values used, the parameters, and the graph as SVG. A mistake in the program
     * is {@code ok: false} with its line, column and reason, for the editor.
     */
    Map<String, Object> evaluate(StudioRequest r) {
        Computed c;
        try {
            c = compute(r);
        } catch (PageError e) {
            return e.reply;
        }
        Double lr = r.number("lr");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("output", c.outputName());
        out.put("value", c.output().data());
        out.put("lr", lr);
        List<Object> inputs = new ArrayList<>();
        for (String name : c.program.inputs()) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("name", name);
            in.put("value", c.evaluation.node(name).data());
            in.put("parameter", c.parameters.contains(name));
            if (lr != null && c.parameters.contains(name)) {
                in.put("updated", c.evaluation.node(name).data() - lr * c.evaluation.node(name).grad());
            }
            inputs.add(in);
        }
        out.put("inputs", inputs);
        out.put("nodes", nodes(c.graph));
        out.put("warning", c.anomaly());
        out.put("svg", GraphRenderer.svg(c.graph, style(r)));
        return out;
    }

    /** The longest expression the node table shows for an unnamed node, in characters. */
    private static final int SHOWN_MAX = 24;

    private static List<Object> nodes(Graph g) {
        List<Object> out = new ArrayList<>();
        for (Graph.Entry e : g.nodes()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", e.id());
            n.put("label", e.label());
            n.put("shown", NodeNames.shown(g, e, SHOWN_MAX));
            n.put("op", e.opName());
            n.put("symbol", e.opSymbol());
            n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            n.put("value", e.value());
            n.put("grad", e.gradValue());
            n.put("inputs", e.inputIds());
            List<Object> local = new ArrayList<>();
            for (int k = 0; k < e.inputIds().size(); k++) {
                OptionalDouble d = e.localDerivative(k);
                local.add(d.isPresent() ? d.getAsDouble() : null);
            }
            n.put("local", local);
            out.add(n);
        }
        return out;
    }

    /**
     * The answers judged by the checker ({@link Checker#check}): one result per line with its
     * verdict, the node it is about and the named mistake.
     */
    Map<String, Object> check(StudioRequest r) {
        Computed c;
        try {
            c = compute(r);
        } catch (PageError e) {
            return e.reply;
        }
        CheckReport report;
        try {
            Problem p = Problem.builder(c.program).inputs(c.at).output(c.outputName()).learningRate(r.number("lr")).build();
            report = Checker.check(p, r.text("answers"));
        } catch (IllegalArgumentException e) {
            return failed(Map.of("kind", "input", "message", String.valueOf(e.getMessage())));
        }
        List<Object> results = new ArrayList<>();
        for (LineResult x : report.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", x.line());
            m.put("column", x.column());
            m.put("written", x.written());
            m.put("verdict", x.verdict().name().toLowerCase(Locale.ROOT));
            m.put("word", x.verdict().word());
            m.put("right", x.verdict().isRight());
            if (x.quantity() != null) {
                m.put("node", x.quantity().node());
                m.put("kind", x.quantity().kind().name().toLowerCase(Locale.ROOT));
                m.put("symbol", x.quantity().symbol());
            }
            m.put("trueValue", x.trueValue());
            m.put("mistake", x.mistake());
            m.put("catalogue", x.catalogue());
            m.put("matches", x.matches());
            m.put("message", x.message());
            results.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("results", results);
        out.put("summary", report.results().isEmpty() ? "No answers to check yet." : report.summary());
        return out;
    }

    /**
     * The cells a quiz hides, named in the {@code check} notation ({@code out_h1} for a value,
     * {@code dE/dw5} for a gradient, {@code w5'} for an updated weight): each read by the checker's
     * own parser, so a quiz names cells exactly as answers do.
     */
    Map<String, Object> quiz(StudioRequest r) {
        Computed c = Computed.run(r.text("program"), r.numbers("inputs"), r.name("output"), limits);
        List<String> hidden = r.names("hidden");
        StringBuilder answers = new StringBuilder();
        for (String h : hidden) {
            if (h.isBlank() || h.matches(".*[;#=\\n\\r].*")) {
                throw StudioException.request("a hidden cell is a name such as out_h1 or dE/dw5, not '" + h + "'");
            }
            answers.append(h.strip()).append(" = 0\n");
        }
        Problem p = Problem.builder(c.program).inputs(c.at).output(c.outputName()).learningRate(r.number("lr")).build();
        List<Object> cells = new ArrayList<>();
        List<LineResult> results = hidden.isEmpty() ? List.of() : Checker.check(p, answers.toString()).results();
        for (int i = 0; i < results.size(); i++) {
            LineResult x = results.get(i);
            if (x.quantity() == null) {
                return failed(Map.of("kind", "input", "message", "quiz: cannot read '" + hidden.get(i).strip() + "': "
                        + x.message().replaceFirst("^line \\d+:\\d+: ", "")));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", hidden.get(i).strip());
            m.put("node", x.quantity().node());
            m.put("kind", x.quantity().kind().name().toLowerCase(Locale.ROOT));
            m.put("symbol", x.quantity().symbol());
            cells.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("cells", cells);
        return out;
    }

    /**
     * The worked derivation of ∂output/∂node from the explain library ({@link Explainer}): the
     * chain rule along the whole path in the student's names, δ terms, each factor, the product and,
     * with a learning rate, the update; as text lines for the node panel.
     */
    Map<String, Object> explain(StudioRequest r) {
        Computed c;
        try {
            c = compute(r);
        } catch (PageError e) {
            return e.reply;
        }
        String node = r.name("node");
        if (node == null || !c.program.has(node)) {
            throw StudioException.request("'node' must name a node of the program");
        }
        Explainer.Builder b = Explainer.builder(c.output());
        Double lr = r.number("lr");
        if (lr != null) {
            b.learningRate(lr);
        }
        Derivation d = b.build().derive(node);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("node", node);
        out.put("value", d.value());
        out.put("text", DerivationWriter.text(Notation.UNICODE, 10).write(List.of(d)));
        return out;
    }

    /** Frame {@code index} of the backward-pass deck: its title, worked step and picture. */
    Map<String, Object> step(StudioRequest r) {
        Computed c = Computed.run(r.text("program"), r.numbers("inputs"), r.name("output"), limits);
        SlideDeck deck = SlideDeck.of(c.graph, style(r));
        int index = Math.max(0, Math.min(deck.size() - 1, r.integer("index", 0)));
        Slide s = deck.slides().get(index);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("index", index);
        out.put("count", deck.size());
        out.put("title", s.title());
        out.put("explanation", s.explanation());
        out.put("focus", s.focus());
        out.put("svg", deck.svg(index));
        return out;
    }

    /** The current picture, deck or table as a download. */
    Reply export(StudioRequest r) {
        Computed c = Computed.run(r.text("program"), r.numbers("inputs"), r.name("output"), limits);
        String format = r.name("format");
        GraphStyle style = style(r);
        String base = fileStem(c.outputName());
        if (format == null) {
            throw StudioException.request("'format' is missing");
        }
        return switch (format) {
            case "svg" -> Reply.download("image/svg+xml", GraphRenderer.render(c.graph, style, OutputFormat.SVG), base + ".svg");
            case "png" -> Reply.download("image/png", GraphRenderer.render(c.graph, style, OutputFormat.PNG), base + ".png");
            case "pdf" -> Reply.download("application/pdf", GraphRenderer.render(c.graph, style, OutputFormat.PDF), base + ".pdf");
            case "dot" -> Reply.download("text/vnd.graphviz; charset=utf-8",
                    GraphRenderer.render(c.graph, style, OutputFormat.DOT), base + ".dot");
            case "slides" -> Reply.download("text/html; charset=utf-8",
                    SlideDeck.of(c.graph, style).html().getBytes(StandardCharsets.UTF_8), base + "-slides.html");
            case "markdown", "latex", "csv" -> Reply.download(
                    format.equals("csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8",
                    NodeTable.of(c, r.number("lr")).write(format).getBytes(StandardCharsets.UTF_8),
                    base + (format.equals("markdown") ? ".md" : format.equals("latex") ? ".tex" : ".csv"));
            default -> throw StudioException.request("unknown export format '" + format
                    + "'; the studio exports svg, png, pdf, dot, slides, markdown, latex and csv");
        };
    }

    /** A file name made of the output's name: letters, digits, '-' and '_' only. */
    static String fileStem(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return s.isEmpty() || s.length() > 60 ? "graph" : s;
    }

    private GraphStyle style(StudioRequest r) {
        GraphStyle.Builder b = GraphStyle.builder().maxNodes(limits.maxNodes());
        String theme = r.name("theme");
        if (theme != null) {
            try {
                b.theme(Theme.valueOf(theme.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw StudioException.request("unknown theme '" + theme + "'; use light, dark, print or cs231n");
            }
        }
        String direction = r.name("direction");
        if (direction != null) {
            switch (direction) {
                case "lr" -> b.direction(Direction.LEFT_TO_RIGHT);
                case "tb" -> b.direction(Direction.TOP_TO_BOTTOM);
                default -> throw StudioException.request("unknown layout '" + direction + "'; use lr or tb");
            }
        }
        int digits = r.integer("digits", 0);
        if (digits > 0) {
            b.digits(digits);
        }
        return b.build();
    }

    /** A mistake in the program or its inputs, as the reply the page shows in the editor. */
    private static final class PageError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Map<String, Object> reply;

        PageError(Map<String, Object> reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    /** The program run at the page's inputs, or the reply that says what is wrong with it. */
    private Computed compute(StudioRequest r) throws PageError {
        try {
            return Computed.run(r.text("program"), r.numbers("inputs"), r.name("output"), limits);
        } catch (ProgramException e) {
            throw new PageError(parseFailure(e));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new PageError(failed(Map.of("kind", "input", "message", String.valueOf(e.getMessage()))));
        }
    }

    /** A mistake in the program, with its line, column and reason for the editor. */
    private static Map<String, Object> parseFailure(ProgramException e) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("kind", "parse");
        err.put("message", e.getMessage());
        err.put("reason", e.reason());
        err.put("line", e.line());
        err.put("column", e.column());
        return failed(err);
    }

    private static Map<String, Object> failed(Map<String, Object> error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", false);
        out.put("error", error);
        return out;
    }
}
