package dev.chainrule.checker;

import dev.chainrule.engine.expr.Program;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the student worked on: a program, the values of its inputs, the output differentiated,
 * the learning rate and which inputs are parameters, and how many gradient-descent steps were
 * taken before the numbers asked for.
 *
 * <pre>{@code
 * Problem p = Problem.builder(Program.parse(mazur)).learningRate(0.5).build();
 * CheckReport r = Checker.check(p, "w5' = 0.35891648\ndE/dw1 = 0.000438568");
 * }</pre>
 */
public final class Problem {
    private final Program program;
    private final Map<String, Double> inputs;
    private final String output;
    private final Double learningRate;
    private final List<String> parameters;
    private final int steps;
    private final Double tolerance;

    private Problem(Builder b) {
        this.program = b.program;
        this.inputs = Map.copyOf(b.inputs);
        this.output = b.output == null ? b.program.outputName() : b.output;
        this.learningRate = b.learningRate;
        this.parameters = Parameters.of(b.program, b.parameters);
        this.steps = b.steps;
        this.tolerance = b.tolerance;
    }

    /**
     * Starts a problem on {@code program}.
     *
     * @param program the program the answers are about
     * @return a builder for the problem
     */
    public static Builder builder(Program program) {
        return new Builder(program);
    }

    /** {@return the program} */
    public Program program() {
        return program;
    }

    /**
     * Values given for inputs, overriding the program's own.
     *
     * @return the values by input name
     */
    public Map<String, Double> inputs() {
        return inputs;
    }

    /** {@return the output differentiated: the loss} */
    public String output() {
        return output;
    }

    /** {@return the learning rate η, or null when none was given (then no updated value can be judged)} */
    public Double learningRate() {
        return learningRate;
    }

    /** {@return the inputs a gradient-descent step updates; see {@link Parameters}} */
    public List<String> parameters() {
        return parameters;
    }

    /** {@return how many gradient-descent steps come before the numbers judged (0: the starting point)} */
    public int steps() {
        return steps;
    }

    /** {@return one tolerance for every answer instead of the precision written, or null} */
    public Double tolerance() {
        return tolerance;
    }

    /** Builds a {@link Problem}; {@link #build()} checks it. */
    public static final class Builder {
        private final Program program;
        private final Map<String, Double> inputs = new LinkedHashMap<>();
        private String output;
        private Double learningRate;
        private List<String> parameters;
        private int steps;
        private Double tolerance;

        private Builder(Program program) {
            this.program = Objects.requireNonNull(program, "program");
        }

        /**
         * Values for inputs, overriding the program's own (not modified).
         *
         * @param values the values
         * @return this builder
         */
        public Builder inputs(Map<String, Double> values) {
            inputs.putAll(values);
            return this;
        }

        /**
         * The output to differentiate (default: the program's last statement).
         *
         * @param name the name
         * @return this builder
         */
        public Builder output(String name) {
            this.output = name;
            return this;
        }

        /**
         * The learning rate η, for updated values, steps and {@link #steps(int)}.
         *
         * @param eta the learning rate
         * @return this builder
         */
        public Builder learningRate(Double eta) {
            this.learningRate = eta;
            return this;
        }

        /**
         * The parameters, instead of the program's {@code param} declarations or the name rule.
         *
         * @param names the names
         * @return this builder
         */
        public Builder parameters(List<String> names) {
            this.parameters = names;
            return this;
        }

        /**
         * How many gradient-descent steps come before the numbers judged.
         *
         * @param n how many
         * @return this builder
         */
        public Builder steps(int n) {
            this.steps = n;
            return this;
        }

        /**
         * One tolerance for every answer, instead of the precision each is written with.
         *
         * @param t the t
         * @return this builder
         */
        public Builder tolerance(Double t) {
            this.tolerance = t;
            return this;
        }

        /**
         * The problem.
         *
         * @return the problem
         * @throws IllegalArgumentException naming what is wrong: an output or parameter the program
         *                                  does not have, a learning rate that is not finite, steps
         *                                  without a learning rate, a negative tolerance
         */
        public Problem build() {
            if (output != null && !program.has(output)) {
                throw new IllegalArgumentException("the program has no node named '" + output
                        + "' to differentiate; its nodes are " + Names.list(program.names()));
            }
            if (learningRate != null && !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("the learning rate must be a finite number, not " + learningRate);
            }
            if (steps < 0) {
                throw new IllegalArgumentException("the number of steps must be 0 or more, not " + steps);
            }
            if (steps > 0 && learningRate == null) {
                throw new IllegalArgumentException(steps + " gradient-descent steps need a learning rate");
            }
            if (tolerance != null && !(tolerance >= 0 && Double.isFinite(tolerance))) {
                throw new IllegalArgumentException("the tolerance must be a finite number ≥ 0, not " + tolerance);
            }
            return new Problem(this);
        }
    }
}
