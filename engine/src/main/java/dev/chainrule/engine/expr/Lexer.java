package dev.chainrule.engine.expr;

/**
 * Splits program text into tokens, one at a time, so that a program of any length needs no token
 * list. Unicode operators are folded into their ASCII forms: {@code ·}, {@code ×} and
 * {@code ⋅} are {@code *}; {@code −} and {@code –} are {@code -}; {@code ÷} is {@code /};
 * {@code **} is {@code ^}; superscripts such as {@code x²} or {@code x⁻¹} are constant powers.
 */
final class Lexer {
    enum Kind {
        NUMBER, NAME, PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, COMMA, ASSIGN,
        /** A superscript exponent such as ² or ⁻¹; its value is in {@link #number}. */
        SUPERSCRIPT,
        /** A newline or ';'. */
        END_OF_STATEMENT,
        END_OF_INPUT
    }

    private final String text;
    private int pos;

    /** The current token. */
    Kind kind;
    /** Where the current token starts and ends (exclusive). */
    int start;
    int end;
    /** The value of a NUMBER token. */
    double number;

    Lexer(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The current token's text. */
    String tokenText() {
        return text.substring(start, end);
    }

    /** Moves to the next token. */
    void next() {
        skipSpaceAndComments();
        start = pos;
        if (pos >= text.length()) {
            end = pos;
            kind = Kind.END_OF_INPUT;
            return;
        }
        char c = text.charAt(pos);
        if (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)) && followsOperand()) {
            throw new ProgramException("parse error", text, start, "a '.' before a digit is a decimal point, so "
                    + "it cannot multiply here; write · or * (as in x·0.5)");
        }
        if (c >= '0' && c <= '9' || c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
            readNumber();
            return;
        }
        if (isNameStart(text.codePointAt(pos))) {
            do {
                pos += Character.charCount(text.codePointAt(pos));
            } while (pos < text.length() && isNamePart(text.codePointAt(pos)));
            end = pos;
            kind = Kind.NAME;
            return;
        }
        if (SUPERSCRIPTS.indexOf(c) >= 0) {
            readSuperscript();
            return;
        }
        if (c == '.') {
            readDot();
            return;
        }
        pos++;
        switch (c) {
            case '\n', ';' -> kind = Kind.END_OF_STATEMENT;
            case '+' -> kind = Kind.PLUS;
            case '-', '\u2212', '\u2013' -> kind = Kind.MINUS;
            case '*' -> {
                if (pos < text.length() && text.charAt(pos) == '*') {
                    pos++;
                    kind = Kind.CARET;
                } else {
                    kind = Kind.STAR;
                }
            }
            case '\u00B7', '\u00D7', '\u22C5' -> kind = Kind.STAR;
            case '/', '\u00F7' -> kind = Kind.SLASH;
            case '^' -> kind = Kind.CARET;
            case '(' -> kind = Kind.LPAREN;
            case ')' -> kind = Kind.RPAREN;
            case ',' -> kind = Kind.COMMA;
            case '=' -> kind = Kind.ASSIGN;
            default -> {
                pos = start;
                int cp = text.codePointAt(pos);
                throw new ProgramException("parse error", text, start,
                        "unexpected character '" + new String(Character.toChars(cp)) + "'");
            }
        }
        end = pos;
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\f') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void readNumber() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        // An exponent only when digits follow, so that "2e" stays the number 2 then the name e.
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
                p++;
            }
            if (p < text.length() && isDigit(text.charAt(p))) {
                while (p < text.length() && isDigit(text.charAt(p))) {
                    p++;
                }
                pos = p;
            }
        }
        end = pos;
        kind = Kind.NUMBER;
        number = Double.parseDouble(text.substring(start, end));
        String problem = NumberLiteral.rangeProblem(text.substring(start, end), number);
        if (problem != null) {
            throw new ProgramException("parse error", text, start, "number " + problem);
        }
    }

    /** Whether the token just read ends an operand (a name, a number, ')'), after which '.' would multiply. */
    private boolean followsOperand() {
        return kind == Kind.NAME || kind == Kind.NUMBER || kind == Kind.RPAREN;
    }

    /**
     * A '.' that is not a decimal point: the course material's multiplication dot, as in
     * {@code (x + y).z}, when it stands between an operand and a name or '('.
     */
    private void readDot() {
        int p = pos + 1;
        while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        boolean operandNext = p < text.length() && (text.charAt(p) == '(' || isNameStart(text.codePointAt(p)));
        if (!followsOperand() || !operandNext) {
            throw new ProgramException("parse error", text, start,
                    "unexpected '.'; to multiply, write · or * (a '.' multiplies only between an operand and a "
                            + "name or '(', as in (x + y).z)");
        }
        pos++;
        end = pos;
        kind = Kind.STAR;
    }

    /** Superscript digits 0 to 9, then the superscript minus. */
    private static final String SUPERSCRIPTS = "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079\u207B";

    private void readSuperscript() {
        boolean negative = text.charAt(pos) == '\u207B';
        if (negative) {
            pos++;
        }
        long value = 0;
        int digits = 0;
        int d;
        while (pos < text.length() && (d = SUPERSCRIPTS.indexOf(text.charAt(pos))) >= 0 && d < 10 && digits < 9) {
            value = value * 10 + d;
            digits++;
            pos++;
        }
        end = pos;
        if (digits == 0) {
            throw new ProgramException("parse error", text, start, "expected superscript digits after '⁻'");
        }
        kind = Kind.SUPERSCRIPT;
        number = negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(int c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isNamePart(int c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** How a token reads in "expected X but found Y". */
    String describeCurrent() {
        return switch (kind) {
            case END_OF_INPUT -> "end of input";
            case END_OF_STATEMENT -> text.charAt(start) == ';' ? "';'" : "end of line";
            case NUMBER -> "number " + tokenText();
            case NAME -> "name '" + tokenText() + "'";
            default -> "'" + tokenText() + "'";
        };
    }
}
