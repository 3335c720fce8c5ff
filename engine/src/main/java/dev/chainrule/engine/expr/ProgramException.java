package dev.chainrule.engine.expr;

/**
 * A mistake in a program's text: a syntax error, an unknown function or name, a name assigned
 * twice. The message gives the line and column, says what was wrong, and shows the line with a
 * caret under the spot:
 *
 * <pre>
 * parse error at 1:7: expected ')' but found end of input
 *   f = (x
 *         ^
 * </pre>
 */
public class ProgramException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The 1-based line of the mistake. */
    private final int line;
    /** The 1-based column of the mistake, in characters. */
    private final int column;
    /** What was wrong, without the position and the excerpt. */
    private final String reason;

    ProgramException(String kind, String source, int offset, String reason) {
        super(format(kind, source, offset, reason));
        this.line = Source.line(source, offset);
        this.column = Source.column(source, offset);
        this.reason = reason;
    }

    /** {@return the 1-based line of the mistake} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column of the mistake, in characters} */
    public int column() {
        return column;
    }

    /** {@return what was wrong, without the position and the excerpt} */
    public String reason() {
        return reason;
    }

    private static String format(String kind, String source, int offset, String reason) {
        return kind + " at " + Source.line(source, offset) + ":" + Source.column(source, offset)
                + ": " + reason + "\n" + Source.excerpt(source, offset);
    }
}
