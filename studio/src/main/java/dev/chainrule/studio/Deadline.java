package dev.chainrule.studio;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one evaluation with a time limit. On time-out the page gets a message at once and the work's
 * thread is interrupted and left to end (the engine does not poll for interrupts, but a graph within
 * the node cap ends soon), so the server keeps serving.
 */
final class Deadline implements AutoCloseable {
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "chainrule-studio-work");
        t.setDaemon(true);
        return t;
    });
    private final long millis;

    Deadline(long millis) {
        this.millis = millis;
    }

    /** The task's result, or a limit refusal after the time limit. */
    <T> T run(Callable<T> task) {
        Future<T> f = workers.submit(task);
        try {
            return f.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw StudioException.limit(422, "stopped after " + (millis >= 1000 ? millis / 1000 + " s" : millis + " ms")
                    + ", the studio's time limit for one evaluation; make the program smaller, or start the studio with "
                    + "--eval-seconds N");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
