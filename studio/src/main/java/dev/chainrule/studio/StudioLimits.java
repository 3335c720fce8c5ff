package dev.chainrule.studio;

/**
 * The caps that keep one page from exhausting the machine. Each refusal is a message on the page
 * that names the cap and the {@code chainrule studio} option that raises it; the server keeps
 * serving.
 *
 * @param maxRequestBytes the largest request body read, in bytes
 * @param maxProgramChars the longest program (or answers text) evaluated, in characters
 * @param maxNodes        the most nodes a graph may have to be evaluated and drawn
 * @param evalMillis      how long one evaluation, check, step or export may take, in milliseconds
 */
public record StudioLimits(int maxRequestBytes, int maxProgramChars, int maxNodes, long evalMillis) {
    /** 1 MiB of request, 100,000 characters of program, 500 nodes, 30 s (a PNG of a wide graph takes seconds on a loaded machine). */
    public static final StudioLimits DEFAULTS = new StudioLimits(1 << 20, 100_000, 500, 30_000);

    /** Checks that every cap is positive. */
    public StudioLimits {
        if (maxRequestBytes < 1 || maxProgramChars < 1 || maxNodes < 1 || evalMillis < 1) {
            throw new IllegalArgumentException("studio limits must be positive: request " + maxRequestBytes
                    + " bytes, program " + maxProgramChars + " characters, " + maxNodes + " nodes, " + evalMillis + " ms");
        }
    }
}
