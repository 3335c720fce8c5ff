package dev.chainrule.viz;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizException;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Graphviz on DOT text: the native {@code dot} program when asked for or found on the
 * PATH, otherwise Graphviz compiled to JavaScript inside J2V8 (through graphviz-java).
 *
 * <p>The embedded engine is bound to the thread that started it and takes about a second to
 * start, so every embedded render runs on one daemon thread that keeps the engine for the
 * life of the JVM. J2V8 unpacks its native library into a temp directory of our own, deleted
 * when the JVM exits (or into {@code -Dchainrule.j2v8.dir=DIR}, kept, where the temp
 * directory cannot hold executable code). The native program is fed through pipes, so it leaves no temp files.
 */
final class GraphvizRunner {
    private static final long NATIVE_TIMEOUT_SECONDS = 300;

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chainrule-graphviz");
        t.setDaemon(true);
        return t;
    });
    /** The embedded engine's heap: it cannot grow, so a graph too big for it is retried with more. */
    private static final int MAX_MEMORY = 1 << 30;
    /** Touched only on {@link #THREAD}. */
    private static boolean embeddedStarted;
    private static int embeddedMemory = 64 << 20;
    private static RuntimeException embeddedFailure;

    private GraphvizRunner() {
    }

    /** The native dot on the PATH, if any. */
    static Optional<Path> nativeDot() {
        String override = System.getProperty("chainrule.dot");
        if (override != null) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, windows ? "dot.exe" : "dot");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The engine that {@code choice} means on this machine: AUTO becomes NATIVE or EMBEDDED. */
    static RenderEngine resolve(RenderEngine choice) {
        if (choice == RenderEngine.AUTO) {
            return nativeDot().isPresent() ? RenderEngine.NATIVE : RenderEngine.EMBEDDED;
        }
        return choice;
    }

    /** SVG text for the DOT, laid out by the chosen engine. */
    static String svg(String dot, RenderEngine choice) {
        RenderEngine engine = resolve(choice);
        if (engine == RenderEngine.NATIVE) {
            return new String(runNative(dot, "svg"), StandardCharsets.UTF_8);
        }
        return runEmbedded(dot);
    }

    /** PDF bytes from the native dot, which must be installed. */
    static byte[] nativePdf(String dot) {
        return runNative(dot, "pdf");
    }

    private static Path requireNativeDot() {
        return nativeDot().orElseThrow(() -> new IllegalStateException(
                "the native Graphviz 'dot' program is not on the PATH; " + InstallHelp.installGraphviz()
                        + ", or use the embedded engine (RenderEngine.AUTO or EMBEDDED)"));
    }

    private static byte[] runNative(String dot, String format) {
        Path exe = requireNativeDot();
        Process p;
        try {
            p = new ProcessBuilder(exe.toString(), "-T" + format).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + exe + ": " + e.getMessage() + "; "
                    + InstallHelp.installGraphviz(), e);
        }
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // dot exited early; its stderr says why
        }
        try {
            if (!p.waitFor(NATIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("dot did not finish within " + NATIVE_TIMEOUT_SECONDS
                        + " s; the graph may be too big: lower GraphStyle.maxNodes or simplify the graph");
            }
            byte[] out = stdout.get();
            String err = new String(stderr.get(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0 || out.length == 0) {
                throw new IllegalStateException("dot -T" + format + " failed (exit " + p.exitValue() + "): " + err);
            }
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dot was running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading dot's output failed: " + e.getCause(), e.getCause());
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String runEmbedded(String dot) {
        Future<String> f = THREAD.submit(() -> {
            startEmbedded();
            while (true) {
                try {
                    return Graphviz.fromString(dot).totalMemory(embeddedMemory).render(Format.SVG_STANDALONE).toString();
                } catch (GraphvizException e) {
                    if (!String.valueOf(e.getMessage()).contains("enlarge memory") || embeddedMemory >= MAX_MEMORY) {
                        throw e.getMessage() != null && e.getMessage().contains("enlarge memory")
                                ? new IllegalStateException("the embedded Graphviz ran out of its "
                                        + (MAX_MEMORY >> 20) + " MB of memory; for graphs this big use the native dot: "
                                        + InstallHelp.installGraphviz(), e)
                                : e;
                    }
                    // The JavaScript Graphviz has a fixed heap; start it again with four times as much.
                    embeddedMemory = Math.min(MAX_MEMORY, embeddedMemory * 4);
                }
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedded Graphviz was running", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the embedded Graphviz failed: " + c, c);
        }
    }

    /** Starts J2V8 once, on the render thread; a failure is remembered and reported each time. */
    private static void startEmbedded() {
        if (embeddedStarted) {
            return;
        }
        if (embeddedFailure != null) {
            throw embeddedFailure;
        }
        try {
            Path dir;
            String chosen = System.getProperty("chainrule.j2v8.dir");
            if (chosen != null) {
                // For machines whose temp directory is mounted noexec: the library must be loadable.
                dir = Files.createDirectories(Path.of(chosen));
            } else {
                dir = Files.createTempDirectory("chainrule-j2v8-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            }
            Graphviz.useEngine(new GraphvizV8Engine(dir.toString()));
            // useEngine does not throw when the engine fails to start; a first render tells.
            Graphviz.fromString("digraph { }").render(Format.SVG).toString();
            embeddedStarted = true;
        } catch (IOException | RuntimeException | LinkageError e) {
            String reason = "the embedded Graphviz engine (J2V8, for Linux x86_64) failed to start: " + e;
            embeddedFailure = new IllegalStateException(nativeDot().isPresent()
                    ? reason + "; the native dot is installed: use RenderEngine.AUTO or NATIVE"
                    : "no Graphviz engine could start: the native 'dot' program is not on the PATH and " + reason
                            + "; " + InstallHelp.installGraphviz(), e);
            throw embeddedFailure;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort at exit
        }
    }
}
