package dev.chainrule.bench;

import java.util.Arrays;

/** Timing samples in nanoseconds, summarised as median and 10th/90th percentiles in ms. */
final class Samples {
    private long[] ns = new long[64];
    private int n;

    void add(long nanos) {
        if (n == ns.length) {
            ns = Arrays.copyOf(ns, n * 2);
        }
        ns[n++] = nanos;
    }

    int count() {
        return n;
    }

    /** The q-quantile (0..1) in milliseconds, by the nearest-rank rule. */
    double quantileMs(double q) {
        if (n == 0) {
            throw new IllegalStateException("no samples were taken");
        }
        long[] sorted = Arrays.copyOf(ns, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * n);
        int i = Math.min(n - 1, Math.max(0, rank - 1));
        if (q == 0.5 && n % 2 == 0) {
            return (sorted[n / 2 - 1] + sorted[n / 2]) / 2e6;
        }
        return sorted[i] / 1e6;
    }

    double medianMs() {
        return quantileMs(0.5);
    }

    double p10Ms() {
        return quantileMs(0.1);
    }

    double p90Ms() {
        return quantileMs(0.9);
    }
}
