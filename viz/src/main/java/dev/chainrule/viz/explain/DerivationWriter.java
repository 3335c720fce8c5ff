package dev.chainrule.viz.explain;

import java.util.List;
import java.util.Objects;

/**
 * Writes derivations as plain text (Unicode, or ASCII for terminals without it), as Markdown that
 * common viewers render (nested lists, no math extension needed), or as a LaTeX fragment that
 * compiles in any document without extra packages (one display equation per line,
 * {@code \frac{\partial E_{total}}{\partial w_5}}, subscripts from {@code _}).
 *
 * <pre>{@code
 * String text = DerivationWriter.text(Notation.UNICODE, 9).write(List.of(d));
 * String tex = DerivationWriter.latex(9).write(explainer.deriveAll(List.of("w5", "w1")));
 * }</pre>
 */
public final class DerivationWriter {

    /** The kinds of output. */
    private enum Format {
        TEXT, MARKDOWN, LATEX
    }

    private final Format format;
    private final Notation notation;
    private final int digits;

    private DerivationWriter(Format format, Notation notation, int digits) {
        this.format = format;
        this.notation = notation;
        this.digits = Explainer.checkDigits(digits);
    }

    /**
     * Plain text, one line per step, parts indented under what they make up.
     *
     * @param notation {@link Notation#UNICODE} (∂, ·, −) or {@link Notation#ASCII} (d, *, -)
     * @param digits   significant digits, 1 to 17 (the course material's figures have 9)
     * @return a writer of plain text, two spaces of indentation per level, notes in parentheses
     * @throws IllegalArgumentException for LaTeX notation (use {@link #latex(int)}) or bad digits
     */
    public static DerivationWriter text(Notation notation, int digits) {
        if (Objects.requireNonNull(notation, "notation") == Notation.LATEX) {
            throw new IllegalArgumentException("plain text is written in Unicode or ASCII; use latex(digits) for LaTeX");
        }
        return new DerivationWriter(Format.TEXT, notation, digits);
    }

    /**
     * Markdown: a heading per derivation, its lines as nested list items, notes in italics.
     * Formulas are in Unicode, as {@link #markdown(Notation, int)} with {@link Notation#UNICODE}.
     *
     * @param digits significant digits, 1 to 17 (the course material's figures have 9)
     * @return a writer of Markdown with Unicode formulas
     * @throws IllegalArgumentException if digits is below 1 or above 17
     */
    public static DerivationWriter markdown(int digits) {
        return markdown(Notation.UNICODE, digits);
    }

    /**
     * Markdown with formulas in Unicode or ASCII.
     *
     * @param notation {@link Notation#UNICODE} (∂, ·, −) or {@link Notation#ASCII} (d, *, -), for
     *                 the formulas, headings and notes
     * @param digits   significant digits, 1 to 17 (the course material's figures have 9)
     * @return a writer of Markdown: a heading per derivation, its lines as nested list items, notes in
     *     italics, Markdown's special characters escaped
     * @throws IllegalArgumentException for LaTeX notation (use {@link #latex(int)}) or bad digits
     */
    public static DerivationWriter markdown(Notation notation, int digits) {
        if (Objects.requireNonNull(notation, "notation") == Notation.LATEX) {
            throw new IllegalArgumentException("Markdown is written in Unicode or ASCII; use latex(digits) for LaTeX");
        }
        return new DerivationWriter(Format.MARKDOWN, notation, digits);
    }

    /**
     * A LaTeX fragment: one {@code \[ ... \]} display per line, notes in {@code \mbox}.
     *
     * @param digits significant digits, 1 to 17 (the course material's figures have 9)
     * @return a writer of a LaTeX fragment that needs no package, each derivation introduced by a
     *     {@code %} comment naming it
     * @throws IllegalArgumentException if digits is below 1 or above 17
     */
    public static DerivationWriter latex(int digits) {
        return new DerivationWriter(Format.LATEX, Notation.LATEX, digits);
    }

    /**
     * The derivations, one after the other, each ending with a newline.
     *
     * @param derivations the derivations to write, in order, such as those of
     *                    {@link Explainer#deriveAll}; may be empty
     * @return the derivations in this writer's format, separated by blank lines, each followed by a
     *     note when it left quantities out; for LaTeX, a leading {@code %} comment line even when
     *     the list is empty
     */
    public String write(List<Derivation> derivations) {
        StringBuilder b = new StringBuilder();
        if (format == Format.LATEX) {
            b.append("% Worked derivations written by Chainrule. A fragment: paste it into any LaTeX document;"
                    + " it needs no package.\n");
        }
        for (int i = 0; i < derivations.size(); i++) {
            Derivation d = derivations.get(i);
            if (i > 0 || format == Format.LATEX) {
                b.append('\n');
            }
            String title = "∂" + d.output() + "/∂" + d.wrt();
            switch (format) {
                case MARKDOWN -> b.append("### ").append(markdownEscape(notation == Notation.ASCII
                        ? Names.ascii(title) : title)).append("\n\n");
                case LATEX -> b.append("% d").append(latexComment(d.output())).append("/d")
                        .append(latexComment(d.wrt())).append('\n');
                case TEXT -> { }
            }
            for (Line line : d.lines()) {
                b.append(line(line)).append('\n');
            }
            if (d.leftOut() > 0) {
                String note = d.leftOut() + (d.leftOut() == 1 ? " quantity is" : " quantities are")
                        + " given by value only: the limit on derivation steps was reached";
                b.append(switch (format) {
                    case TEXT -> "(" + (notation == Notation.ASCII ? Names.ascii(note) : note) + ")";
                    case MARKDOWN -> "\n*" + markdownEscape(notation == Notation.ASCII ? Names.ascii(note) : note) + "*";
                    case LATEX -> "% " + latexComment(note);
                }).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * One line, without its newline.
     *
     * @param line a line of a derivation ({@link Derivation#lines()})
     * @return the left-hand side and each side after {@code " = "}, then the note if any, indented
     *     two spaces per level of {@link Line#depth()} (for Markdown as a {@code "- "} list item; for
     *     LaTeX, one {@code \[ ... \]} display with a {@code \qquad} per level)
     */
    public String line(Line line) {
        StringBuilder b = new StringBuilder();
        b.append(write(line.left().term(), false));
        for (Line.Side s : line.sides()) {
            b.append(" = ").append(write(s.formula().term(), s.numbers()));
        }
        String note = line.note();
        return switch (format) {
            case TEXT -> "  ".repeat(line.depth()) + b
                    + (note == null ? "" : "   (" + (notation == Notation.ASCII ? Names.ascii(note) : note) + ")");
            case MARKDOWN -> "  ".repeat(line.depth()) + "- " + markdownEscape(b.toString())
                    + (note == null ? "" : " *(" + markdownEscape(notation == Notation.ASCII ? Names.ascii(note) : note)
                    + ")*");
            case LATEX -> "\\[ " + "\\qquad ".repeat(line.depth()) + b
                    + (note == null ? "" : " \\quad \\mbox{(" + Names.latexText(note) + ")}") + " \\]";
        };
    }

    private String write(Term t, boolean numbers) {
        return new TermWriter(notation, digits, numbers).write(t);
    }

    /** Escapes what Markdown would read as formatting, links or HTML. */
    static String markdownEscape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Text for a LaTeX comment: ASCII, on one line. */
    private static String latexComment(String s) {
        return Names.ascii(s).replace('\n', ' ').replace('\r', ' ');
    }
}
