package dev.chainrule.viz;

/** Which way a graph flows: inputs on the left (the default) or at the top. */
public enum Direction {
    /** Inputs on the left, the output on the right ({@code rankdir=LR}). */
    LEFT_TO_RIGHT("LR"),
    /** Inputs at the top, the output at the bottom ({@code rankdir=TB}). */
    TOP_TO_BOTTOM("TB");

    final String rankdir;

    Direction(String rankdir) {
        this.rankdir = rankdir;
    }
}
