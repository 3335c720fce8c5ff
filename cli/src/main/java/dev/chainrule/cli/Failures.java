package dev.chainrule.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Turns every way a command can fail into exit code 2 and one line on standard error that says
 * what was wrong and what to do: mistakes in the input, exhausted memory or stack, the time limit,
 * and (for bugs) an internal error that still prints no stack trace unless
 * {@code CHAINRULE_DEBUG=1} is set.
 */
final class Failures {
    /** The stack of the thread a command runs on: deep enough for any picocli or JVM recursion. */
    private static final long STACK_BYTES = 64L << 20;

    private Failures() {
    }

    /**
     * Runs {@code command} on a thread of its own and returns its exit code; if it throws, or runs
     * past {@link Limits#timeLimitMillis()}, reports that and returns 2. On time-out the command's
     * thread is interrupted (loops that can run long check for it) and left to end.
     */
    static int guarded(Io io, IntSupplier command) {
        AtomicInteger code = new AtomicInteger(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                code.set(command.getAsInt());
            } catch (Throwable t) { // anything, OutOfMemoryError and StackOverflowError included
                failure.set(t);
            }
        }, "chainrule", STACK_BYTES);
        worker.setDaemon(true);
        long start = System.nanoTime();
        worker.start();
        try {
            while (worker.isAlive()) {
                worker.join(50);
                long limit = Limits.timeLimitMillis();
                if (limit > 0 && worker.isAlive() && (System.nanoTime() - start) / 1_000_000 > limit) {
                    Limits.markTimedOut(); // whatever the command prints as it stops is not the news
                    worker.interrupt();
                    worker.join(2000);
                    io.out().flush();
                    io.err().println("error: stopped after " + limit / 1000 + " s, the time limit; if the work is meant "
                            + "to take longer, raise the limit with --time-limit SECONDS (0 for none)");
                    return 2;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            return 2;
        }
        Throwable t = failure.get();
        return t == null ? code.get() : report(io, t);
    }

    /** Prints the one-line message for {@code ex} and returns exit code 2. */
    static int report(Io io, Throwable ex) {
        if (Limits.timedOut()) {
            return 2;
        }
        io.out().flush();
        io.err().println(message(ex));
        if (!isUserMistake(ex) && System.getenv("CHAINRULE_DEBUG") != null) {
            ex.printStackTrace(io.err());
        }
        io.err().flush();
        return 2;
    }

    static String message(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "error: out of memory (the Java heap holds at most " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): the input or its graph is too large; make it smaller, lower --max-nodes or "
                    + "--max-input-mb, or give Java more memory (JAVA_TOOL_OPTIONS=-Xmx16g)";
        }
        if (ex instanceof StackOverflowError) {
            return "error: the input nests too deeply to process (stack overflow); nest it less deeply";
        }
        if (!isUserMistake(ex)) {
            StackTraceElement[] st = ex.getStackTrace();
            return "internal error in chainrule: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage()))
                    + (st.length == 0 ? "" : " at " + st[0].getFileName() + ":" + st[0].getLineNumber())
                    + "; please report it with the command you ran (CHAINRULE_DEBUG=1 prints the stack trace)";
        }
        String m = ex.getMessage();
        if (m == null) {
            m = ex.getClass().getSimpleName();
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null && u.getCause().getMessage() != null) {
            m = FileErrors.reason(u.getCause());
        } else if (ex instanceof IOException e) {
            m = FileErrors.reason(e);
        }
        return m.startsWith("parse error") || m.contains(" error at ") || m.startsWith("unknown name") ? m : "error: " + m;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static boolean isUserMistake(Throwable ex) {
        return ex instanceof UserError || ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException || ex instanceof ArithmeticException
                || ex instanceof UnsupportedOperationException || ex instanceof UncheckedIOException
                || ex instanceof IOException;
    }
}
