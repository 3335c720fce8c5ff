package dev.chainrule.studio;

import dev.chainrule.checker.Parameters;
import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One program from the page, evaluated at the page's input values with the backward pass run once,
 * within the node cap. Input values the page still holds for names the program no longer has as
 * inputs (the user just renamed or deleted one) are left out: they are the page's stale fields,
 * not numbers the user means.
 */
final class Computed {
    final Program program;
    final Map<String, Double> at;
    final Evaluation evaluation;
    final Graph graph;
    final List<String> parameters;

    private Computed(Program program, Map<String, Double> at, Evaluation evaluation, Graph graph, List<String> parameters) {
        this.program = program;
        this.at = at;
        this.evaluation = evaluation;
        this.graph = graph;
        this.parameters = parameters;
    }

    /**
     * Parses and runs.
     *
     * @throws dev.chainrule.engine.expr.ProgramException for a mistake in the program (line and column)
     * @throws IllegalArgumentException for an input value or output the program cannot take
     * @throws StudioException over the node cap
     */
    static Computed run(String text, Map<String, Double> inputs, String output, StudioLimits limits) {
        Program p = Program.parse(text);
        if (p.names().size() > limits.maxNodes()) {
            throw tooMany(p.names().size(), limits);
        }
        Map<String, Double> at = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : inputs.entrySet()) {
            if (p.isInput(e.getKey())) {
                at.put(e.getKey(), e.getValue());
            }
        }
        Evaluation ev = p.evaluate(at, output != null && p.has(output) ? output : null);
        ev.output().backward();
        Graph g = Graph.of(ev.output());
        if (g.size() > limits.maxNodes()) {
            throw tooMany(g.size(), limits);
        }
        return new Computed(p, at, ev, g, Parameters.of(p, null));
    }

    private static StudioException tooMany(int n, StudioLimits limits) {
        return StudioException.limit(422, "the graph has " + n + " nodes, more than the studio's limit of "
                + limits.maxNodes() + "; draw it with 'chainrule render --max-nodes " + n
                + "', or start the studio with --max-nodes " + n);
    }

    String outputName() {
        return evaluation.outputName();
    }

    Value output() {
        return evaluation.output();
    }

    /**
     * If a value or gradient is NaN or infinite, the anomaly message that says which op first made it
     * and where in the program; otherwise null.
     */
    String anomaly() {
        boolean bad = false;
        for (Graph.Entry e : graph.nodes()) {
            if (!Double.isFinite(e.value()) || !Double.isFinite(e.gradValue())) {
                bad = true;
                break;
            }
        }
        if (!bad) {
            return null;
        }
        return program.firstAnomaly(at, evaluation.outputName()).orElse("a value or gradient is not finite");
    }
}
