package dev.chainrule.testkit;

import org.opentest4j.AssertionFailedError;

/**
 * The JUnit assertion failure of a gradient property: its message is the report, and the IDE's
 * expected/actual view shows the numerical against the analytic derivative of the worst input.
 */
public final class GradientAssertionError extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final transient GradientReport report;

    GradientAssertionError(GradientReport report) {
        super(report.toString(), report.worst().numerical(), report.worst().analytic());
        this.report = report;
    }

    /** {@return the full report: seed, smallest expression, point, analytic against numerical} */
    public GradientReport report() {
        return report;
    }
}
