package dev.chainrule.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The workload runner behind {@code bench/run}: runs workloads of shared/bench/README.md, checks
 * each result and prints its figures.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar dev.chainrule.bench.Run W1 --json
 * }</pre>
 *
 * <p>{@code --list} prints the known workload names. {@code --peers} runs each workload's peer
 * (PyTorch, numpy; see {@link PeerComparison}) right after it, from the directory named by the
 * system property {@code chainrule.bench.peers} (bench/run sets it to {@code bench/peers}).
 * "CPU" is the machine probe ({@link CpuProbe}); W5n and W2n are the cost-of-growth series.
 * Exit status: 0 when every check passed, 1 when a check failed, 2 on a usage error.
 */
public final class Run {
    private static final Map<String, Supplier<List<Result>>> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("CPU", () -> List.of(CpuProbe.run()));
        WORKLOADS.put("W1", () -> List.of(Workloads.w1()));
        WORKLOADS.put("W1t", () -> List.of(Workloads.w1t()));
        WORKLOADS.put("W2", () -> List.of(Workloads.w2()));
        WORKLOADS.put("W3", () -> List.of(Workloads.w3()));
        WORKLOADS.put("W4", () -> List.of(Workloads.w4()));
        WORKLOADS.put("W5", Workloads::w5);
        WORKLOADS.put("W5n", Workloads::w5Growth);
        WORKLOADS.put("W2n", Workloads::w2Growth);
    }

    private Run() {
    }

    /**
     * Runs the named workloads ({@code W1}, {@code W2}, ... or {@code all}); {@code --json} prints
     * one JSON object per result instead of readable lines.
     *
     * @param args workload names and options
     */
    public static void main(String[] args) {
        boolean json = false;
        boolean peers = false;
        List<String> names = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--list")) {
                System.out.println(String.join(" ", WORKLOADS.keySet()));
                return;
            }
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--peers")) {
                peers = true;
            } else if (a.equalsIgnoreCase("all")) {
                names.addAll(WORKLOADS.keySet());
            } else if (known(a) != null) {
                names.add(known(a));
            } else {
                System.err.println("unknown workload '" + a + "'; known: " + String.join(", ", WORKLOADS.keySet())
                        + ", all (options --json, --peers)");
                System.exit(2);
            }
        }
        if (names.isEmpty()) {
            System.err.println("usage: Run WORKLOAD... [--json] [--peers]; workloads: "
                    + String.join(", ", WORKLOADS.keySet()) + ", all");
            System.exit(2);
        }
        boolean allOk = true;
        for (String name : names) {
            double load = loadAverage();
            List<Result> results;
            try {
                results = WORKLOADS.get(name).get();
            } catch (RuntimeException | Error e) {
                // Still one line per workload, so that a reader of the JSON sees what broke.
                results = List.of(new Result(name, "").fail(e.toString()));
                e.printStackTrace();
            }
            if (peers) {
                PeerComparison.run(Path.of(System.getProperty("chainrule.bench.peers", "bench/peers")), name, results);
            }
            for (Result r : results) {
                r.put("load_1m_before", load);
                System.out.println(json ? r.toJson() : r.toText());
                System.out.flush();
                allOk &= r.ok();
            }
        }
        System.exit(allOk ? 0 : 1);
    }

    /** The workload's name as the runner spells it, whatever the case of {@code name}; null if unknown. */
    private static String known(String name) {
        for (String k : WORKLOADS.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    /** The machine's 1-minute load average before a workload, so noisy figures can be told apart. */
    private static double loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
