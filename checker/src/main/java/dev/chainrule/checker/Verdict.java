package dev.chainrule.checker;

/** What the checker says of one answer. */
public enum Verdict {
    /** Right at the precision written, and that precision tells it from every plausible mistake. */
    OK,
    /**
     * Not the true value at the precision written, but exactly what the student's own earlier,
     * correctly rounded numbers give: right with rounding.
     */
    ROUNDED,
    /** Neither the true value nor what the student's own numbers give. */
    WRONG,
    /**
     * Right at the precision written, but that precision cannot tell the true value from a
     * plausible wrong one (the value before the update, another node's, a catalogue mistake).
     */
    UNCLEAR,
    /** The line could not be read, or names what the program does not have. */
    UNREADABLE;

    /** {@return whether the answer counts as right: {@link #OK} or {@link #ROUNDED}} */
    public boolean isRight() {
        return this == OK || this == ROUNDED;
    }

    /** {@return the verdict as printed: ok, right with rounding, wrong, unclear, unreadable} */
    public String word() {
        return this == ROUNDED ? "ok (rounded)" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
