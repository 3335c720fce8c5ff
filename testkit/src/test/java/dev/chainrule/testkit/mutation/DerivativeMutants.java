package dev.chainrule.testkit.mutation;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The test kit's mutation test: small wrong changes to the engine's derivative rules, each
 * applied in turn to a scratch copy of the sources, compiled, and run against the property suite
 * in a fresh JVM; prints which test killed each one. Run it with {@code testkit/mutation-test}
 * (it builds the scratch copy); not part of CI.
 *
 * <p>Arguments: the scratch copy's root; {@code --only ID,ID} to run some mutants;
 * {@code --jobs N} to run N mutants at once; {@code --seeds K} to run each mutant also at K other seeds ({@code -Dchainrule.seed=1..K}),
 * against the default properties only (the seed-pinned tests of the rest of the suite are not
 * meant for other seeds).
 */
public final class DerivativeMutants {
    private static final String OPS = "engine/src/main/java/dev/chainrule/engine/Ops.java";
    private static final String SOFTMAX = "engine/src/main/java/dev/chainrule/engine/SoftmaxOp.java";
    private static final String REDUCTIONS = "engine/src/main/java/dev/chainrule/engine/ReductionOps.java";
    private static final String ELEMENTWISE = "engine/src/main/java/dev/chainrule/engine/ElementwiseOps.java";
    private static final String VECTOR_RELU = "engine/src/main/java/dev/chainrule/engine/internal/VectorRelu.java";
    private static final String RELU_LOOPS = "engine/src/main/java/dev/chainrule/engine/internal/ReluLoops.java";
    private static final String ARITHMETIC_ROWS = "engine/src/main/java/dev/chainrule/engine/internal/ArithmeticRows.java";
    private static final String MATMUL = "engine/src/main/java/dev/chainrule/engine/MatMulOp.java";

    /** The whole property suite, in the order it runs (the default properties first). */
    static final List<String> SUITE = List.of(
            "dev.chainrule.testkit.EngineGradientPropertiesTest",
            "dev.chainrule.testkit.TensorGradientPropertiesTest",
            "dev.chainrule.testkit.TensorGraphPropertiesTest",
            "dev.chainrule.testkit.GradientPropertiesTest",
            "dev.chainrule.testkit.WrongDerivativeIsCaughtTest",
            "dev.chainrule.testkit.ExprTextParsesTest",
            "dev.chainrule.testkit.ExprGeneratorTest",
            "dev.chainrule.testkit.ExprTest",
            "dev.chainrule.testkit.ShrinkerTest");
    /** The default properties, whose seeds -Dchainrule.seed may replace. */
    static final List<String> DEFAULT_PROPERTIES = SUITE.subList(0, 3);

    /** One text replacement in one file. */
    record Edit(String file, String from, String to) {
    }

    /** A mutant: what kind, how large, and its edits. */
    record Mutant(String id, String kind, String size, String description, List<Edit> edits) {
    }

    private static Mutant m(String id, String kind, String size, String description, String file, String from,
            String to) {
        return new Mutant(id, kind, size, description, List.of(new Edit(file, from, to)));
    }

    /** Scalar op {@code name}'s number-form derivative {@code expr} multiplied by (1 + rel). */
    private static Mutant scalar(String id, String rel, String line, String expr) {
        String name = line.replaceAll(".*\"(\\w+)\".*", "$1");
        return m(id, "scalar derivative", rel, name + "′ × (1 + " + rel + ")", OPS,
                "public double derivative(double x, double y) { return " + expr + "; }",
                "public double derivative(double x, double y) { return (" + expr + ") * (1 + " + rel + "); }");
    }

