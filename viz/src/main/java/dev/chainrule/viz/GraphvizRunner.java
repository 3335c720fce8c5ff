package dev.chainrule.viz;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs Graphviz on DOT text: the native {@code dot} program when asked for or found on the
 * PATH, otherwise Graphviz 16 compiled to WebAssembly and run in the JVM by Chicory
 * ({@link WasmGraphviz}), which works the same on every OS.
 *
 * <p>The system property {@value #ENGINE_PROPERTY} ({@code native}, {@code embedded} or
 * {@code auto}) decides what {@link RenderEngine#AUTO} means, so that CI can run every render
 * through either path; an explicit NATIVE or EMBEDDED in the style always wins.
 *
 * <p>Embedded instances are not thread-safe: each render takes one from a pool of idle
 * instances (or starts one) and gives it back afterwards, so concurrent renders never share
 * one; an instance that failed is thrown away. The native program is fed through pipes, so it
 * leaves no temp files.
 */
final class GraphvizRunner {
    /** System property: {@code native}, {@code embedded} or {@code auto}, what AUTO resolves to. */
    static final String ENGINE_PROPERTY = "chainrule.viz.engine";

    private static final long NATIVE_TIMEOUT_SECONDS = 300;
    /** Idle embedded instances kept for the next render (each keeps the memory its largest graph needed, 1 MB at least). */
    private static final int MAX_IDLE = 2;
    private static final ConcurrentLinkedQueue<WasmGraphviz> IDLE = new ConcurrentLinkedQueue<>();
    /** An embedded instance being started in the background ({@link #prepare}), or null. */
    private static final AtomicReference<CompletableFuture<WasmGraphviz>> STARTING = new AtomicReference<>();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chainrule-graphviz-watchdog");
        t.setDaemon(true);
        return t;
    });

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
        if (choice != RenderEngine.AUTO) {
            return choice;
        }
        String forced = System.getProperty(ENGINE_PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "embedded" -> RenderEngine.EMBEDDED;
            case "native" -> RenderEngine.NATIVE;
            case "auto", "" -> nativeDot().isPresent() ? RenderEngine.NATIVE : RenderEngine.EMBEDDED;
            default -> throw new IllegalArgumentException("-D" + ENGINE_PROPERTY + "=" + forced
                    + " is not an engine; use native, embedded or auto");
        };
    }

    /**
     * Starts an embedded instance on a background thread when {@code choice} means the embedded
     * engine and no instance is idle or starting, so that a caller can do its own work (the DOT
     * text, the CLI's parsing) while the WebAssembly module loads. Starting the first instance
     * (parsing the module, loading its 1.6 MB of generated classes, running Graphviz's
     * constructors) is most of a new JVM's 0.4–0.5 s to its first picture; on two cores it
     * overlaps the caller's own work.
     * Doing nothing here is always correct: the next render starts its own instance.
     */
    static void prepare(RenderEngine choice) {
        // The pool first: every warm render ends here, and resolving AUTO looks through the PATH.
        if (!IDLE.isEmpty() || STARTING.get() != null) {
            return;
        }
        try {
            if (resolve(choice) != RenderEngine.EMBEDDED) {
                return;
            }
        } catch (IllegalArgumentException e) {
            return;  // a bad -Dchainrule.viz.engine: the render itself says so
        }
        CompletableFuture<WasmGraphviz> starting = new CompletableFuture<>();
        if (!STARTING.compareAndSet(null, starting)) {
            return;
        }
        Thread code = new Thread(WasmGraphviz::loadCompiledCode, "chainrule-graphviz-classes");
        code.setDaemon(true);
        code.start();
        Thread t = new Thread(() -> {
            try {
                starting.complete(new WasmGraphviz());
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "chainrule-graphviz-start");
        t.setDaemon(true);
        t.start();
    }

    /** Empties the pool of idle instances and returns them (for tests). */
    static List<WasmGraphviz> takeAllIdle() {
        List<WasmGraphviz> all = new ArrayList<>();
        for (WasmGraphviz g; (g = IDLE.poll()) != null; ) {
            all.add(g);
        }
        return all;
    }

    /** Puts instances back into the pool of idle ones, up to its size (for tests). */
    static void giveBack(List<WasmGraphviz> instances) {
        for (WasmGraphviz g : instances) {
            if (IDLE.size() < MAX_IDLE) {
                IDLE.offer(g);
            }
        }
    }

    /** Whether an instance is being started in the background, or is started and not yet taken. */
    static boolean startedInBackground() {
        return STARTING.get() != null;
    }

    /** The instance started by {@link #prepare}, waiting for it if it is not ready yet; null if none. */
    private static WasmGraphviz takeStarted() {
        CompletableFuture<WasmGraphviz> starting = STARTING.getAndSet(null);
        if (starting == null) {
            return null;
        }
        try {
            return starting.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
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

    /**
     * SVG from the embedded Graphviz: an idle instance from the pool, or a new one; an instance
     * that failed is thrown away, a good one goes back. A watchdog interrupts a layout that runs
     * past the time limit (the compiled module checks for interruption in its loops).
     */
    private static String runEmbedded(String dot) {
        WasmGraphviz g = IDLE.poll();
        try {
            if (g == null) {
                g = takeStarted();
            }
            if (g == null) {
                g = new WasmGraphviz();
            }
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("the embedded Graphviz failed to start: " + e, e);
        }
        Watchdog watchdog = new Watchdog(Thread.currentThread());
        ScheduledFuture<?> timer = WATCHDOG.schedule(watchdog::fire, embeddedTimeoutSeconds(), TimeUnit.SECONDS);
        try {
            return g.render(dot, "svg");
        } catch (ChicoryInterruptedException e) {
            throw new IllegalStateException(watchdog.fired()
                    ? "the embedded Graphviz did not finish within " + embeddedTimeoutSeconds() + " s; the graph is"
                            + " too big to lay out: lower the node limit or simplify the graph"
                    : "interrupted while the embedded Graphviz was running", e);
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("the JVM ran out of memory while the embedded Graphviz was running"
                    + " (raise -Xmx, or render a smaller graph)", e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("out of memory") || why.contains("Graphviz aborted")) {
                throw new IllegalStateException("the embedded Graphviz ran out of memory (its limit is 2 GB of"
                        + " WebAssembly memory and the JVM's heap); render a smaller graph", e);
            }
            throw new IllegalStateException("the embedded Graphviz failed: " + e, e);
        } finally {
            timer.cancel(false);
            watchdog.stop();
            if (!g.broken() && IDLE.size() < MAX_IDLE) {
                IDLE.offer(g);
            }
        }
    }

    private static long embeddedTimeoutSeconds() {
        return Long.getLong("chainrule.viz.timeoutSeconds", NATIVE_TIMEOUT_SECONDS);
    }

    /** Interrupts a render that runs too long, and never a thread that has moved on. */
    private static final class Watchdog {
        private final Thread thread;
        private boolean done;
        private boolean fired;

        Watchdog(Thread thread) {
            this.thread = thread;
        }

        synchronized void fire() {
            if (!done) {
                fired = true;
                thread.interrupt();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        /** The render is over: no interrupt comes after this, and one that came is cleared. */
        synchronized void stop() {
            done = true;
            if (fired) {
                Thread.interrupted();
            }
        }
    }
}
