package dev.chainrule.testkit;

import dev.chainrule.engine.gradcheck.KinkConvention;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a passing gradient property did, counted as it went: the cases it checked, how many of
 * those had second derivatives checked, the points it drew again, the failures it excused, the
 * kinks it met and which convention the analytic value took at each.
 *
 * <p>{@code cases() + excused()} is the number of cases asked for. A test that wants its
 * property to mean something asserts a floor on {@link #cases()} and a ceiling on
 * {@link #excused()} and {@link #redrawn()}.
 */
public final class PropertySummary {
    private final String property;
    private final long seed;
    private final int checked;
    private final int secondOrderCases;
    private final int redrawn;
    private final int excused;
    private final Map<KinkConvention, Integer> kinks;

    PropertySummary(String property, long seed, int checked, int secondOrderCases, int redrawn, int excused,
            Map<KinkConvention, Integer> kinks) {
        this.property = property;
        this.seed = seed;
        this.checked = checked;
        this.secondOrderCases = secondOrderCases;
        this.redrawn = redrawn;
        this.excused = excused;
        EnumMap<KinkConvention, Integer> k = new EnumMap<>(KinkConvention.class);
        k.putAll(kinks);
        this.kinks = Collections.unmodifiableMap(k);
    }

    /** {@return the seed of the first case} */
    public long seed() {
        return seed;
    }

    /**
     * How many cases were checked and passed: every comparison of the case made and within its
     * tolerance. Excused cases are not counted here.
     *
     * @return how many cases were checked and passed: every comparison of the case made and within its
     *     tolerance
     */
    public int cases() {
        return checked;
    }

    /** {@return how many of the checked cases had their second derivatives checked too} */
    public int secondOrderCases() {
        return secondOrderCases;
    }

    /**
     * How many points were drawn again before a case could be checked: outside a domain, near a
     * kink, or where the numerical derivative could not resolve even PyTorch's tolerance.
     *
     * @return how many points were drawn again before a case could be checked: outside a domain, near a
     *     kink, or where the numerical derivative could not resolve even PyTorch's tolerance
     */
    public int redrawn() {
        return redrawn;
    }

    /**
     * How many cases failed and were excused rather than reported: only with
     * {@link ExprGenerator#allowKinks(boolean)}, where an operator inside the graph sat at its kink
     * (the graph's one-sided rules need not give a derivative of the whole).
     *
     * @return how many cases failed and were excused rather than reported: only with {@link
     *     ExprGenerator#allowKinks(boolean)}, where an operator inside the graph sat at its kink (the
     *     graph's one-sided rules need not give a derivative of the whole)
     */
    public int excused() {
        return excused;
    }

    /** {@return how many comparisons found a kink (non-differentiable point) and passed by the kink rule} */
    public int kinks() {
        int n = 0;
        for (int c : kinks.values()) {
            n += c;
        }
        return n;
    }

    /** {@return how many kinks took each convention (left slope, right slope, their mean, between)} */
    public Map<KinkConvention, Integer> kinkConventions() {
        return kinks;
    }

    /** For example {@code operator log: 1000 cases checked (1000 second order), 12 redrawn, 0 excused, 0 kinks, seed 42}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(property).append(": ").append(checked).append(" cases checked (")
                .append(secondOrderCases).append(" second order), ").append(redrawn).append(" redrawn, ")
                .append(excused).append(" excused, ").append(kinks()).append(" kinks");
        if (!kinks.isEmpty()) {
            s.append(' ').append(kinks);
        }
        return s.append(", seed ").append(seed).toString();
    }
}
