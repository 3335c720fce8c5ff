package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The help lists the registry's functions and activations, and a registry op works in every command. */
class OpRegistryHelpTest {

    @Test
    void gradHelpListsEveryFunctionOfTheRegistry() {
        Cli help = Cli.run("grad", "--help");
        assertEquals(0, help.code());
        for (OpInfo op : OpRegistry.all()) {
            if (op.kind() != OpInfo.Kind.ARITHMETIC) {
                assertTrue(help.out().contains("\n  " + op.usage() + " "), op.usage() + " in:\n" + help.out());
            }
        }
        assertTrue(help.out().contains("  log(x) (also ln)"), help.out());
        assertTrue(help.out().contains("x/(1 + |x|)"), help.out());
    }

    @Test
    void plotHelpListsEveryActivation() {
        Cli help = Cli.run("plot", "--help");
        for (OpInfo op : OpRegistry.activations()) {
            assertTrue(help.out().contains(op.name()), op.name() + " in:\n" + help.out());
        }
    }

    @Test
    void softsignWorksInGradAndPlot(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("grad", "y = softsign(x)", "--at", "x=3", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0.75"), r.out());
        assertTrue(r.out().contains("0.0625"), r.out());
        Path svg = dir.resolve("softsign.svg");
        Cli p = Cli.run("plot", "softsign", "-o", svg.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.readString(svg).contains("softsign x/(1 + |x|)"));
    }
}
