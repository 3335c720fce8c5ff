package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The embedded Graphviz: WebAssembly on Chicory, without any native program. */
@Isolated("sets the chainrule.viz.engine system property, which every render reads")
class WasmGraphvizTest {

    @Test
    void itIsGraphviz16AndLaysOutAGraph() {
        WasmGraphviz g = new WasmGraphviz();
        assertEquals("16.1.0", g.version());
        String svg = g.render("digraph { a -> b; b -> c }", "svg");
        assertTrue(svg.contains("<svg"), svg);
        // three nodes and two edges, each a group of its own
        assertEquals(3, count(svg, "class=\"node\""));
        assertEquals(2, count(svg, "class=\"edge\""));
        assertTrue(svg.contains("graphviz version 16.1.0"), svg);
    }

    @Test
    void anInstanceStartedInTheBackgroundIsTheOneTheNextRenderUses() {
        String dot = "digraph { a -> b }";
        GraphvizRunner.svg(dot, RenderEngine.EMBEDDED); // leaves an idle instance: nothing to prepare
        GraphvizRunner.prepare(RenderEngine.EMBEDDED);
        assertFalse(GraphvizRunner.startedInBackground(), "an idle instance is ready, so none is started");
        // With the pool emptied (as by renders in flight), only the embedded engine starts an instance.
        List<WasmGraphviz> taken = GraphvizRunner.takeAllIdle();
        try {
            GraphvizRunner.prepare(RenderEngine.NATIVE);
            assertFalse(GraphvizRunner.startedInBackground(), "the native dot needs no embedded instance");
            String before = System.getProperty(GraphvizRunner.ENGINE_PROPERTY);
            System.setProperty(GraphvizRunner.ENGINE_PROPERTY, "nonsense");
            try {
                GraphvizRunner.prepare(RenderEngine.AUTO); // never fails: the render reports the bad property
                assertFalse(GraphvizRunner.startedInBackground());
            } finally {
                if (before == null) {
                    System.clearProperty(GraphvizRunner.ENGINE_PROPERTY);
                } else {
                    System.setProperty(GraphvizRunner.ENGINE_PROPERTY, before);
                }
            }
            GraphvizRunner.prepare(RenderEngine.EMBEDDED);
            assertTrue(GraphvizRunner.startedInBackground());
            GraphvizRunner.prepare(RenderEngine.EMBEDDED); // a second call starts no second instance
            String svg = GraphvizRunner.svg(dot, RenderEngine.EMBEDDED);
            assertTrue(svg.contains("<svg"), svg);
            assertFalse(GraphvizRunner.startedInBackground(), "the render took the started instance");
        } finally {
            GraphvizRunner.giveBack(taken);
        }
    }

    @Test
    void invalidDotGivesGraphvizsMessageAndTheInstanceStaysUsable() {
        WasmGraphviz g = new WasmGraphviz();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.render("digraph { a -> ; }", "svg"));
        assertTrue(e.getMessage().contains("syntax error in line 1"), e.getMessage());
        assertFalse(g.broken());
        assertTrue(g.render("digraph { x }", "svg").contains(">x</text>"));
    }

    @Test
    void anUnknownFormatIsRefusedByGraphviz() {
        WasmGraphviz g = new WasmGraphviz();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.render("digraph { a }", "no-such-format"));
        assertTrue(e.getMessage().contains("no-such-format"), e.getMessage());
    }

    @Test
    void oneInstanceRendersTheSameBytesEveryTimeAndAcrossInstances() {
        WasmGraphviz a = new WasmGraphviz();
        String dot = GraphRenderer.dot(Examples.neuron());
        String first = a.render(dot, "svg");
        for (int i = 0; i < 5; i++) {
            assertEquals(first, a.render(dot, "svg"));
        }
        assertEquals(first, new WasmGraphviz().render(dot, "svg"));
    }

    @Test
    void concurrentRendersThroughTheRunnerDoNotShareAnInstance() throws Exception {
        GraphStyle embedded = GraphStyle.builder().engine(RenderEngine.EMBEDDED).build();
        String expected = GraphRenderer.svg(Examples.neuron(), embedded);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> GraphRenderer.svg(Examples.neuron(), embedded)));
            }
            for (Future<String> r : results) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEnginePropertyDecidesWhatAutoMeans() {
        String old = System.getProperty(GraphvizRunner.ENGINE_PROPERTY);
        try {
            System.setProperty(GraphvizRunner.ENGINE_PROPERTY, "embedded");
            assertEquals(RenderEngine.EMBEDDED, GraphRenderer.resolveEngine(RenderEngine.AUTO));
            System.setProperty(GraphvizRunner.ENGINE_PROPERTY, "native");
            assertEquals(RenderEngine.NATIVE, GraphRenderer.resolveEngine(RenderEngine.AUTO));
            // an explicit choice in the style wins over the property
            assertEquals(RenderEngine.EMBEDDED, GraphRenderer.resolveEngine(RenderEngine.EMBEDDED));
            System.setProperty(GraphvizRunner.ENGINE_PROPERTY, "v8");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GraphRenderer.resolveEngine(RenderEngine.AUTO));
            assertEquals("-Dchainrule.viz.engine=v8 is not an engine; use native, embedded or auto", e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(GraphvizRunner.ENGINE_PROPERTY);
            } else {
                System.setProperty(GraphvizRunner.ENGINE_PROPERTY, old);
            }
        }
    }

    @Test
    void theVendoredModuleIsTheOneItsProvenanceNames() throws IOException, NoSuchAlgorithmException {
        byte[] wasm = Files.readAllBytes(Path.of("src/main/wasm/graphviz.wasm"));
        String provenance = Files.readString(Path.of("src/main/wasm/PROVENANCE.md"));
        Matcher m = Pattern.compile("`graphviz.wasm`, ([0-9,]+) bytes, sha256 `([0-9a-f]{64})`").matcher(provenance);
        assertTrue(m.find(), "PROVENANCE.md names the file's size and sha256");
        assertEquals(Integer.parseInt(m.group(1).replace(",", "")), wasm.length);
        assertEquals(m.group(2), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasm)));
        assertTrue(Files.readString(Path.of("src/main/wasm/LICENSE-graphviz-EPL-1.0.txt"))
                .startsWith("Eclipse Public License - v 1.0"));
        // every import the module declares is served, under the names the table lists
        for (String name : WasmGraphvizImports.WASI.keySet()) {
            assertTrue(provenance.contains("| " + name + " | WASI `" + WasmGraphvizImports.WASI.get(name) + "`")
                    || provenance.contains("| " + name + " | `_exit` = WASI `proc_exit`"), name);
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
