package dev.chainrule.viz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How to install Graphviz on the machine this runs on, for error messages. */
final class InstallHelp {

    private InstallHelp() {
    }

    /** One line with the install command for this OS, for example {@code sudo apt-get install graphviz}. */
    static String installGraphviz() {
        return installGraphviz(System.getProperty("os.name", ""), osRelease());
    }

    /**
     * The advice for a given OS: {@code osName} as in the {@code os.name} property, {@code release}
     * the {@code ID=} and {@code ID_LIKE=} lines of /etc/os-release (lower case; empty if unknown).
     * Separate from the lookup so that tests can name the OS.
     */
    static String installGraphviz(String osName, String release) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return "install Graphviz with: brew install graphviz (or: sudo port install graphviz)";
        }
        if (os.contains("win")) {
            return "install Graphviz with: winget install graphviz (or: choco install graphviz),"
                    + " then put its bin folder on the PATH";
        }
        if (release.matches("(?s).*\\b(debian|ubuntu|mint|pop)\\b.*")) {
            return "install Graphviz with: sudo apt-get install graphviz";
        }
        if (release.matches("(?s).*\\b(fedora|rhel|centos|rocky|almalinux)\\b.*")) {
            return "install Graphviz with: sudo dnf install graphviz";
        }
        if (release.matches("(?s).*\\b(arch|manjaro)\\b.*")) {
            return "install Graphviz with: sudo pacman -S graphviz";
        }
        if (release.matches("(?s).*\\balpine\\b.*")) {
            return "install Graphviz with: sudo apk add graphviz";
        }
        if (release.matches("(?s).*\\b(suse|opensuse)\\b.*")) {
            return "install Graphviz with: sudo zypper install graphviz";
        }
        return "install Graphviz (the 'dot' program) with your package manager, for example:"
                + " sudo apt-get install graphviz (Debian, Ubuntu), sudo dnf install graphviz (Fedora),"
                + " brew install graphviz (macOS), winget install graphviz (Windows)";
    }

    private static String osRelease() {
        try {
            Path p = Path.of("/etc/os-release");
            if (Files.isReadable(p)) {
                StringBuilder s = new StringBuilder();
                for (String line : Files.readAllLines(p)) {
                    if (line.startsWith("ID=") || line.startsWith("ID_LIKE=")) {
                        s.append(line.toLowerCase(Locale.ROOT)).append('\n');
                    }
                }
                return s.toString();
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the generic advice
        }
        return "";
    }
}
