package dev.chainrule.checker;

/**
 * The numbers one mistake makes: what each answer would be had the student made it, and how to
 * say so in the student's names.
 */
abstract class Variant {
    private final String mistake;

    /** @param mistake the catalogue entry's name (see {@link Mistake#name()}) */
    Variant(String mistake) {
        this.mistake = mistake;
    }

    /** The catalogue entry this variant belongs to. */
    final String mistake() {
        return mistake;
    }

    /** What {@code q} would be with the mistake made, or NaN when the mistake does not bear on it. */
    abstract double value(Quantity q);

    /**
     * What the answer then is, in the student's names, such as {@code dE/dw1 computed with the
     * updated w5 and w7 (back-propagate with the weights from before the update)}.
     */
    abstract String explain(Answer a);

    /** {@link #explain} without its closing advice in parentheses, for lists of matches. */
    final String brief(Answer a) {
        String s = explain(a);
        if (!s.endsWith(")")) {
            return s;
        }
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            depth += c == ')' ? 1 : c == '(' ? -1 : 0;
            if (depth == 0) {
                return i > 0 && s.charAt(i - 1) == ' ' ? s.substring(0, i - 1) : s;
            }
        }
        return s;
    }

    /**
     * Whether a right answer that also matches this variant is unclear. True for every mistake a
     * student could have made on the way to the number asked for; false for one that only names
     * wrong answers (a forward value taken after the update, when the update comes later).
     */
    boolean makesUnclear() {
        return true;
    }

    /**
     * Whether an answer that matches this variant may be called this mistake even when it has
     * few digits. Matching another node's number by chance is likely at two digits, so those
     * variants ask for three.
     */
    int digitsToName() {
        return 1;
    }
}
