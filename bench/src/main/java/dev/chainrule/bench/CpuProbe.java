package dev.chainrule.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The machine behind the figures: CPU model, cores, the vector and FMA extensions the CPU
 * reports ({@code /proc/cpuinfo} flags), and, when the JVM has the Vector API, the FMA rate
 * measured at 256 and 512 bits. A CPU whose 512-bit FMA runs no faster than its 256-bit one
 * (AVX-512 split into two 256-bit halves, "double-pumped") has the 256-bit limit, whatever
 * its flags say; the README's table and the matmul kernel's tuning start from this probe.
 */
final class CpuProbe {
    /** 512-bit FMA must beat 256-bit by this factor to count as full width. */
    static final double FULL_WIDTH_FACTOR = 1.4;

    private CpuProbe() {
    }

    /** The probe as one result line (workload "CPU"). */
    static Result run() {
        String cpuinfo;
        try {
            cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            cpuinfo = "";
        }
        Result r = new Result("CPU", "");
        describe(cpuinfo, r);
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        r.put("vector_api", vector);
        if (vector) {
            FmaPeak.measure(r);
            Object w256 = r.get("fma_gflops_1_thread_256");
            Object w512 = r.get("fma_gflops_1_thread_512");
            if (w256 instanceof Number a && w512 instanceof Number b) {
                r.put("avx512_measured", effectiveWidth(a.doubleValue(), b.doubleValue()));
            }
        }
        return r;
    }

    /** Model name and vector flags from the text of /proc/cpuinfo (empty text: unknown). */
    static void describe(String cpuinfo, Result r) {
        String model = "unknown";
        Set<String> flags = Set.of();
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model.equals("unknown")) {
                model = value;
            } else if (key.equals("flags") && flags.isEmpty()) {
                flags = Set.copyOf(Arrays.asList(value.split("\\s+")));
            }
        }
        r.put("cpu_model", model);
        List<String> vectorFlags = new ArrayList<>();
        for (String f : new String[] {"sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512vl"}) {
            if (flags.contains(f)) {
                vectorFlags.add(f);
            }
        }
        r.put("vector_flags", String.join(" ", vectorFlags));
        r.put("fma_width_bits_reported", flags.contains("avx512f") ? 512 : flags.contains("fma") ? 256 : 0);
    }

    /** What the measured rates say about 512-bit FMA. */
    static String effectiveWidth(double gflops256, double gflops512) {
        return gflops512 >= FULL_WIDTH_FACTOR * gflops256
                ? "full width (512-bit FMA " + ratio(gflops512, gflops256) + "x the 256-bit rate)"
                : "no faster than 256-bit (" + ratio(gflops512, gflops256) + "x): double-pumped or split";
    }

    private static String ratio(double a, double b) {
        return String.format(java.util.Locale.ROOT, "%.2f", a / b);
    }
}
