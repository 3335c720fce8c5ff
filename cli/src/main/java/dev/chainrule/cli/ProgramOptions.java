package dev.chainrule.cli;

import dev.chainrule.engine.expr.Program;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The program and the point it is evaluated at, shared by every command that evaluates one
 * program and runs its backward pass (grad, gradcheck, render, slides, check, explain): PROGRAM,
 * {@code --at} and {@code --of}.
 *
 * <p>The options are built in code, not annotated, so that {@code grad} reads no annotation
 * (start-up time, see {@link Main#commandLine(Io, String...)}); each one holds its own value. An
 * annotated command mixes them in with a {@code @Mixin} field holding {@link #mixin()}.
 */
final class ProgramOptions {
    /** The option that gives input values. */
    static final String AT = "--at";
    /** The option that names the output to differentiate. */
    static final String OF = "--of";

    private final PositionalParamSpec program = PositionalParamSpec.builder().index("0").arity("1").required(true)
            .paramLabel("PROGRAM")
            .type(String.class).description("a file, '-' for standard input, or the program text").build();

    private final OptionSpec at = OptionSpec.builder(AT).paramLabel("NAME=VALUE[,...]")
            .type(List.class).auxiliaryTypes(String.class).description("input values, such as x=-2,y=5,z=-4").build();

    private final OptionSpec of = OptionSpec.builder(OF).paramLabel("NAME").type(String.class)
            .description("the output to differentiate (default: the last statement)").build();

    /** The options as a mixin, for one command. */
    CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addPositional(program);
        mixin.addOption(at);
        mixin.addOption(of);
        return mixin;
    }

    /** The {@code --of} output, or null for the last statement. */
    String of() {
        return of.getValue();
    }

    /** The program, read from a file, standard input or the text itself. */
    Program load() {
        return ProgramSource.load(programText());
    }

    /** The PROGRAM argument as given: a file, {@code -} or the program text. */
    String programText() {
        return program.getValue();
    }

    /** The {@code --at} arguments as given, or null when there were none. */
    List<String> atValues() {
        return at.getValue();
    }

    /** The values given with {@code --at}. */
    Map<String, Double> values() {
        List<String> given = atValues();
        return AtValues.parse(given == null ? List.of() : given);
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
        return Computation.run(p, values(), of(), wrt, lr);
    }
}
