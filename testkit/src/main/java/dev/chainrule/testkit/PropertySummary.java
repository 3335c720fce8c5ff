package dev.chainrule.testkit;

/** What a passing gradient property checked: how many cases, how many second-order checks, how many kinks. */
public final class PropertySummary {
    private final String property;
    private final long seed;
    private final int cases;
    private final int secondOrderCases;
    private final int kinks;

    PropertySummary(String property, long seed, int cases, int secondOrderCases, int kinks) {
        this.property = property;
        this.seed = seed;
        this.cases = cases;
        this.secondOrderCases = secondOrderCases;
        this.kinks = kinks;
    }

    /** The seed of the first case. */
    public long seed() {
        return seed;
    }

    /** How many cases were checked (each at one point, every input). */
    public int cases() {
        return cases;
    }

    /** How many of them had their second derivatives checked too. */
    public int secondOrderCases() {
        return secondOrderCases;
    }

    /** How many comparisons found a kink (non-differentiable point) and passed by the kink rule. */
    public int kinks() {
        return kinks;
    }

    /** For example {@code log: 1000 cases (1000 second order, 0 kinks), seed 42}. */
    @Override
    public String toString() {
        return property + ": " + cases + " cases (" + secondOrderCases + " second order, " + kinks + " kinks), seed "
                + seed;
    }
}
