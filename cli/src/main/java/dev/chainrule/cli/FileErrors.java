package dev.chainrule.cli;

import dev.chainrule.nn.io.IoMessages;
import java.io.IOException;

/**
 * Says why a file could not be read or written; the wording is nn's {@link IoMessages}, shared
 * with {@code ParameterFile}.
 */
final class FileErrors {
    private FileErrors() {
    }

    /** The reason for {@code e} in words, naming the file it concerns: "/tmp/a: no such file or folder". */
    static String reason(IOException e) {
        return IoMessages.reason(e);
    }
}
