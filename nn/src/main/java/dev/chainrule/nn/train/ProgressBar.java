package dev.chainrule.nn.train;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line text progress bar for a terminal, redrawn in place with a carriage return. */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final int total;
    private final long start = System.nanoTime();
    private int lastLength;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Whether a person is watching: a console is attached and this is not a CI run. */
    static boolean terminalAttached() {
        return System.console() != null && System.getenv("CI") == null;
    }

    void update(int done, String status) {
        String line = line(done, total, (System.nanoTime() - start) / 1e9, status);
        // Spaces wipe whatever a longer previous line left behind.
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        out.flush();
    }

    static String line(int done, int total, double seconds, String status) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        StringBuilder s = new StringBuilder("training [");
        for (int i = 0; i < WIDTH; i++) {
            s.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        s.append("] ").append(done).append('/').append(total).append(String.format(Locale.ROOT, " %.1fs", seconds));
        if (done > 0 && done < total) {
            s.append(String.format(Locale.ROOT, " eta %.1fs", seconds / done * (total - done)));
        }
        return s.append(' ').append(status).toString();
    }

    @Override
    public void close() {
        out.println();
        out.flush();
    }
}
