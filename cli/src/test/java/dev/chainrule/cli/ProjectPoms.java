package dev.chainrule.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the reactor's poms (tests run in the cli module's folder), so that tests compare against the build. */
final class ProjectPoms {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private ProjectPoms() {}

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parent pom's own version (the first {@code <version>} after {@code chainrule-parent}). */
    static String reactorVersion() {
        return versionAfter(read("pom.xml"), "<artifactId>chainrule-parent</artifactId>");
    }

    static String versionAfter(String pom, String marker) {
        int at = pom.indexOf(marker);
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(pom);
        if (at < 0 || !m.find(at)) {
            throw new AssertionError("no version after " + marker);
        }
        return m.group(1);
    }

    static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
