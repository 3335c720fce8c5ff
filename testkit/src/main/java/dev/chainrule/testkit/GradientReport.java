package dev.chainrule.testkit;

import dev.chainrule.engine.gradcheck.GradCheckEntry;
import dev.chainrule.engine.gradcheck.GradCheckResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What a failed gradient property found: the seed to replay it, the smallest failing expression
 * and point, the analytic against the numerical gradient there, and where the graph was written.
 * Its {@link #toString()} is the text of the assertion failure.
 */
public final class GradientReport {
    private final String property;
    private final long runSeed;
    private final long caseSeed;
    private final int caseIndex;
    private final int cases;
    private final boolean secondOrder;
    private final Expr original;
    private final double[] originalPoint;
    private final Expr expression;
    private final double[] point;
    private final int shrinkSteps;
    private final GradCheckResult check;
    private final String dot;
    private final Path dotFile;
    private final Path svgFile;
    private final String fileNote;
    private final String where;
    private final String originalWhere;
    private final String reason;
    private final String tensorExpression;
    private final String originalTensorExpression;

    /**
     * @param where         the shrunk point as text, or null to write {@code point} by input names
     * @param originalWhere the first-drawn point as text, or null to write {@code originalPoint}
     * @param reason        why the case failed when it is not a gradient out of tolerance, or null
     */
    GradientReport(String property, long runSeed, long caseSeed, int caseIndex, int cases, boolean secondOrder,
            Expr original, double[] originalPoint, Expr expression, double[] point, int shrinkSteps,
            GradCheckResult check, String dot, Path dotFile, Path svgFile, String fileNote, String where,
            String originalWhere, String reason) {
        this(property, runSeed, caseSeed, caseIndex, cases, secondOrder, original, originalPoint, expression, point,
                shrinkSteps, check, dot, dotFile, svgFile, fileNote, where, originalWhere, reason, null, null);
    }

    /** As above, for a random tensor expression: its text after and before shrinking. */
    GradientReport(String property, long runSeed, long caseSeed, int caseIndex, int cases, boolean secondOrder,
            Expr original, double[] originalPoint, Expr expression, double[] point, int shrinkSteps,
            GradCheckResult check, String dot, Path dotFile, Path svgFile, String fileNote, String where,
            String originalWhere, String reason, String tensorExpression, String originalTensorExpression) {
        this.tensorExpression = tensorExpression;
        this.originalTensorExpression = originalTensorExpression;
        this.property = property;
        this.runSeed = runSeed;
        this.caseSeed = caseSeed;
        this.caseIndex = caseIndex;
        this.cases = cases;
        this.secondOrder = secondOrder;
        this.original = original;
        this.originalPoint = originalPoint.clone();
        this.expression = expression;
        this.point = point.clone();
        this.shrinkSteps = shrinkSteps;
        this.check = check;
        this.dot = dot;
        this.dotFile = dotFile;
        this.svgFile = svgFile;
        this.fileNote = fileNote;
        this.where = where;
        this.originalWhere = originalWhere;
        this.reason = reason;
    }

    /** {@return why the case failed when no gradient was out of tolerance (a kink convention), or {@code null}} */
    public String reason() {
        return reason;
    }

    /** {@return the seed of the run's first case} */
    public long seed() {
        return runSeed;
    }

    /** {@return the seed of the failing case: replaying with it makes that case the first} */
    public long caseSeed() {
        return caseSeed;
    }

    /** {@return the failing case's position in the run, from 0} */
    public int caseIndex() {
        return caseIndex;
    }

    /** {@return whether the failure is in second derivatives (first derivatives were right)} */
    public boolean secondOrder() {
        return secondOrder;
    }

    /** {@return the smallest failing expression, or {@code null} when a given function (not an expression) failed} */
    public Expr expression() {
        return expression;
    }

    /** {@return the expression as first generated, or {@code null} for a given function} */
    public Expr original() {
        return original;
    }

    /** {@return the failing point after shrinking (unused inputs are 0)} A copy. */
    public double[] point() {
        return point.clone();
    }

    /** {@return the failing point as first drawn} A copy. */
    public double[] originalPoint() {
        return originalPoint.clone();
    }

    /** {@return how many shrinking steps were taken} */
    public int shrinkSteps() {
        return shrinkSteps;
    }

    /** {@return the gradient check at the smallest failing expression and point} */
    public GradCheckResult check() {
        return check;
    }

    /** {@return the entry that failed worst} */
    public GradCheckEntry worst() {
        return check.worst();
    }

    /** {@return the failing graph in Graphviz DOT, with values and analytic grads (empty if none could be built)} */
    public String dot() {
        return dot;
    }

    /** {@return where the DOT file was written, if it was} */
    public Optional<Path> dotFile() {
        return Optional.ofNullable(dotFile);
    }

    /** {@return where the SVG was written, if viz was on the classpath} */
    public Optional<Path> svgFile() {
        return Optional.ofNullable(svgFile);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(property).append(" failed ").append(secondOrder ? "(second derivatives) " : "")
                .append("at case ").append(caseIndex + 1).append(" of ").append(cases)
                .append(", seed ").append(runSeed).append('\n');
        s.append("  replay: -D").append(Seeds.PROPERTY).append('=').append(caseSeed)
                .append("  or  @GradientSeed(").append(caseSeed).append("L)  (a seed set in code is pinned: use .seed(")
                .append(caseSeed).append("L) there)\n");
        if (reason != null) {
            s.append(reason).append('\n');
        }
        if (expression != null) {
            s.append("smallest failing expression (").append(expression.size()).append(" nodes, shrunk from ")
                    .append(original.size()).append(" in ").append(shrinkSteps).append(" steps):\n");
            s.append(indent(expression.toString())).append('\n');
        } else if (tensorExpression != null) {
            s.append("smallest failing expression (shrunk in ").append(shrinkSteps).append(" steps):\n")
                    .append(indent(tensorExpression)).append('\n');
        } else {
            s.append("the given function fails\n");
        }
        String at = where != null ? where : pointText(expression, point);
        s.append("at ").append(at).append('\n');
        GradCheckEntry w = check.worst();
        s.append(String.format(Locale.ROOT, "worst: %s: analytic %s, numerical %s, |a-n| %.3g, rel. error %.3g",
                w.name(), w.analytic(), w.numerical(), w.absoluteError(), w.relativeError()));
        if (!Double.isNaN(w.errorEstimate())) {
            s.append(String.format(Locale.ROOT, ", error estimate %.3g (allowed %.3g)", w.errorEstimate(),
                    w.allowedError()));
        }
        s.append('\n');
        s.append(indent(check.toString())).append('\n');
        if (original != null && original != expression) {
            s.append("original expression:\n").append(indent(original.toString())).append('\n');
            s.append("at ").append(pointText(original, originalPoint)).append('\n');
        } else {
            String first = originalWhere != null ? originalWhere : pointText(original, originalPoint);
            if (originalTensorExpression != null) {
                s.append("original expression:\n").append(indent(originalTensorExpression)).append('\n')
                        .append("at ").append(first).append('\n');
            } else if (!first.equals(at)) {
                s.append("first failing point, before shrinking:\n  at ").append(first).append('\n');
            }
        }
        if (dotFile != null) {
            s.append("graph: ").append(dotFile);
            if (svgFile != null) {
                s.append(" and ").append(svgFile);
            }
            s.append('\n');
        }
        if (fileNote != null) {
            s.append(fileNote).append('\n');
        }
        return s.toString().stripTrailing();
    }

    /** {@code x = 0.5, y = -2}, listing only the inputs the expression uses. */
    static String pointText(Expr e, double[] x) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            if (e != null && !e.usesInput(i)) {
                continue;
            }
            s.append(s.length() == 0 ? "" : ", ").append(Expr.inputName(i)).append(" = ").append(Numbers.format(x[i]));
        }
        return s.length() == 0 ? "(no inputs)" : s.toString();
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
