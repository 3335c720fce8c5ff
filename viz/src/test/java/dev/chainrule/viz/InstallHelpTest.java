package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstallHelpTest {

    @Test
    void theAdviceNamesEachSystemsPackageManager() {
        assertEquals("install Graphviz with: sudo apt-get install graphviz",
                InstallHelp.installGraphviz("Linux", "id=debian\n"));
        assertEquals("install Graphviz with: sudo apt-get install graphviz",
                InstallHelp.installGraphviz("Linux", "id=pop\nid_like=\"ubuntu debian\"\n"));
        assertEquals("install Graphviz with: sudo dnf install graphviz",
                InstallHelp.installGraphviz("Linux", "id=\"rocky\"\nid_like=\"rhel centos fedora\"\n"));
        assertEquals("install Graphviz with: sudo pacman -S graphviz", InstallHelp.installGraphviz("Linux", "id=arch\n"));
        assertEquals("install Graphviz with: sudo apk add graphviz", InstallHelp.installGraphviz("Linux", "id=alpine\n"));
        assertEquals("install Graphviz with: sudo zypper install graphviz",
                InstallHelp.installGraphviz("Linux", "id=\"opensuse-leap\"\nid_like=\"suse opensuse\"\n"));
        assertEquals("install Graphviz with: brew install graphviz (or: sudo port install graphviz)",
                InstallHelp.installGraphviz("Mac OS X", ""));
        assertEquals("install Graphviz with: winget install graphviz (or: choco install graphviz),"
                + " then put its bin folder on the PATH", InstallHelp.installGraphviz("Windows 11", ""));
    }

    @Test
    void anUnknownSystemGetsTheCommandsOfSeveral() {
        String help = InstallHelp.installGraphviz("Linux", "");
        assertTrue(help.startsWith("install Graphviz (the 'dot' program) with your package manager"), help);
        assertTrue(help.contains("sudo apt-get install graphviz (Debian, Ubuntu)"), help);
        assertTrue(help.contains("brew install graphviz (macOS)"), help);
        assertEquals(help, InstallHelp.installGraphviz("FreeBSD", "id=freebsd\n"));
    }

    @Test
    void thisMachinesAdviceIsOneOfThem() {
        String help = InstallHelp.installGraphviz();
        assertTrue(help.startsWith("install Graphviz"), help);
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
