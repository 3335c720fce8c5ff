package dev.chainrule.viz.explain;

import dev.chainrule.viz.explain.Term.Abs;
import dev.chainrule.viz.explain.Term.Call;
import dev.chainrule.viz.explain.Term.Constant;
import dev.chainrule.viz.explain.Term.Neg;
import dev.chainrule.viz.explain.Term.Num;
import dev.chainrule.viz.explain.Term.Power;
import dev.chainrule.viz.explain.Term.Product;
import dev.chainrule.viz.explain.Term.Quotient;
import dev.chainrule.viz.explain.Term.Sum;
import dev.chainrule.viz.explain.Term.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an op's formula from the op registry (a derivative template such as
 * {@code "{out}·(1 − {out})"} or {@code "{b}·{a}^({b} − 1)"}, or an arithmetic op's forward
 * formula such as {@code "a·b"}) into a {@link Term}, with each placeholder replaced by the term
 * it stands for. A formula that is not arithmetic ({@code "1 if {x} > 0, else 0"}) becomes
 * {@link Words}: its text with the terms put in.
 */
final class Template {
    /** Functions a formula may call, as the registry writes them. */
    private static final Set<String> FUNCTIONS = Set.of("σ", "ln", "log", "exp", "cos", "sin", "tanh", "sign", "√",
            "sqrt");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private final String text;
    private final Map<String, Term> slots;
    /** Whether bare names (a, b, x) are placeholders, as in forward formulas. */
    private final boolean bareSlots;
    private int pos;

    private Template(String text, Map<String, Term> slots, boolean bareSlots) {
        this.text = text;
        this.slots = slots;
        this.bareSlots = bareSlots;
    }

    /**
     * A derivative template with {@code {name}} placeholders.
     *
     * @param slots the term for each placeholder
     */
    static Term derivative(String template, Map<String, Term> slots) {
        try {
            return new Template(template, slots, false).whole();
        } catch (IllegalArgumentException notArithmetic) {
            return words(template, slots);
        }
    }

    /**
     * A forward formula written with bare input names ({@code "a + b"}, {@code "x^p"}).
     *
     * @throws IllegalArgumentException if it is not arithmetic this reader understands
     */
    static Term forward(String formula, Map<String, Term> slots) {
        return new Template(formula, slots, true).whole();
    }

    private static Term words(String template, Map<String, Term> slots) {
        List<Object> pieces = new ArrayList<>();
        int i = 0;
        StringBuilder plain = new StringBuilder();
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                plain.append(template, i, template.length());
                break;
            }
            Term t = slots.get(template.substring(open + 1, close));
            plain.append(template, i, open);
            if (t == null) {
                plain.append(template, open, close + 1);
            } else {
                if (plain.length() > 0) {
                    pieces.add(plain.toString());
                    plain.setLength(0);
                }
                pieces.add(t);
            }
            i = close + 1;
        }
        if (plain.length() > 0) {
            pieces.add(plain.toString());
        }
        return new Words(pieces);
    }

    private Term whole() {
        Term t = sum();
        skipSpace();
        if (pos < text.length()) {
            throw notArithmetic();
        }
        return t;
    }

    private IllegalArgumentException notArithmetic() {
        return new IllegalArgumentException("not arithmetic at " + pos + " of '" + text + "'");
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        skipSpace();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private Term sum() {
        List<Term> terms = new ArrayList<>();
        terms.add(product());
        for (char c = peek(); c == '+' || c == '−' || c == '-'; c = peek()) {
            pos++;
            Term t = product();
            terms.add(c == '+' ? t : new Neg(t));
        }
        return terms.size() == 1 ? terms.get(0) : new Sum(terms);
    }

    private Term product() {
        Term t = unary();
        List<Term> factors = new ArrayList<>();
        factors.add(t);
        while (true) {
            char c = peek();
            if (c == '·' || c == '*' || c == '×') {
                pos++;
                factors.add(unary());
            } else if (c == '/') {
                pos++;
                Term numerator = factors.size() == 1 ? factors.get(0) : new Product(factors);
                factors = new ArrayList<>();
                factors.add(new Quotient(numerator, unary()));
            } else if (startsAtom(c)) {
                factors.add(power());   // juxtaposition: 2x, ½(1 + t)
            } else {
                break;
            }
        }
        return factors.size() == 1 ? factors.get(0) : new Product(factors);
    }

    private boolean startsAtom(char c) {
        return c == '(' || c == '{' || c == '½' || Character.isDigit(c) || (Character.isLetter(c) && c != 'ˣ');
    }

    private Term unary() {
        char c = peek();
        if (c == '−' || c == '-') {
            pos++;
            return new Neg(unary());
        }
        return power();
    }

    private Term power() {
        Term base = atom();
        char c = peek();
        if (c == '^') {
            pos++;
            char d = peek();
            if (d == '−' || d == '-') {
                pos++;
                return new Power(base, new Neg(atom()));
            }
            return new Power(base, atom());
        }
        if (pos < text.length() && (SUPERSCRIPTS.indexOf(c) >= 0 || c == '⁻')) {
            boolean negative = c == '⁻';
            if (negative) {
                pos++;
            }
            int start = pos;
            while (pos < text.length() && SUPERSCRIPTS.indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw notArithmetic();
            }
            int e = 0;
            for (int i = start; i < pos; i++) {
                e = 10 * e + SUPERSCRIPTS.indexOf(text.charAt(i));
            }
            return new Power(base, new Num(negative ? -e : e));
        }
        return base;
    }

    private Term atom() {
        char c = peek();
        if (c == '(') {
            pos++;
            Term t = sum();
            expect(')');
            return t;
        }
        if (c == '|') {
            pos++;
            Term t = sum();
            expect('|');
            return new Abs(t);
        }
        if (c == '½') {
            pos++;
            return new Num(0.5);
        }
        if (c == '{') {
            int close = text.indexOf('}', pos);
            if (close < 0) {
                throw notArithmetic();
            }
            Term t = slots.get(text.substring(pos + 1, close));
            if (t == null) {
                throw notArithmetic();
            }
            pos = close + 1;
            return t;
        }
        if (Character.isDigit(c) || c == '.') {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            try {
                return new Num(Double.parseDouble(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw notArithmetic();
            }
        }
        if (Character.isLetter(c) || c == '√') {
            int start = pos;
            if (c == '√') {
                pos++;
            } else {
                while (pos < text.length() && Character.isLetter(text.charAt(pos)) && text.charAt(pos) != 'ˣ') {
                    pos++;
                }
            }
            String word = text.substring(start, pos);
            if (bareSlots && slots.containsKey(word)) {
                return slots.get(word);
            }
            if (word.equals("e")) {
                return new Constant("e", Math.E);
            }
            if (word.equals("π")) {
                return new Constant("π", Math.PI);
            }
            if (FUNCTIONS.contains(word)) {
                if (peek() == '(') {
                    pos++;
                    Term arg = sum();
                    expect(')');
                    return new Call(word, List.of(arg));
                }
                return new Call(word, List.of(power()));
            }
        }
        throw notArithmetic();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw notArithmetic();
        }
        pos++;
    }
}
