package dev.chainrule.engine.expr;

import dev.chainrule.engine.expr.Lexer.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns program text into {@link Code}, in one pass.
 *
 * <p>Statements are read in a loop, so their number costs no stack. Inside one expression,
 * binary operators of equal precedence are read in a loop too (precedence climbing); only
 * parentheses, calls and unary minus recurse, and their nesting is capped at {@link #MAX_DEPTH}
 * with a clear error.
 *
 * <p>Precedence, loosest first: {@code + -}, then {@code * /}, then unary minus, then {@code ^}
 * (right-associative), so {@code -x^2} is {@code -(x^2)} and {@code 2^3^2} is {@code 2^9}.
 */
final class Parser {
    static final int MAX_DEPTH = 1000;

    /** A parsed operand: either a number not yet made into a node, or a slot of the code. */
    private static final class Operand {
        final int slot;
        final double literal;
        final int offset;

        Operand(int slot, double literal, int offset) {
            this.slot = slot;
            this.literal = literal;
            this.offset = offset;
        }

        boolean isLiteral() {
            return slot < 0;
        }
    }

    private final Lexer lx;
    private final String text;
    private final Code code = new Code();
    private final Map<String, Program.Named> symbols = new HashMap<>();
    private final List<Program.Named> named = new ArrayList<>();
    private final List<Program.Named> inputs = new ArrayList<>();
    /** The names declared with {@code param}, in order. */
    private final List<String> parameters = new ArrayList<>();
    /** Offsets where e or pi were used as constants, so that assigning them later is caught. */
    private final Map<String, Integer> constantUses = new HashMap<>();
    private int depth;
    private int lastEnd;

    private Parser(String text) {
        this.text = text;
        this.lx = new Lexer(text);
    }

    static Program parse(String text) {
        Parser p = new Parser(text);
        p.program();
        return new Program(text, p.code, p.named, p.inputs, p.parameters);
    }

    private void program() {
        advance();
        Program.Named last = null;
        while (lx.kind != Kind.END_OF_INPUT) {
            if (lx.kind == Kind.END_OF_STATEMENT) {
                advance();
                continue;
            }
            last = statement();
        }
        if (last == null) {
            throw error(0, "the program has no statements; write one such as f = (x + y) * z");
        }
    }

    private Program.Named statement() {
        if (lx.kind != Kind.NAME) {
            throw error(lx.start, "expected a statement 'name = expression' but found " + lx.describeCurrent());
        }
        String name = lx.tokenText();
        int nameOffset = lx.start;
        advance();
        boolean parameter = false;
        if (name.equals("param") && lx.kind == Kind.NAME) {
            // "param w1 = 0.15": an input that gradient descent updates (see Program#parameters).
            parameter = true;
            name = lx.tokenText();
            nameOffset = lx.start;
            advance();
        }
        if (lx.kind != Kind.ASSIGN) {
            throw error(lx.start, "expected '=' after '" + name + "' but found " + lx.describeCurrent()
                    + " (each statement is 'name = expression')");
        }
        checkAssignable(name, nameOffset);
        advance();
        int exprStart = lx.start;
        Operand r = expression();
        if (lx.kind != Kind.END_OF_STATEMENT && lx.kind != Kind.END_OF_INPUT) {
            throw error(lx.start, "expected an operator or the end of the statement but found "
                    + lx.describeCurrent());
        }
        Program.Named self = symbols.get(name);
        if (self != null) {
            throw error(self.offset(), "'" + name + "' is used in its own definition; give the new value another name");
        }
        String definition = text.substring(exprStart, lastEnd);
        Program.Named n;
        if (parameter && !r.isLiteral()) {
            throw error(exprStart, "a parameter is assigned a number, as in param " + name + " = 0.15; '"
                    + definition + "' is computed");
        }
        if (parameter) {
            parameters.add(name);
        }
        if (r.isLiteral()) {
            int slot = code.emitInput(inputs.size(), nameOffset);
            n = new Program.Named(name, slot, nameOffset, Program.Role.INPUT, r.literal, definition);
            inputs.add(n);
        } else {
            int slot = r.slot;
            if (code.label(slot) != null) {
                // "b = a" gets a node of its own, so that both names show in tables and graphs.
                slot = code.emitApply(Functions.IDENTITY, Double.NaN, exprStart, new int[] {slot});
            }
            n = new Program.Named(name, slot, nameOffset, Program.Role.COMPUTED, Double.NaN, definition);
        }
        code.setLabel(n.slot(), name);
        symbols.put(name, n);
        named.add(n);
        return n;
    }

    private void checkAssignable(String name, int at) {
        Program.Named s = symbols.get(name);
        if (s != null && s.role() != Program.Role.FREE) {
            throw error(at, "'" + name + "' is assigned twice; it was first assigned at " + position(s.offset()));
        }
        if (s != null) {
            throw error(at, "'" + name + "' is assigned here but was already used at " + position(s.offset())
                    + "; assign it before its first use");
        }
        Integer constantUse = constantUses.get(name);
        if (constantUse != null) {
            throw error(at, "'" + name + "' is assigned here but was already used as the constant "
                    + name + " at " + position(constantUse) + "; pick another name");
        }
    }

    // ---------------------------------------------------------------- expressions

    private Operand expression() {
        Operand left = term();
        while (lx.kind == Kind.PLUS || lx.kind == Kind.MINUS) {
            boolean minus = lx.kind == Kind.MINUS;
            int at = lx.start;
            advance();
            Operand right = term();
            if (minus && right.isLiteral()) {
                // x - 3 is recorded as x + (-3), as Value.sub(double) does.
                left = apply(Functions.ADD, Double.NaN, at, left, new Operand(-1, -right.literal, right.offset));
            } else {
                left = apply(minus ? Functions.SUB : Functions.ADD, Double.NaN, at, left, right);
            }
        }
        return left;
    }

    private Operand term() {
        Operand left = unary();
        while (lx.kind == Kind.STAR || lx.kind == Kind.SLASH) {
            Functions.Function f = lx.kind == Kind.STAR ? Functions.MUL : Functions.DIV;
            int at = lx.start;
            advance();
            left = apply(f, Double.NaN, at, left, unary());
        }
        return left;
    }

    private Operand unary() {
        if (lx.kind == Kind.MINUS || lx.kind == Kind.PLUS) {
            boolean minus = lx.kind == Kind.MINUS;
            int at = lx.start;
            advance();
            enter(at);
            Operand o = unary();
            depth--;
            if (!minus) {
                return o;
            }
            return o.isLiteral() ? new Operand(-1, -o.literal, at) : apply(Functions.NEG, Double.NaN, at, o);
        }
        return power();
    }

    private Operand power() {
        Operand base = primary();
        if (lx.kind == Kind.SUPERSCRIPT) {
            // x² is x^2; x²^3 would be ambiguous, so a superscript ends the power.
            int at = lx.start;
            double p = lx.number;
            advance();
            return pow(base, new Operand(-1, p, at), at);
        }
        if (lx.kind != Kind.CARET) {
            return base;
        }
        int at = lx.start;
        advance();
        enter(at);
        Operand exponent = unary();
        depth--;
        return pow(base, exponent, at);
    }

    private Operand pow(Operand base, Operand exponent, int at) {
        if (exponent.isLiteral()) {
            return apply(Functions.POW_CONST, exponent.literal, at, base);
        }
        return apply(Functions.POW, Double.NaN, at, base, exponent);
    }

    private Operand primary() {
        int at = lx.start;
        switch (lx.kind) {
            case NUMBER -> {
                double v = lx.number;
                advance();
                return new Operand(-1, v, at);
            }
            case NAME -> {
                String name = lx.tokenText();
                advance();
                if (lx.kind == Kind.LPAREN) {
                    return call(name, at);
                }
                return reference(name, at);
            }
            case LPAREN -> {
                advance();
                enter(at);
                Operand inner = expression();
                expect(Kind.RPAREN, "')'");
                depth--;
                return inner;
            }
            default -> throw error(at, "expected a number, a name or '(' but found " + lx.describeCurrent());
        }
    }

    private Operand reference(String name, int at) {
        Program.Named s = symbols.get(name);
        if (s != null) {
            return new Operand(s.slot(), Double.NaN, at);
        }
        if (name.equals("e") || name.equals("pi") || name.equals("π")) {
            constantUses.putIfAbsent(name, at);
            return new Operand(code.emitConst(name.equals("e") ? Math.E : Math.PI, at), Double.NaN, at);
        }
        // Used but not (yet) assigned: an input that must be given from outside.
        int slot = code.emitInput(inputs.size(), at);
        Program.Named n = new Program.Named(name, slot, at, Program.Role.FREE, Double.NaN, null);
        code.setLabel(slot, name);
        symbols.put(name, n);
        named.add(n);
        inputs.add(n);
        return new Operand(slot, Double.NaN, at);
    }

    private Operand call(String name, int at) {
        Functions.Function f = Functions.find(name);
        if (f == null) {
            String guess = Functions.closest(name);
            throw error(at, "unknown function '" + name + "'" + (guess != null
                    ? " (did you mean '" + guess + "'?)"
                    : "; the functions are " + String.join(", ", Functions.names())));
        }
        advance();
        enter(at);
        List<Operand> args = new ArrayList<>();
        if (lx.kind != Kind.RPAREN) {
            args.add(expression());
            while (lx.kind == Kind.COMMA) {
                advance();
                args.add(expression());
            }
        }
        expect(Kind.RPAREN, args.isEmpty() ? "')'" : "',' or ')'");
        depth--;
        int n = args.size();
        double param = Double.NaN;
        if (f.hasParam() && n == f.maxArgs() + 1) {
            Operand p = args.remove(n - 1);
            if (!p.isLiteral()) {
                throw error(p.offset, name + ": the " + f.paramName() + " must be a number, as in " + f.usage());
            }
            param = p.literal;
        } else if (f.hasParam()) {
            param = f.paramDefault();
        }
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            String count = f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs()) : "at least " + f.minArgs();
            throw error(at, name + " takes " + count + " argument" + (f.maxArgs() == 1 ? "" : "s")
                    + (f.hasParam() ? " and an optional " + f.paramName() : "")
                    + ", as in " + f.usage() + ", but was given " + n);
        }
        if (f == Functions.POW) {
            return pow(args.get(0), args.get(1), at);
        }
        return apply(f, param, at, args.toArray(new Operand[0]));
    }

    private Operand apply(Functions.Function f, double param, int at, Operand... operands) {
        int[] slots = new int[operands.length];
        for (int i = 0; i < slots.length; i++) {
            Operand o = operands[i];
            slots[i] = o.isLiteral() ? code.emitConst(o.literal, o.offset) : o.slot;
        }
        return new Operand(code.emitApply(f, param, at, slots), Double.NaN, at);
    }

    // ---------------------------------------------------------------- helpers

    private void advance() {
        lastEnd = lx.end;
        lx.next();
    }

    private void expect(Kind kind, String what) {
        if (lx.kind != kind) {
            throw error(lx.start, "expected " + what + " but found " + lx.describeCurrent());
        }
        advance();
    }

    private void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "expression nested more than " + MAX_DEPTH
                    + " levels deep; split it into named statements");
        }
    }

    private String position(int offset) {
        return Source.line(text, offset) + ":" + Source.column(text, offset);
    }

    private ProgramException error(int at, String reason) {
        return new ProgramException("parse error", text, at, reason);
    }
}
