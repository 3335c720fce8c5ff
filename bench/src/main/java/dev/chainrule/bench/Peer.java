package dev.chainrule.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one peer script of {@code bench/peers/} (PyTorch, numpy) in Python and reads the JSON
 * lines it prints. A peer that cannot run here (no Python, no torch, a crash) comes back as
 * {@link Outcome#skipped()} with the reason, never as a result.
 *
 * <p>The interpreter is {@code $BENCH_PYTHON} when set; otherwise {@code python3} on the PATH
 * and then {@code /usr/bin/python3}, the first one whose libraries the script finds (a virtual
 * environment earlier on the PATH may lack Debian's {@code python3-torch}).
 *
 * <p>The peer runs with its BLAS's own choice of CPU kernels: an inherited
 * {@code OPENBLAS_CORETYPE} is removed (a forced Haswell kernel on an AVX-512 machine would handicap
 * the peer and flatter our ratios); {@code BENCH_OPENBLAS_CORETYPE} forces one when it must be
 * forced. The kernels used are part of {@code peer_version}.
 */
final class Peer {
    /** Longest a peer may run before it is stopped and reported as skipped. */
    private static final long TIMEOUT_MINUTES = 20;

    /** A peer's JSON objects, or the reason it did not run (then {@code results} is empty). */
    record Outcome(List<Map<String, Object>> results, String skipped) {
        static Outcome skip(String why) {
            return new Outcome(List.of(), why);
        }
    }

    private Peer() {
    }

    /** The interpreters to try, in order. */
    static List<String> interpreters(String benchPython) {
        if (benchPython != null && !benchPython.isBlank()) {
            return List.of(benchPython);
        }
        Set<String> out = new LinkedHashSet<>();
        out.add("python3");
        if (new File("/usr/bin/python3").canExecute()) {
            out.add("/usr/bin/python3");
        }
        return List.copyOf(out);
    }

    /** Runs {@code script} (in {@code dir}) with {@code args}, trying each interpreter until one runs it. */
    static Outcome run(Path dir, String script, List<String> args) {
        Path file = dir.resolve(script);
        if (!Files.isRegularFile(file)) {
            return Outcome.skip("peer script " + file + " not found");
        }
        List<String> reasons = new ArrayList<>();
        for (String python : interpreters(System.getenv("BENCH_PYTHON"))) {
            Outcome o = runWith(python, file, args);
            if (o.skipped() == null) {
                return o;
            }
            reasons.add(o.skipped());
        }
        return Outcome.skip(String.join("; ", reasons));
    }

    private static Outcome runWith(String python, Path script, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(python);
        command.add(script.toString());
        command.addAll(args);
        Process p;
        try {
            // stderr goes to ours, so that a peer's traceback is seen where it happened.
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().remove("OPENBLAS_CORETYPE");
            String core = System.getenv("BENCH_OPENBLAS_CORETYPE");
            if (core != null && !core.isBlank()) {
                pb.environment().put("OPENBLAS_CORETYPE", core);
            }
            p = pb.start();
        } catch (IOException e) {
            return Outcome.skip(python + " cannot be started: " + e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return Outcome.skip(script.getFileName() + " ran longer than " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (IOException e) {
            p.destroyForcibly();
            return Outcome.skip("reading " + script.getFileName() + "'s output: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Outcome.skip("interrupted");
        }
        return read(lines, p.exitValue(), python + " " + script.getFileName());
    }

    /**
     * The outcome of a finished peer: its JSON lines (other lines are ignored); skipped when it
     * printed none, failed, or reported every result as skipped.
     */
    static Outcome read(List<String> lines, int exitCode, String what) {
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        for (String line : lines) {
            if (!line.trim().startsWith("{")) {
                continue;
            }
            Map<String, Object> m;
            try {
                m = FlatJson.parse(line);
            } catch (IllegalArgumentException e) {
                return Outcome.skip(what + " printed a line that is not JSON: " + e.getMessage());
            }
            if (m.get("skipped") != null) {
                skips.add(String.valueOf(m.get("skipped")));
            } else {
                results.add(m);
            }
        }
        if (exitCode != 0) {
            return Outcome.skip(what + " failed with exit status " + exitCode);
        }
        if (results.isEmpty()) {
            return Outcome.skip(skips.isEmpty() ? what + " printed no result" : String.join("; ", skips));
        }
        return new Outcome(results, null);
    }
}
