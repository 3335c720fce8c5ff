package dev.chainrule.checker;

import dev.chainrule.engine.expr.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which inputs of a program are parameters, the ones a gradient-descent step updates. Inputs
 * (i1, x) and targets (t1, y) are never updated.
 *
 * <ol>
 *   <li>the names given (the CLI's {@code --params} or {@code --wrt}), when there are any;</li>
 *   <li>else the names the program declares with {@code param}, when it declares any;</li>
 *   <li>else, as a fallback, every input whose name reads as a weight or a bias: {@code w},
 *       {@code W}, {@code b}, {@code B} or {@code θ}, alone or followed by digits, {@code _} or
 *       more of the name after a digit or {@code _} (w5, W, b1, w_ij), and {@code weight…},
 *       {@code bias…}.</li>
 * </ol>
 */
public final class Parameters {
    /** The fallback rule: names that read as a weight or a bias. */
    public static final Pattern NAME_RULE = Pattern.compile("([wWbBθ]([0-9_].*)?|weight.*|bias.*)");

    private Parameters() {
    }

    /**
     * The parameters of {@code program}.
     *
     * @param given names given from outside, or null or empty for none
     * @param program the program
     * @return the parameters of {@code program}
     * @throws IllegalArgumentException if a given name is not an input of the program
     */
    public static List<String> of(Program program, List<String> given) {
        if (given != null && !given.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (String raw : given) {
                String name = raw.strip();
                if (!program.has(name)) {
                    throw new IllegalArgumentException("'" + name + "': the program has no input of that name; its "
                            + "inputs are " + Names.list(program.inputs()));
                }
                if (!program.isInput(name)) {
                    throw new IllegalArgumentException("'" + name + "' is computed (" + name + " = "
                            + program.definition(name) + "), not an input; its inputs are "
                            + Names.list(program.inputs()));
                }
                if (!out.contains(name)) {
                    out.add(name);
                }
            }
            return List.copyOf(out);
        }
        List<String> declared = program.parameters();
        if (!declared.isEmpty()) {
            return declared;
        }
        List<String> out = new ArrayList<>();
        for (String name : program.inputs()) {
            if (NAME_RULE.matcher(name).matches()) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }
}
