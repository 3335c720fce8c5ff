package dev.chainrule.nn.io;

import dev.chainrule.nn.MLP;
import java.nio.file.Path;

/**
 * Saves two models to one file, A then B then A ..., until it is killed: the process that
 * {@link ParameterFileFuzzTest} kills with SIGKILL in the middle of a save.
 */
public final class ParameterFileSaver {
    private ParameterFileSaver() {
    }

    /** {@code args[0]}: the file; prints "ready" once the first save is done. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        MLP a = ParameterFileFuzzTest.model(1);
        MLP b = ParameterFileFuzzTest.model(2);
        ParameterFile.save(a, file);
        System.out.println("ready");
        System.out.flush();
        for (long i = 0; ; i++) {
            ParameterFile.save(i % 2 == 0 ? b : a, file);
        }
    }
}
