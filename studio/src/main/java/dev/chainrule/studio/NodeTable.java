package dev.chainrule.studio;

import dev.chainrule.engine.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The table of every named node (op, value, ∂output/∂node and, with a learning rate, each
 * parameter's updated value) as Markdown, LaTeX or CSV: the same columns as
 * {@code chainrule grad --format}. Markdown and LaTeX round to 10 significant digits; CSV is exact.
 */
final class NodeTable {
    private static final int DIGITS = 10;

    private final Computed c;
    private final Double lr;

    private NodeTable(Computed c, Double lr) {
        this.c = c;
        this.lr = lr;
    }

    static NodeTable of(Computed c, Double lr) {
        if (lr != null && !Double.isFinite(lr)) {
            throw StudioException.request("the learning rate must be a finite number");
        }
        return new NodeTable(c, lr);
    }

    String write(String format) {
        return switch (format) {
            case "csv" -> csv();
            case "markdown" -> markdown();
            case "latex" -> latex();
            default -> throw new IllegalArgumentException("no table format " + format);
        };
    }

    private String op(String name) {
        Value v = c.evaluation.node(name);
        if (c.program.isInput(name)) {
            return "input";
        }
        return v.isLeaf() ? "constant" : v.op().name();
    }

    private boolean hasUpdate(String name) {
        return lr != null && c.parameters.contains(name);
    }

    private double updated(String name) {
        Value v = c.evaluation.node(name);
        return v.data() - lr * v.grad();
    }

    private Map<String, Value> nodes() {
        return c.evaluation.nodes();
    }

    private String csv() {
        StringBuilder s = new StringBuilder("name,op,value,grad" + (lr != null ? ",updated" : "") + "\n");
        for (String name : nodes().keySet()) {
            Value v = c.evaluation.node(name);
            s.append(csvField(name)).append(',').append(op(name)).append(',').append(exact(v.data())).append(',')
                    .append(exact(v.grad()));
            if (lr != null) {
                s.append(',').append(hasUpdate(name) ? exact(updated(name)) : "");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private String markdown() {
        String grad = "∂" + c.outputName() + "/∂node";
        StringBuilder s = new StringBuilder("| node | op | value | " + md(grad) + " |"
                + (lr != null ? " updated (η = " + human(lr) + ") |" : "") + "\n");
        s.append("|---|---|---:|---:|").append(lr != null ? "---:|" : "").append('\n');
        for (String name : nodes().keySet()) {
            Value v = c.evaluation.node(name);
            s.append("| ").append(md(name)).append(" | ").append(md(op(name))).append(" | ").append(human(v.data()))
                    .append(" | ").append(human(v.grad())).append(" |");
            if (lr != null) {
                s.append(' ').append(hasUpdate(name) ? human(updated(name)) : "").append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private String latex() {
        StringBuilder s = new StringBuilder("\\begin{tabular}{ll" + (lr != null ? "rrr" : "rr") + "}\n\\hline\n");
        s.append("node & op & value & $\\partial ").append(tex(c.outputName())).append(" / \\partial\\,\\mathrm{node}$")
                .append(lr != null ? " & updated ($\\eta = " + human(lr) + "$)" : "").append(" \\\\\n\\hline\n");
        for (String name : nodes().keySet()) {
            Value v = c.evaluation.node(name);
            s.append('$').append(tex(name)).append("$ & ").append(texText(op(name))).append(" & $").append(human(v.data()))
                    .append("$ & $").append(human(v.grad())).append('$');
            if (lr != null) {
                s.append(" & ").append(hasUpdate(name) ? "$" + human(updated(name)) + "$" : "");
            }
            s.append(" \\\\\n");
        }
        return s.append("\\hline\n\\end{tabular}\n").toString();
    }

    /** Markdown cell text: the characters that would end a cell or start emphasis are escaped. */
    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("_", "\\_").replace("*", "\\*");
    }

    private static String csvField(String s) {
        return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** A name as LaTeX maths: out_h1 becomes \mathrm{out}_{\mathrm{h1}}. */
    private static String tex(String name) {
        int u = name.indexOf('_');
        if (u > 0 && u < name.length() - 1) {
            return "\\mathrm{" + texText(name.substring(0, u)) + "}_{\\mathrm{" + texText(name.substring(u + 1)) + "}}";
        }
        return name.length() == 1 ? name : "\\mathrm{" + texText(name) + "}";
    }

    private static String texText(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("_", "\\_").replace("&", "\\&").replace("%", "\\%")
                .replace("$", "\\$").replace("#", "\\#").replace("{", "\\{").replace("}", "\\}");
    }

    static String human(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(DIGITS)).stripTrailingZeros();
        double abs = Math.abs(x);
        return abs >= 1e-6 && abs < 1e15 ? d.toPlainString() : d.toString().replace("E+", "e").replace("E", "e");
    }

    private static String exact(double x) {
        if (!Double.isFinite(x)) {
            return "";
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