    static List<Mutant> mutants() {
        List<Mutant> l = new ArrayList<>();
        String sig = "y * (x < 0 ? 1 - y : sigmoid(-x))";
        l.add(scalar("S1", "1e-4", "\"sigmoid\"", sig));
        l.add(scalar("S2", "1e-5", "\"sigmoid\"", sig));
        l.add(scalar("S3", "1e-6", "\"sigmoid\"", sig));
        l.add(new Mutant("S4", "scalar derivative", "1e-6", "tanh′ × (1 + 1e-6)", List.of(
                new Edit(OPS, "return 1 - y * y;", "return (1 - y * y) * (1 + 1e-6);"),
                new Edit(OPS, "return 4 * e / (d * d);", "return 4 * e / (d * d) * (1 + 1e-6);"))));
        l.add(scalar("S5", "1e-6", "\"log\"", "1 / x"));
        l.add(scalar("S6", "1e-6", "\"sqrt\"", "0.5 / y"));
        l.add(scalar("S7", "1e-6", "\"sin\"", "Math.cos(x)"));
        l.add(scalar("S8", "1e-6", "\"cos\"", "-Math.sin(x)"));
        l.add(scalar("S9", "1e-6", "\"softplus\"", "sigmoid(x)"));
        l.add(scalar("S10", "1e-6", "\"gaussian\"", "-2 * y * x"));
        l.add(scalar("S11", "1e-6", "\"abs\"", "Math.signum(x)"));
        l.add(m("S12", "scalar derivative", "1e-6", "exp′ × (1 + 1e-6)", OPS,
                "public double derivative(double x, double y) { return y; }\n        public Value derivative(Value x, Value y) { return y; }",
                "public double derivative(double x, double y) { return y * (1 + 1e-6); }\n        public Value derivative(Value x, Value y) { return y; }"));
        l.add(m("S13", "scalar derivative", "1e-6", "gelu′ × (1 + 1e-6)", OPS,
                "return s + 2 * x * s * sigmoid(-2 * u) * GELU_C * (1 + 3 * GELU_K * x * x);",
                "return (s + 2 * x * s * sigmoid(-2 * u) * GELU_C * (1 + 3 * GELU_K * x * x)) * (1 + 1e-6);"));
        l.add(m("S14", "scalar derivative", "1e-6", "silu′ × (1 + 1e-6)", OPS,
                "return sigmoid(x) * (1 + x * sigmoid(-x));", "return sigmoid(x) * (1 + x * sigmoid(-x)) * (1 + 1e-6);"));
        l.add(m("S15", "scalar derivative", "1e-6", "x^p′ × (1 + 1e-6) (p ≠ 2)", OPS,
                "return p == 2 ? 2 * x : p == 0 ? 0 : p * Math.pow(x, p - 1);",
                "return p == 2 ? 2 * x : p == 0 ? 0 : p * Math.pow(x, p - 1) * (1 + 1e-6);"));
        l.add(m("S16", "scalar derivative", "1e-6", "a^b: ∂/∂b × (1 + 1e-6)", OPS,
                "public double derivativeB(double a, double b, double y) { return powDb(a, b); }",
                "public double derivativeB(double a, double b, double y) { return powDb(a, b) * (1 + 1e-6); }"));
        l.add(m("S17", "scalar derivative", "1e-6", "a^b: ∂/∂a × (1 + 1e-6)", OPS,
                "public double derivativeA(double a, double b, double y) { return powDa(a, b); }",
                "public double derivativeA(double a, double b, double y) { return powDa(a, b) * (1 + 1e-6); }"));
        l.add(m("S18", "scalar derivative", "1e-6", "elu′ (x ≤ 0) × (1 + 1e-6)", OPS,
                "return x > 0 ? 1 : alpha * Math.exp(x); }", "return x > 0 ? 1 : alpha * Math.exp(x) * (1 + 1e-6); }"));
        l.add(m("S19", "scalar derivative", "1e-6", "a·b: ∂/∂a × (1 + 1e-6)", OPS,
                "public double derivativeA(double a, double b, double y) { return b; }",
                "public double derivativeA(double a, double b, double y) { return b * (1 + 1e-6); }"));
        l.add(m("S20", "part of the domain", "1e-6", "a/b: ∂/∂b × (1 + 1e-6) only where |b| > 100", OPS,
                "public double derivativeB(double a, double b, double y) { return -y / b; }",
                "public double derivativeB(double a, double b, double y) { return -y / b * (Math.abs(b) > 100 ? 1 + 1e-6 : 1); }"));
        l.add(m("S21", "part of the domain", "1e-6", "log′ × (1 + 1e-6) only where x > 1000", OPS,
                "public double derivative(double x, double y) { return 1 / x; }",
                "public double derivative(double x, double y) { return 1 / x * (x > 1000 ? 1 + 1e-6 : 1); }"));
        l.add(m("S22", "scalar derivative", "1e-6", "neg′ = −(1 + 1e-6)", OPS,
                "public double derivative(double x, double y) { return -1; }",
                "public double derivative(double x, double y) { return -1 - 1e-6; }"));
        l.add(m("G1", "graph form", "1e-6", "sigmoid's graph form × (1 + 1e-6) where |x| ≥ 1", OPS,
                "return y.mul(x.neg().sigmoid());", "return y.mul(x.neg().sigmoid()).mul(1 + 1e-6);"));
        l.add(m("G2", "graph form", "1e-6", "tanh's graph form × (1 + 1e-6) where |x| ≥ 0.5", OPS,
                ": x.mul(2).sigmoid().mul(x.mul(-2).sigmoid()).mul(4);",
                ": x.mul(2).sigmoid().mul(x.mul(-2).sigmoid()).mul(4 * (1 + 1e-6));"));
        l.add(m("G3", "graph form value", "1/n", "mean's graph form drops 1/n", REDUCTIONS,
                "return new Tensor[] {scale == 1 ? gx : gx.mul(scale)};", "return new Tensor[] {gx};"));
        l.add(m("K1", "kink convention", "relu′(0) = 1", "relu′(0) = 1 (right slope)", OPS,
                "public double derivative(double x, double y) { return x > 0 ? 1 : 0; }",
                "public double derivative(double x, double y) { return x >= 0 ? 1 : 0; }"));
        l.add(new Mutant("K2", "kink convention", "tie → a", "max at a tie sends everything to a",
                List.of(new Edit(OPS, "return a > b ? 1 : a < b ? 0 : 0.5; }", "return a > b ? 1 : a < b ? 0 : 1; }"),
                        new Edit(OPS, "return b > a ? 1 : b < a ? 0 : 0.5; }", "return b > a ? 1 : b < a ? 0 : 0; }"))));
        l.add(m("K3", "kink convention", "abs′(0) = 1", "abs′(0) = 1 (right slope)", OPS,
                "public double derivative(double x, double y) { return Math.signum(x); }",
                "public double derivative(double x, double y) { return x >= 0 ? 1 : -1; }"));
        l.add(m("K4", "kink convention", "leaky′(0) = 1", "leaky_relu′(0) = 1 (right slope)", OPS,
                "public double derivative(double x, double y) { return x > 0 ? 1 : slope; }",
                "public double derivative(double x, double y) { return x >= 0 ? 1 : slope; }"));
        l.add(m("T1", "tensor backward", "1e-3", "softmax backward × (1 + 1e-3)", SOFTMAX,
                "gx[p] += y[p] * (g[p] - s);", "gx[p] += y[p] * (g[p] - s) * (1 + 1e-3);"));
        l.add(m("T2", "tensor backward", "1e-5", "softmax backward × (1 + 1e-5)", SOFTMAX,
                "gx[p] += y[p] * (g[p] - s);", "gx[p] += y[p] * (g[p] - s) * (1 + 1e-5);"));
        l.add(m("T3", "tensor backward", "1e-5", "logSoftmax backward × (1 + 1e-5)", SOFTMAX,
                "gx[p] += g[p] - Math.exp(y[p]) * s;", "gx[p] += (g[p] - Math.exp(y[p]) * s) * (1 + 1e-5);"));
        l.add(m("T4", "part of the domain", "1e-5", "logsumexp backward × (1 + 1e-5) only with keepDims", REDUCTIONS,
                "gx[i + k] += g[o + k * so] * Math.exp(xd[i + k] - y[o + k * so]);",
                "gx[i + k] += g[o + k * so] * Math.exp(xd[i + k] - y[o + k * so])"
                        + " * (out.shape.length == x.shape.length ? 1 + 1e-5 : 1);"));
        l.add(m("T5", "vector path", "1e-5", "ReLU's vector loop (≥ 4,096 elements) backward × (1 + 1e-5)", VECTOR_RELU,
                "DoubleVector one = DoubleVector.broadcast(S, 1.0);", "DoubleVector one = DoubleVector.broadcast(S, 1 + 1e-5);"));
        l.add(m("T6", "tensor backward", "1e-5", "ReLU's plain loop backward × (1 + 1e-5)", RELU_LOOPS,
                "gx[i] += g[i] * (x[i] > 0 ? 1.0 : 0.0);", "gx[i] += g[i] * (x[i] > 0 ? 1 + 1e-5 : 0.0);"));
        l.add(m("T7", "tensor backward", "1e-5", "sum/mean backward × (1 + 1e-5)", REDUCTIONS,
                "gx[i + k] += c * g[o + k * so];", "gx[i + k] += c * g[o + k * so] * (1 + 1e-5);"));
        l.add(m("T8", "tensor backward", "1e-5", "tensor a·b: ∂/∂b × (1 + 1e-5)", ARITHMETIC_ROWS,
                "gb[j + k * sj] += g[o + k] * a[i + k * si];", "gb[j + k * sj] += g[o + k] * a[i + k * si] * (1 + 1e-5);"));
        l.add(m("T9", "multi-threaded path", "1e-5", "matmul ∂A × (1 + 1e-5) only from the threaded size (64³ in the tests)", MATMUL,
                "MatMulKernel.gemm(g, io * m * n, n, 1, bd, ib * k * n, 1, n, ga, ia * m * k, m, n, k, storeA));",
                "MatMulKernel.gemm(g, io * m * n, n, 1, bd, ib * k * n, 1, n, ga, ia * m * k, m, n, k, storeA));\n"
                        + "            if ((long) m * n * k >= MatMulKernel.PARALLEL_THRESHOLD) {\n"
                        + "                for (int q = 0; q < ga.length; q++) {\n"
                        + "                    ga[q] *= 1 + 1e-5;\n"
                        + "                }\n"
                        + "            }"));
        l.add(m("T10", "graph form", "1e-5", "softmax's graph form × (1 + 1e-5)", SOFTMAX,
                "return new Tensor[] {out.mul(g.sub(g.mul(out).sum(axes, true)))};",
                "return new Tensor[] {out.mul(g.sub(g.mul(out).sum(axes, true))).mul(1 + 1e-5)};"));
        return l;
    }

