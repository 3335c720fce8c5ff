package dev.chainrule.engine.gradcheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What {@link GradCheck} found: one {@link GradCheckEntry} per input (or tensor element, or
 * direction), the output value, and the tolerances used.
 */
public final class GradCheckResult {
    private final List<GradCheckEntry> entries;
    private final double output;
    private final double atol;
    private final double rtol;
    private final double eps;

    GradCheckResult(List<GradCheckEntry> entries, double output, double atol, double rtol, double eps) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.output = output;
        this.atol = atol;
        this.rtol = rtol;
        this.eps = eps;
    }

    /** {@return every comparison, in input order} */
    public List<GradCheckEntry> entries() {
        return entries;
    }

    /**
     * {@return the entry for the input with this name, or {@code null}}
     *
     * @param name the name
     */
    public GradCheckEntry entry(String name) {
        for (GradCheckEntry e : entries) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** {@return whether every entry passed} */
    public boolean passed() {
        for (GradCheckEntry e : entries) {
            if (!e.passed()) {
                return false;
            }
        }
        return true;
    }

    /** {@return the entries that failed, in input order} */
    public List<GradCheckEntry> failures() {
        List<GradCheckEntry> out = new ArrayList<>();
        for (GradCheckEntry e : entries) {
            if (!e.passed()) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@return the entries at which the function has a kink (is not differentiable)} */
    public List<GradCheckEntry> kinks() {
        List<GradCheckEntry> out = new ArrayList<>();
        for (GradCheckEntry e : entries) {
            if (e.kink()) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The entry furthest from its tolerance (largest {@link GradCheckEntry#excess()}); among
     * equals, the one with the largest relative error. {@code null} if there are no inputs.
     *
     * @return the entry furthest from its tolerance (largest {@link GradCheckEntry#excess()}); among equals,
     *     the one with the largest relative error
     */
    public GradCheckEntry worst() {
        GradCheckEntry worst = null;
        for (GradCheckEntry e : entries) {
            if (worst == null || e.excess() > worst.excess()
                    || (e.excess() == worst.excess() && e.relativeError() > worst.relativeError())) {
                worst = e;
            }
        }
        return worst;
    }

    /** {@return the largest symmetric relative error over all entries (0 if there are none)} */
    public double maxRelativeError() {
        double m = 0;
        for (GradCheckEntry e : entries) {
            double r = e.relativeError();
            if (Double.isNaN(r) || r > m) {
                m = r;
            }
        }
        return m;
    }

    /** {@return the function's value at the point (for a tensor output, the sum that was differentiated)} */
    public double output() {
        return output;
    }

    /** {@return the absolute tolerance used} */
    public double atol() {
        return atol;
    }

    /** {@return the relative tolerance used} */
    public double rtol() {
        return rtol;
    }

    /** {@return the relative step used} */
    public double eps() {
        return eps;
    }

    /**
     * A table: one line per entry with point, analytic, numerical, both errors and the verdict,
     * then the worst input.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append("gradcheck ").append(passed() ? "passed" : "FAILED")
                .append(String.format(Locale.ROOT, " (atol %g, rtol %g, eps %g), output %s%n",
                        atol, rtol, eps, output));
        int w = 5;
        for (GradCheckEntry e : entries) {
            w = Math.max(w, e.name().length());
        }
        s.append(String.format(Locale.ROOT, "%-" + w + "s  %14s  %22s  %22s  %10s  %10s  %s%n",
                "input", "point", "analytic", "numerical", "|a-n|", "rel.err", "verdict"));
        for (GradCheckEntry e : entries) {
            String verdict = (e.passed() ? "ok" : "FAILED")
                    + (e.kink() ? " (kink: one-sided slopes " + e.leftSlope() + ", " + e.rightSlope() + ")" : "");
            s.append(String.format(Locale.ROOT, "%-" + w + "s  %14.6g  %22.15g  %22.15g  %10.3g  %10.3g  %s%n",
                    e.name(),
                    e.point(), e.analytic(), e.numerical(), e.absoluteError(), e.relativeError(), verdict));
        }
        GradCheckEntry worst = worst();
        if (worst != null) {
            s.append("worst: ").append(worst.name())
                    .append(String.format(Locale.ROOT, " (rel. error %.3g)", worst.relativeError()));
        }
        return s.toString();
    }
}
