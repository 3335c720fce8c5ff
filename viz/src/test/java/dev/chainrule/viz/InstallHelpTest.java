package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstallHelpTest {

    @Test
    void theAdviceNamesThisMachinesPackageManager() throws IOException {
        String help = InstallHelp.installGraphviz();
        assertTrue(help.startsWith("install Graphviz"), help);
        Path release = Path.of("/etc/os-release");
        if (System.getProperty("os.name").startsWith("Linux") && Files.isReadable(release)
                && Files.readString(release).matches("(?s).*\\nID(_LIKE)?=\"?(debian|ubuntu).*")) {
            assertEquals("install Graphviz with: sudo apt-get install graphviz", help);
        }
    }

    @Test
    void outputFormatsComeFromTheFileName() {
        assertEquals(OutputFormat.DOT, OutputFormat.forPath(Path.of("a/b.gv")));
        assertEquals(OutputFormat.PDF, OutputFormat.forPath(Path.of("slides.PDF")));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OutputFormat.forPath(Path.of("graph")));
        assertEquals("output file 'graph': unknown extension ''; use .dot, .gv, .svg, .png or .pdf", e.getMessage());
    }
}