    private DerivativeMutants() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Set<String> only = null;
        int seeds = 0;
        int jobs = 1;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--only")) {
                only = Set.of(args[++i].split(","));
            } else if (args[i].equals("--seeds")) {
                seeds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--jobs")) {
                jobs = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; use --only ID,ID, --seeds K or --jobs N");
            }
        }
        String cp = System.getProperty("java.class.path");
        List<String> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        String[] base = run(root, cp, null, SUITE, null);
        System.out.println("unchanged code: " + base[0] + " " + base[1]);
        if (!base[0].equals("SURVIVED")) {
            System.out.println("the suite fails on unchanged code; no mutant can be judged");
            System.exit(2);
        }
        List<Mutant> chosen = new ArrayList<>();
        for (Mutant mu : mutants()) {
            if (only == null || only.contains(mu.id())) {
                chosen.add(mu);
            }
        }
        int n = seeds;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(jobs);
        List<java.util.concurrent.Future<String[]>> results = new ArrayList<>();
        for (Mutant mu : chosen) {
            results.add(pool.submit(() -> {
                long t = System.nanoTime();
                String[] r = apply(root, cp, mu, SUITE, null);
                int atSeeds = 0;
                for (int s = 1; s <= n && r[0].equals("KILLED"); s++) {
                    String[] rs = apply(root, cp, mu, DEFAULT_PROPERTIES, Integer.toString(s));
                    atSeeds += rs[0].equals("KILLED") ? 1 : 0;
                }
                String extra = n > 0 ? " | " + (r[0].equals("KILLED") ? atSeeds + "/" + n : "—") : "";
                String row = String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s%s | %.0f s |", mu.id(),
                        mu.kind(), mu.size(), mu.description(),
                        r[0].equals("KILLED") ? "**killed**" : r[0].toLowerCase(Locale.ROOT),
                        r[1].replace("|", "\\|"), extra, (System.nanoTime() - t) / 1e9);
                System.out.println(row);
                return new String[] {r[0], row};
            }));
        }
        int killed = 0;
        int total = 0;
        for (java.util.concurrent.Future<String[]> f : results) {
            String[] r = f.get();
            total++;
            killed += r[0].equals("KILLED") ? 1 : 0;
            rows.add(r[1]);
        }
        pool.shutdown();
        System.out.println();
        System.out.println("| id | kind | size | mutant | result | first failing test (message)"
                + (seeds > 0 ? " | killed at other seeds" : "") + " | time |");
        System.out.println("|---|---|---|---|---|---" + (seeds > 0 ? "|---" : "") + "|---|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%n%d of %d mutants killed; unchanged code passed; %.0f s in all%n", killed, total,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Compiles the mutant into its overlay and runs the tests against it. */
    private static String[] apply(Path root, String cp, Mutant mu, List<String> classes, String seed)
            throws Exception {
        String[] compiled = compile(root, mu);
        if (compiled != null) {
            return compiled;
        }
        return run(root, root.resolve("target/mutant-" + mu.id()) + File.pathSeparator + cp, mu, classes, seed);
    }

    /**
     * Applies the mutant's edits, compiles the changed files into its overlay directory and
     * restores the sources; one at a time, as the sources are shared. {@code null} if it compiled.
     */
    private static synchronized String[] compile(Path root, Mutant mu) throws Exception {
        List<Path> files = new ArrayList<>();
        List<String> saved = new ArrayList<>();
        try {
            for (Edit e : mu.edits()) {
                Path f = root.resolve(e.file());
                String text = Files.readString(f);
                int at = text.indexOf(e.from());
                if (at < 0 || text.indexOf(e.from(), at + 1) >= 0) {
                    return new String[] {"NOT APPLIED", (at < 0 ? "snippet not found in " : "snippet not unique in ")
                            + e.file() + ": the engine changed; update the mutant"};
                }
                if (!files.contains(f)) {
                    files.add(f);
                    saved.add(text);
                }
                Files.writeString(f, text.substring(0, at) + e.to() + text.substring(at + e.from().length()));
            }
            Path overlay = root.resolve("target/mutant-" + mu.id());
            deleteTree(overlay);
            Files.createDirectories(overlay);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> opts = new ArrayList<>(List.of("-d", overlay.toString(), "-cp",
                    root.resolve("engine/target/classes").toString(), "--release", "17", "-nowarn", "-implicit:none",
                    "--add-modules", "jdk.incubator.vector"));
            for (Path f : files) {
                opts.add(f.toString());
            }
            int rc = javac.run(null, null, null, opts.toArray(new String[0]));
            if (rc != 0) {
                return new String[] {"NOT COMPILED", "javac failed on the mutant"};
            }
            return null;
        } finally {
            for (int i = 0; i < files.size(); i++) {
                Files.writeString(files.get(i), saved.get(i));
            }
        }
    }

    /** Runs {@link PropertySuiteRun} in a fresh JVM on this class path: {status, detail}. */
    private static String[] run(Path root, String cp, Mutant mu, List<String> classes, String seed)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dchainrule.testkit.reports=" + root.resolve("target/reports"),
                // As in testkit/pom.xml: the suite's 64×64 products take the threaded path (T9).
                "-Dchainrule.matmul.parallelFrom=" + System.getProperty("chainrule.matmul.parallelFrom", "262144"),
                "-cp", cp));
        if (seed != null) {
            cmd.add("-Dchainrule.seed=" + seed);
        }
        cmd.add(PropertySuiteRun.class.getName());
        cmd.addAll(classes);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String verdict = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("KILLED\t") || line.startsWith("SURVIVED\t")) {
                    verdict = line;
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (verdict == null) {
            String tail = all.length() > 400 ? all.substring(all.length() - 400) : all.toString();
            return new String[] {"ERROR", "the run ended without a verdict: " + tail.replace('\n', ' ')};
        }
        String[] parts = verdict.split("\t", 3);
        return new String[] {parts[0], parts.length > 2 ? parts[1] + " (" + parts[2] + ")" : parts[1]};
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(q);
            }
        }
    }
}
