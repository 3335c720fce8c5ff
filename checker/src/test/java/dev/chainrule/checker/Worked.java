package dev.chainrule.checker;

import dev.chainrule.engine.expr.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The worked networks of the course material, as problems, and a readable rendering of a report. */
final class Worked {
    private Worked() {
    }

    static Program program(String resource) {
        try (var in = Worked.class.getResourceAsStream("/" + resource)) {
            return Program.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mazur's 2-2-2 network with biases, η = 0.5, the weights declared parameters (the biases stay fixed). */
    static Problem mazur() {
        return Problem.builder(program("mazur.txt")).learningRate(0.5).build();
    }

    /** Module 11's network without biases, η = 0.001, parameters declared with param. */
    static Problem module11() {
        return Problem.builder(program("module11.txt")).learningRate(0.001).build();
    }

    /** The single-hidden-unit example, η = 0.5. */
    static Problem singleHiddenUnit() {
        return Problem.builder(program("single-hidden-unit.txt")).learningRate(0.5).build();
    }

    /** One line per answer: the verdict and the message. */
    static String render(CheckReport r) {
        StringBuilder s = new StringBuilder();
        for (LineResult l : r.results()) {
            s.append(l.written()).append(" | ").append(l.verdict().word());
            if (!l.message().isEmpty()) {
                s.append(" | ").append(l.message());
            }
            s.append('\n');
        }
        return s.toString();
    }

    static LineResult only(Problem p, String answer) {
        List<LineResult> rs = Checker.check(p, answer).results();
        if (rs.size() != 1) {
            throw new AssertionError("expected one result, got " + rs);
        }
        return rs.get(0);
    }
}
