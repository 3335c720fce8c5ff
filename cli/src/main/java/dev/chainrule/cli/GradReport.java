package dev.chainrule.cli;

import dev.chainrule.engine.internal.JsonText;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Writes the result of {@code grad} as a table, JSON, CSV, Markdown or LaTeX. */
final class GradReport {
    static final List<String> FORMATS = List.of("table", "json", "csv", "markdown", "latex");

    private final Computation c;
    private final int digits;
    private final double[][] hessian;

    GradReport(Computation c, int digits, boolean hessian) {
        this.c = c;
        this.digits = digits;
        this.hessian = hessian ? c.hessian() : null;
    }

    static String checkFormat(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(f)) {
            throw new UserError("--format " + format + ": unknown format; use one of " + String.join(", ", FORMATS));
        }
        return f;
    }

    void write(String format, PrintStream out) {
        switch (format) {
            case "json" -> json(out);
            case "csv" -> csv(out);
            case "markdown" -> markdown(out);
            case "latex" -> latex(out);
            default -> table(out);
        }
    }

    private boolean hasUpdate(String name) {
        return c.lr != null && c.wrt.contains(name);
    }

    private String gradHeader() {
        return "∂" + c.outputName() + "/∂node";
    }

    private String updatedHeader() {
        return "updated (η = " + Numbers.human(c.lr, digits) + ")";
    }

    private String h(double x) {
        return Numbers.human(x, digits);
    }

    private void table(PrintStream out) {
        boolean lr = c.lr != null;
        TextTable t = lr
                ? new TextTable(new boolean[] {false, false, true, true, true}, "node", "op", "value", gradHeader(), updatedHeader())
                : new TextTable(new boolean[] {false, false, true, true}, "node", "op", "value", gradHeader());
        for (String name : c.evaluation.nodes().keySet()) {
            String value = h(c.node(name).data());
            String grad = h(c.node(name).grad());
            if (lr) {
                t.add(name, c.opOf(name), value, grad, hasUpdate(name) ? h(c.updated(name)) : "");
            } else {
                t.add(name, c.opOf(name), value, grad);
            }
        }
        out.print(t);
        if (hessian != null) {
            out.println();
            out.println("Hessian ∂²" + c.outputName() + "/∂a∂b:");
            boolean[] right = new boolean[c.wrt.size() + 1];
            java.util.Arrays.fill(right, true);
            right[0] = false;
            String[] header = new String[c.wrt.size() + 1];
            header[0] = "";
            for (int j = 0; j < c.wrt.size(); j++) {
                header[j + 1] = c.wrt.get(j);
            }
            TextTable m = new TextTable(right, header);
            for (int i = 0; i < c.wrt.size(); i++) {
                String[] row = new String[c.wrt.size() + 1];
                row[0] = c.wrt.get(i);
                for (int j = 0; j < c.wrt.size(); j++) {
                    row[j + 1] = h(hessian[i][j]);
                }
                m.add(row);
            }
            out.print(m);
        }
    }

    private void json(PrintStream out) {
        StringBuilder s = new StringBuilder("{\"output\": ").append(quote(c.outputName())).append(", \"nodes\": [");
        boolean first = true;
        for (String name : c.evaluation.nodes().keySet()) {
            s.append(first ? "\n  " : ",\n  ");
            first = false;
            s.append("{\"name\": ").append(quote(name))
                    .append(", \"op\": ").append(quote(c.opOf(name)))
                    .append(", \"value\": ").append(Numbers.exact(c.node(name).data()))
                    .append(", \"grad\": ").append(Numbers.exact(c.node(name).grad()));
            if (hasUpdate(name)) {
                s.append(", \"updated\": ").append(Numbers.exact(c.updated(name)));
            }
            s.append('}');
        }
        s.append("\n]");
        if (hessian != null) {
            s.append(", \"hessian\": {\"wrt\": [");
            for (int i = 0; i < c.wrt.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(quote(c.wrt.get(i)));
            }
            s.append("], \"matrix\": [");
            for (int i = 0; i < hessian.length; i++) {
                s.append(i == 0 ? "[" : ", [");
                for (int j = 0; j < hessian[i].length; j++) {
                    s.append(j == 0 ? "" : ", ").append(Numbers.exact(hessian[i][j]));
                }
                s.append(']');
            }
            s.append("]}");
        }
        out.println(s.append('}'));
    }

    /** {@code s} as a JSON string literal (the engine's {@link JsonText}, shared with nn's parameter files). */
    static String quote(String s) {
        return JsonText.quote(s);
    }

    private void csv(PrintStream out) {
        boolean lr = c.lr != null;
        out.println("name,op,value,grad" + (lr ? ",updated" : ""));
        for (String name : c.evaluation.nodes().keySet()) {
            out.print(name + "," + c.opOf(name) + "," + Numbers.exact(c.node(name).data()) + ","
                    + Numbers.exact(c.node(name).grad()));
            if (lr) {
                out.print("," + (hasUpdate(name) ? Numbers.exact(c.updated(name)) : ""));
            }
            out.println();
        }
        if (hessian != null) {
            out.println();
            out.println("hessian," + String.join(",", c.wrt));
            for (int i = 0; i < hessian.length; i++) {
                StringBuilder row = new StringBuilder(c.wrt.get(i));
                for (double v : hessian[i]) {
                    row.append(',').append(Numbers.exact(v));
                }
                out.println(row);
            }
        }
    }

    private void markdown(PrintStream out) {
        boolean lr = c.lr != null;
        out.println("| node | op | value | " + gradHeader() + " |" + (lr ? " " + updatedHeader() + " |" : ""));
        out.println("|---|---|---:|---:|" + (lr ? "---:|" : ""));
        for (String name : c.evaluation.nodes().keySet()) {
            out.print("| " + name.replace("_", "\\_") + " | " + c.opOf(name).replace("_", "\\_") + " | "
                    + h(c.node(name).data()) + " | " + h(c.node(name).grad()) + " |");
            if (lr) {
                out.print(" " + (hasUpdate(name) ? h(c.updated(name)) : "") + " |");
            }
            out.println();
        }
        if (hessian != null) {
            out.println();
            out.println("| ∂²" + c.outputName() + "/∂a∂b | " + String.join(" | ", c.wrt) + " |");
            out.println("|---|" + "---:|".repeat(c.wrt.size()));
            for (int i = 0; i < hessian.length; i++) {
                StringBuilder row = new StringBuilder("| " + c.wrt.get(i) + " |");
                for (double v : hessian[i]) {
                    row.append(' ').append(h(v)).append(" |");
                }
                out.println(row);
            }
        }
    }

    private void latex(PrintStream out) {
        boolean lr = c.lr != null;
        out.println("\\begin{tabular}{ll" + (lr ? "rrr" : "rr") + "}");
        out.println("\\hline");
        out.println("node & op & value & $\\partial " + tex(c.outputName()) + " / \\partial\\,\\mathrm{node}$"
                + (lr ? " & updated ($\\eta = " + h(c.lr) + "$)" : "") + " \\\\");
        out.println("\\hline");
        for (String name : c.evaluation.nodes().keySet()) {
            out.print("$" + tex(name) + "$ & " + c.opOf(name).replace("_", "\\_") + " & $" + h(c.node(name).data())
                    + "$ & $" + h(c.node(name).grad()) + "$");
            if (lr) {
                out.print(" & " + (hasUpdate(name) ? "$" + h(c.updated(name)) + "$" : ""));
            }
            out.println(" \\\\");
        }
        out.println("\\hline");
        out.println("\\end{tabular}");
        if (hessian != null) {
            out.println();
            out.println("$$\\frac{\\partial^2 " + tex(c.outputName()) + "}{\\partial a\\,\\partial b} = "
                    + "\\begin{pmatrix}");
            for (int i = 0; i < hessian.length; i++) {
                StringBuilder row = new StringBuilder("  ");
                for (int j = 0; j < hessian[i].length; j++) {
                    row.append(j == 0 ? "" : " & ").append(h(hessian[i][j]));
                }
                out.println(row.append(i == hessian.length - 1 ? "" : " \\\\"));
            }
            out.println("\\end{pmatrix}$$");
        }
    }

    /** A name as LaTeX maths: out_h1 becomes \mathrm{out}_{\mathrm{h1}}. */
    private static String tex(String name) {
        int u = name.indexOf('_');
        if (u > 0 && u < name.length() - 1) {
            return "\\mathrm{" + name.substring(0, u) + "}_{\\mathrm{" + name.substring(u + 1).replace("_", "\\_") + "}}";
        }
        return name.length() == 1 ? name : "\\mathrm{" + name.replace("_", "\\_") + "}";
    }
}
