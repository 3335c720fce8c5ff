package dev.chainrule.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which peer each workload is compared with, and how: the peer runs right after our own run of
 * the workload (same machine, same minute), and our result gains {@code peer},
 * {@code peer_version}, the peer's figures and {@code ratio_to_peer}.
 *
 * <p>Ratios are Chainrule over the peer: for times (W1t, W4) below 1 means Chainrule is faster;
 * for GFLOP/s (W5) above 1 means Chainrule is faster ({@code ratio_is} says which). A time is
 * compared with the peer's better thread count. A peer that did not run leaves
 * {@code ratio_to_peer} null and {@code peer_target_met} null, never true.
 */
final class PeerComparison {
    /** How to run the peer of one workload and what issue 17 asks of the ratio. */
    record Spec(String peer, String script, List<List<String>> runs, boolean gflops, double target) {
    }

    private PeerComparison() {
    }

    /** The peer of {@code workload}, or null when it has none. */
    static Spec specFor(String workload) {
        List<String> one = List.of("--threads", "1");
        List<String> two = List.of("--threads", "2");
        return switch (workload) {
            case "W1t" -> new Spec("PyTorch", "torch_peer.py",
                    List.of(prepend("W1t", one), prepend("W1t", two)), false, 0.5);
            case "W4" -> new Spec("PyTorch", "torch_peer.py",
                    List.of(prepend("W4", one), prepend("W4", two)), false, 0.9);
            case "W5" -> new Spec("numpy", "numpy_peer.py",
                    List.of(List.of("--threads", "2", "--n", sizes(Workloads.W5_SIZES), "--workload", "W5")), true, 0.9);
            case "W5n" -> new Spec("numpy", "numpy_peer.py",
                    List.of(List.of("--threads", "2", "--n", sizes(Workloads.W5_GROWTH_SIZES), "--workload", "W5n")),
                    true, Double.NaN);
            default -> null;
        };
    }

    /** Runs the peer of {@code workload} (if it has one) and adds its figures to {@code ours}. */
    static void run(Path peersDir, String workload, List<Result> ours) {
        Spec spec = specFor(workload);
        if (spec == null) {
            return;
        }
        List<Map<String, Object>> all = new ArrayList<>();
        String skipped = null;
        for (List<String> args : spec.runs()) {
            Peer.Outcome o = Peer.run(peersDir, spec.script(), args);
            if (o.skipped() != null) {
                skipped = o.skipped();
                continue;
            }
            all.addAll(o.results());
        }
        for (Result r : ours) {
            attach(spec, r, all, all.isEmpty() ? Objects.requireNonNullElse(skipped, "no result") : null);
        }
    }

    /**
     * Adds the peer's figures for {@code ours} from {@code peerResults} (one per thread count
     * or per size), or marks it skipped with {@code skipped}'s reason.
     */
    static void attach(Spec spec, Result ours, List<Map<String, Object>> peerResults, String skipped) {
        ours.put("peer", spec.peer());
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> p : peerResults) {
            if (!spec.gflops() || Objects.equals(number(p.get("n")), number(ours.get("n")))) {
                mine.add(p);
            }
        }
        if (skipped != null || mine.isEmpty()) {
            ours.put("peer_skipped", skipped != null ? skipped : "the peer printed no result for this size");
            ours.put("ratio_to_peer", null);
            if (!Double.isNaN(spec.target())) {
                ours.put("peer_target_met", null);
            }
            return;
        }
        Map<String, Object> best = mine.get(0);
        for (Map<String, Object> p : mine) {
            double pm = number(p.get("median_ms"));
            if (pm < number(best.get("median_ms"))) {
                best = p;
            }
        }
        ours.put("peer_version", best.get("peer_version"));
        double ratio;
        if (spec.gflops()) {
            double peerGflops = number(best.get("gflops"));
            ours.put("peer_threads", best.get("threads") == null ? null : (int) number(best.get("threads")));
            ours.put("peer_gflops", peerGflops);
            ratio = number(ours.get("gflops")) / peerGflops;
            ours.put("ratio_is", "Chainrule GFLOP/s / peer GFLOP/s (above 1: Chainrule faster)");
        } else {
            for (Map<String, Object> p : mine) {
                int t = (int) number(p.get("threads"));
                ours.put("peer_" + t + (t == 1 ? "_thread" : "_threads") + "_ms", p.get("median_ms"));
            }
            ours.put("peer_threads", (int) number(best.get("threads")));
            ours.put("peer_median_ms", best.get("median_ms"));
            ratio = number(ours.get("median_ms")) / number(best.get("median_ms"));
            ours.put("ratio_is", "Chainrule ms / peer ms at the peer's better thread count (below 1: Chainrule faster)");
        }
        ours.put("peer_check", best.get("check"));
        if (best.get("failure") != null) {
            ours.put("peer_failure", best.get("failure"));
        }
        ours.approx("ratio_to_peer", ratio);
        if (!Double.isNaN(spec.target())) {
            ours.put("peer_target", (spec.gflops() ? ">= " : "<= ") + spec.target());
            ours.put("peer_target_met", spec.gflops() ? ratio >= spec.target() : ratio <= spec.target());
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static String sizes(int[] ns) {
        StringBuilder s = new StringBuilder();
        for (int n : ns) {
            s.append(s.length() == 0 ? "" : ",").append(n);
        }
        return s.toString();
    }

    /** A JSON number as a double; NaN when absent or not a number. */
    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
