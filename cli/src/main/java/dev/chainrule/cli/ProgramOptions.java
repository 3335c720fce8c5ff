package dev.chainrule.cli;

import dev.chainrule.engine.expr.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The program and the point it is evaluated at, shared by every command that evaluates one
 * program and runs its backward pass (grad, gradcheck, render, slides, check): PROGRAM,
 * {@code --at} and {@code --of}.
 */
final class ProgramOptions {

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "a file, '-' for standard input, or the program text")
    String program;

    @Option(names = "--at", paramLabel = "NAME=VALUE[,...]", description = "input values, such as x=-2,y=5,z=-4")
    List<String> at = new ArrayList<>();

    @Option(names = "--of", paramLabel = "NAME", description = "the output to differentiate (default: the last statement)")
    String of;

    /** The program, read from a file, standard input or the text itself. */
    Program load() {
        return ProgramSource.load(program);
    }

    /** The values given with {@code --at}. */
    Map<String, Double> values() {
        return AtValues.parse(at);
    }

    /** The program evaluated at the {@code --at} values with the {@code --of} output, backward run. */
    Computation run() {
        return run(load(), null, null);
    }

    /**
     * {@code p} evaluated at the {@code --at} values with the {@code --of} output, backward run.
     *
     * @param wrt the inputs an update is taken for (null for every input)
     * @param lr  the learning rate (null when none was given)
     */
    Computation run(Program p, List<String> wrt, Double lr) {
        return Computation.run(p, values(), of, wrt, lr);
    }
}
