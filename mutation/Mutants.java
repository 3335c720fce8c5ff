import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Mutation check for the test suite (issue 22): applies one small mutant of the main code at a
 * time, runs the tests that should notice it, restores the file, and prints a table. Every
 * mutant must make at least one of its tests fail ("killed"); a surviving mutant is a hole in
 * the tests. Not part of CI: it runs Maven once per mutant (minutes each on a busy machine).
 *
 * <pre>
 * java mutation/Mutants.java            # every mutant
 * java mutation/Mutants.java gelu sgd   # the mutants whose names contain these words
 * </pre>
 *
 * Exit status 0 when every mutant run was killed, 1 when one survived, 2 on a setup error
 * (a mutant's text is no longer found exactly once: update the table below).
 */
public class Mutants {

    /** One mutant: {@code from} must occur exactly once in {@code file}; it becomes {@code to}. */
    record Mutant(String name, String why, String file, String from, String to, String module, String tests) {
    }

    private static final String ENGINE = "engine/src/main/java/dev/chainrule/engine/";
    private static final String NN = "nn/src/main/java/dev/chainrule/nn/";

    static final List<Mutant> MUTANTS = List.of(
            // The three of the audit (issue 22).
            new Mutant("gelu-constant", "GELU's 0.044715 becomes 0.06 (a constant)", ENGINE + "Ops.java",
                    "GELU_K = 0.044715;", "GELU_K = 0.06;", "engine", "OpReferenceValuesTest"),
            new Mutant("sgd-weight-decay-sign", "Sgd's weight decay subtracts λ·p (a sign)", NN + "optim/Sgd.java",
                    "g += weightDecay * p;", "g -= weightDecay * p;", "nn", "OptimizerTest"),
            new Mutant("admissions-seed", "admissions draws its starting weights from seed 7 instead of 42 (an example)",
                    "examples/src/main/java/dev/chainrule/examples/AdmissionsExample.java",
                    "static final long WEIGHT_SEED = 42;", "static final long WEIGHT_SEED = 7;",
                    "examples", "AdmissionsExampleTest"),
            // With the seed mutant above: the audit's "learning rate and seed changed", one at a time.
            new Mutant("admissions-lr", "admissions (a) trains at η = 0.4 instead of 0.5 (an example)",
                    "examples/src/main/java/dev/chainrule/examples/AdmissionsExample.java",
                    "split.test(), 0.5, 1000);", "split.test(), 0.4, 1000);", "examples", "AdmissionsExampleTest"),
            // Ten more that a maintainer would worry about.
            new Mutant("adamw-decay-sign", "AdamW grows p by η·λ·p instead of shrinking it (a sign)",
                    NN + "optim/Adam.java", "p -= lr * weightDecay * p;", "p += lr * weightDecay * p;", "nn",
                    "OptimizerTest"),
            new Mutant("adam-eps-inside-sqrt", "Adam divides by √(v̂ + ε) instead of √v̂ + ε (a formula)",
                    NN + "optim/Adam.java", "Math.sqrt(vHat) + eps", "Math.sqrt(vHat + eps)", "nn", "OptimizerTest"),
            new Mutant("adam-beta2-default", "Adam's default β2 0.999 becomes 0.99 (a default)",
                    NN + "optim/Adam.java", "private double beta2 = 0.999;", "private double beta2 = 0.99;", "nn",
                    "OptimizerTest"),
            new Mutant("leaky-relu-default-slope", "leaky ReLU's default slope 0.01 becomes 0.02 (a default)",
                    ENGINE + "Ops.java", ".parameter(\"slope\", 0.01)", ".parameter(\"slope\", 0.02)", "engine",
                    "OpReferenceValuesTest"),
            new Mutant("shuffle-sattolo", "Dataset.shuffled draws j from [0, i) (Sattolo: never leaves an item in place)",
                    NN + "data/Dataset.java", "int j = rng.nextInt(i + 1);", "int j = rng.nextInt(i);", "nn",
                    "DataTest"),
            new Mutant("he-uniform-bound", "He uniform draws on ±√(3/fan_in) instead of ±√(6/fan_in) (a constant)",
                    NN + "tensor/Init.java", "uniform(Math.sqrt(6.0 / in)).fill", "uniform(Math.sqrt(3.0 / in)).fill",
                    "nn", "TensorModuleTest"),
            new Mutant("progress-bar-option-ignored", "Trainer ignores progressBar(true) (an option)",
                    NN + "train/Trainer.java", "ProgressBar bar = progress ? new ProgressBar(System.err, epochs) : null;",
                    "ProgressBar bar = null;", "nn", "TrainerProgressBarTest"),
            new Mutant("arange-zero-step-guard", "arange accepts a zero step (a guard)", ENGINE + "Tensor.java",
                    "if (step == 0 || !Double.isFinite(step)) {", "if (!Double.isFinite(step)) {", "engine",
                    "TensorGuardsTest"),
            new Mutant("leaf-fill-colour", "the light theme fills leaves green like the output (a picture)",
                    "viz/src/main/java/dev/chainrule/viz/Theme.java",
                    "LIGHT(\"#ffffff\", \"#1f2937\", \"#4b5563\", \"#dbeafe\"",
                    "LIGHT(\"#ffffff\", \"#1f2937\", \"#4b5563\", \"#dcfce7\"", "viz", "RenderTest"),
            new Mutant("grad-lr-update-sign", "grad --lr prints w + η·∂f/∂w (a sign)",
                    "cli/src/main/java/dev/chainrule/cli/Computation.java", "return v.data() - lr * v.grad();",
                    "return v.data() + lr * v.grad();", "cli", "GradCommandTest"),
            new Mutant("json-tab-escape", "JSON output writes a tab as \\u0009 instead of \\t (an escape)",
                    "cli/src/main/java/dev/chainrule/cli/GradReport.java",
                    "case '\\t' -> q.append(\"\\\\t\");", "", "cli", "GradCommandTest"),
            new Mutant("json-reader-escape", "the parameter-file reader turns \\/ into a backslash (an escape)",
                    NN + "io/Json.java", "case '\"', '\\\\', '/' -> s.append(e);",
                    "case '\"', '\\\\' -> s.append(e);\n                case '/' -> s.append('\\\\');", "nn",
                    "JsonTest"));

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("engine"))) {
            System.err.println("run from the repository root: java mutation/Mutants.java [name ...]");
            System.exit(2);
        }
        List<Mutant> chosen = new ArrayList<>();
        for (Mutant m : MUTANTS) {
            if (args.length == 0 || List.of(args).stream().anyMatch(a -> m.name().contains(a))) {
                chosen.add(m);
            }
        }
        List<String[]> rows = new ArrayList<>();
        boolean survived = false;
        for (Mutant m : chosen) {
            Path file = root.resolve(m.file());
            String original = Files.readString(file, StandardCharsets.UTF_8);
            String from = m.from();
            String to = m.to();
            int at = original.indexOf(from);
            if (at < 0 || original.indexOf(from, at + 1) >= 0) {
                System.err.println(m.name() + ": '" + from + "' is not found exactly once in " + m.file()
                        + "; update mutation/Mutants.java");
                System.exit(2);
            }
            Thread restore = new Thread(() -> write(file, original));
            Runtime.getRuntime().addShutdownHook(restore);
            long start = System.nanoTime();
            int code;
            try {
                write(file, original.substring(0, at) + to + original.substring(at + from.length()));
                code = runTests(root, m);
            } finally {
                write(file, original);
                Runtime.getRuntime().removeShutdownHook(restore);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String result = code == 0 ? "SURVIVED" : code == 124 ? "timeout" : "killed";
            survived |= code == 0;
            rows.add(new String[] {m.name(), m.why(), m.module() + ": " + m.tests(), result,
                    String.format(Locale.ROOT, "%.0f s", seconds)});
            System.out.println(m.name() + ": " + result);
        }
        System.out.println();
        System.out.println("| mutant | change | tests run | result | time |");
        System.out.println("|---|---|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
        System.exit(survived ? 1 : 0);
    }

    /** Runs the mutant's tests quietly; the exit status of Maven (124 if it ran over 20 minutes). */
    private static int runTests(Path root, Mutant m) throws IOException, InterruptedException {
        Path log = Files.createTempFile("mutant-" + m.name() + "-", ".log");
        Process p = new ProcessBuilder("mvn", "-B", "-ntp", "-q", "-o", "test", "-pl", m.module(), "-am",
                "-Dtest=" + m.tests(), "-Dsurefire.failIfNoSpecifiedTests=false", "-Djacoco.skip=true")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return 124;
        }
        return p.exitValue();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
