package dev.chainrule.cli;

/**
 * The caps that keep one command from exhausting the machine, each raised with an option that the
 * refusal message names: input size ({@code --max-input-mb}) and running time ({@code --time-limit}).
 * Node caps for drawings are the style option {@code --max-nodes}. They are options of every
 * command, set for the one run in progress (the CLI runs one command per process; tests run one
 * at a time).
 */
final class Limits {
    /** 64 MiB: a 1,000,000-statement program is about 20 MiB. */
    static final int DEFAULT_MAX_INPUT_MB = 64;
    /** Ten minutes. */
    static final int DEFAULT_TIME_LIMIT_S = 600;

    private static volatile long maxInputBytes = DEFAULT_MAX_INPUT_MB * (1L << 20);
    private static volatile long timeLimitMillis = DEFAULT_TIME_LIMIT_S * 1000L;
    private static volatile boolean timedOut;

    private Limits() {
    }

    /** The largest input (program, answers, CSV file) read, in bytes. */
    static long maxInputBytes() {
        return maxInputBytes;
    }

    static void setMaxInputMb(long mb) {
        maxInputBytes = mb * (1L << 20);
    }

    /** How long a command may run, in milliseconds; 0 for no limit. */
    static long timeLimitMillis() {
        return timeLimitMillis;
    }

    static void setTimeLimitSeconds(long seconds) {
        timeLimitMillis = seconds * 1000L;
    }

    /** Whether the run in progress passed its time limit (its own message is then printed already). */
    static boolean timedOut() {
        return timedOut;
    }

    static void markTimedOut() {
        timedOut = true;
    }

    static void reset() {
        timedOut = false;
        setMaxInputMb(DEFAULT_MAX_INPUT_MB);
        setTimeLimitSeconds(DEFAULT_TIME_LIMIT_S);
    }

    /**
     * Throws if the command's thread was interrupted because the time limit passed; loops that a
     * user can make run for ever (trials, epochs) call it once per round.
     */
    static void checkTime() {
        if (Thread.currentThread().isInterrupted()) {
            throw new UserError("stopped: over the time limit; raise it with --time-limit SECONDS (0 for none)");
        }
    }

    static long mib(long bytes) {
        return bytes >> 20;
    }
}
