package dev.chainrule.examples;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** The data files bundled with the examples (see data/SOURCES.md beside them). */
final class Resources {

    private Resources() {
    }

    /**
     * Opens a bundled data file.
     *
     * @throws IllegalStateException if the file is not on the class path (a broken build)
     */
    static InputStream open(String file) {
        InputStream in = Resources.class.getResourceAsStream("data/" + file);
        if (in == null) {
            throw new IllegalStateException("data file " + file + " is missing from the examples"
                    + " jar; rebuild the examples module");
        }
        return in;
    }

    /** Opens a bundled data file as UTF-8 text. */
    static Reader reader(String file) {
        return new InputStreamReader(open(file), StandardCharsets.UTF_8);
    }
}
