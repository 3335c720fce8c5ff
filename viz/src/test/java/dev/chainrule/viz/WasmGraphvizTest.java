package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.chainrule.viz.internal.GraphvizWasmModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
        // every import is in the table under its minified name, as the function it stands for
        for (WasmGraphvizImports.Import i : WasmGraphvizImports.Import.values()) {
            Matcher row = Pattern.compile("(?m)^\\| " + Pattern.quote(i.minified) + " \\| (.*)$").matcher(provenance);
            assertTrue(row.find(), "PROVENANCE.md has a row for import " + i.minified);
            String function = i.function.replace("WASI ", "");
            assertTrue(row.group(1).contains("`" + function + "`"), row.group(1) + " names " + function);
        }
        assertEquals(Map.of("c", "proc_exit", "d", "fd_write", "e", "fd_close", "i", "fd_read", "r", "fd_seek",
                "s", "environ_get", "t", "environ_sizes_get", "u", "random_get", "x", "clock_time_get"),
                WasmGraphvizImports.wasiCalls());
    }

    @Test
    void theStrippedModuleValidatesAndEveryImportIsServedWithItsSignature() throws IOException {
        WasmModule validated;
        try (InputStream in = GraphvizWasmModule.class.getResourceAsStream("GraphvizWasmModule.meta")) {
            validated = Parser.parse(in);   // with Chicory's full validation, which the runtime skips
        }
        WasmModule fast = WasmGraphviz.parse();
        assertEquals(validated.importSection().importCount(), fast.importSection().importCount());
        assertEquals(validated.functionSection().functionCount(), fast.functionSection().functionCount());
        assertEquals(validated.exportSection().exportCount(), fast.exportSection().exportCount());
        assertEquals(validated.dataSection().dataSegmentCount(), fast.dataSection().dataSegmentCount());
        // every body is the same placeholder, so one parsed placeholder stands for all
        assertEquals(2338, validated.codeSection().functionBodyCount());
        assertEquals(validated.codeSection().functionBodyCount(), fast.codeSection().functionBodyCount());
        for (int f : new int[] {0, 1000, 2337}) {
            assertEquals(opcodes(validated.codeSection().getFunctionBody(f)), opcodes(fast.codeSection().getFunctionBody(f)));
            assertEquals(validated.codeSection().getFunctionBody(f).localTypes(), fast.codeSection().getFunctionBody(f).localTypes());
        }
        assertEquals(List.of(OpCode.UNREACHABLE, OpCode.END), opcodes(fast.codeSection().getFunctionBody(7)));

        Map<String, WasmGraphvizImports.Import> served = new HashMap<>();
        for (WasmGraphvizImports.Import i : WasmGraphvizImports.Import.values()) {
            served.put(i.minified, i);
        }
        assertEquals(25, validated.importSection().importCount());
        for (int k = 0; k < validated.importSection().importCount(); k++) {
            FunctionImport declared = (FunctionImport) validated.importSection().getImport(k);
            assertEquals(WasmGraphvizImports.MODULE, declared.module());
            WasmGraphvizImports.Import i = served.remove(declared.name());
            assertTrue(i != null, "import " + declared.name() + " is served");
            assertEquals(validated.typeSection().getType(declared.typeIndex()), i.type, declared.name());
        }
        assertEquals(Map.of(), served, "no import is served that the module does not declare");
    }

    @Test
    void theSmallerStartingMemoryHoldsTheDataAndTheStack() {
        WasmModule m = WasmGraphviz.parse();
        long end = 0;
        for (DataSegment d : m.dataSection().dataSegments()) {
            ActiveDataSegment a = (ActiveDataSegment) d;
            end = Math.max(end, a.offsetInstructions().get(0).operand(0) + a.data().length);
        }
        // Emscripten's first global is the stack pointer; the stack grows down from its start value.
        long stackTop = m.globalSection().getGlobal(0).initInstructions().get(0).operand(0);
        long bytes = (long) WasmGraphviz.INITIAL_PAGES * Memory.PAGE_SIZE;
        assertTrue(end > 100_000 && end < bytes / 2, "data ends at " + end + " of " + bytes);
        assertTrue(stackTop > end && stackTop < bytes / 2, "stack starts at " + stackTop + " of " + bytes);
        assertTrue(WasmGraphviz.INITIAL_PAGES < m.memorySection().get().getMemory(0).limits().initialPages(),
                "the module asks for more");
        // and a graph that needs far more memory than that still renders: the heap grows
        StringBuilder dot = new StringBuilder("digraph {");
        for (int i = 0; i < 400; i++) {
            dot.append(" n").append(i).append(" -> n").append(i + 1).append(" [label=\"edge ").append(i).append("\"];");
        }
        WasmGraphviz g = new WasmGraphviz();
        String svg = g.render(dot.append('}').toString(), "svg");
        assertEquals(401, count(svg, "class=\"node\""));
    }

    @Test
    void theWasiCallsServeAModuleWithNoFilesAndKeepOnlyStandardError() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        WasmGraphvizImports.Calls calls = new WasmGraphvizImports.Calls(stderr, new ArrayList<>());
        Memory m = new ByteBufferMemory(new MemoryLimits(1));
        m.write(100, "oops\n".getBytes(StandardCharsets.UTF_8));
        m.writeI32(200, 100);   // one iovec: base 100, length 5
        m.writeI32(204, 5);
        for (int fd : new int[] {1, 2}) {
            m.writeI32(300, -1);
            assertEquals(0, call(calls, WasmGraphvizImports.Import.FD_WRITE, m, fd, 200, 1, 300), "fd " + fd);
            assertEquals(5, m.readInt(300), "bytes written to fd " + fd);
        }
        assertEquals("oops\n", stderr.toString(StandardCharsets.UTF_8), "standard error kept once, standard output dropped");
        assertEquals(8, call(calls, WasmGraphvizImports.Import.FD_WRITE, m, 3, 200, 1, 300), "EBADF: no file is open");
        m.writeI32(300, -1);
        assertEquals(0, call(calls, WasmGraphvizImports.Import.FD_READ, m, 0, 200, 1, 300));
        assertEquals(0, m.readInt(300), "standard input is empty");
        assertEquals(8, call(calls, WasmGraphvizImports.Import.FD_READ, m, 5, 200, 1, 300));
        assertEquals(70, call(calls, WasmGraphvizImports.Import.FD_SEEK, m, 2, 0, 0, 300), "ESPIPE");
        assertEquals(-44, call(calls, WasmGraphvizImports.Import.OPENAT, m, -100, 100, 0, 0), "-ENOENT");
        m.writeI32(400, 7);
        m.writeI32(404, 7);
        assertEquals(0, call(calls, WasmGraphvizImports.Import.ENVIRON_SIZES_GET, m, 400, 404));
        assertEquals(0, m.readInt(400) + m.readInt(404), "an empty environment");

        // the same random bytes in every instance, so the same graph gives the same picture
        call(calls, WasmGraphvizImports.Import.RANDOM_GET, m, 500, 16);
        byte[] first = m.readBytes(500, 16);
        call(new WasmGraphvizImports.Calls(stderr, new ArrayList<>()), WasmGraphvizImports.Import.RANDOM_GET, m, 500, 16);
        assertArrayEquals(first, m.readBytes(500, 16));
        assertFalse(Arrays.equals(new byte[16], first));

        long before = System.currentTimeMillis();
        assertEquals(0, call(calls, WasmGraphvizImports.Import.CLOCK_TIME_GET, m, 0, 1000, 600));
        long millis = m.readLong(600) / 1_000_000;
        assertTrue(millis >= before && millis <= System.currentTimeMillis(), "the wall clock in nanoseconds: " + millis);
        assertEquals(28, call(calls, WasmGraphvizImports.Import.CLOCK_TIME_GET, m, 9, 1000, 600), "EINVAL for an unknown clock");
        IllegalStateException exit = assertThrows(IllegalStateException.class,
                () -> call(calls, WasmGraphvizImports.Import.PROC_EXIT, m, 3));
        assertEquals("Graphviz exited with status 3", exit.getMessage());
    }

    @Test
    void onlyACodeSectionOfPlaceholdersIsTakenAsOne() {
        byte[] module = ModuleSections.PLACEHOLDER_MODULE.clone();
        assertEquals(1, ModuleSections.placeholderBodies(module));
        module[module.length - 2] = 0x01;   // nop instead of unreachable: a real body
        assertEquals(-1, ModuleSections.placeholderBodies(module));
        assertEquals(-1, ModuleSections.placeholderBodies(Arrays.copyOf(ModuleSections.PLACEHOLDER_MODULE, 18)), "no code section");
        assertEquals(-1, ModuleSections.placeholderBodies(Arrays.copyOf(ModuleSections.PLACEHOLDER_MODULE, 22)), "cut short");
        assertEquals(-1, ModuleSections.placeholderBodies(new byte[] {1, 2, 3}));
    }

    private static List<OpCode> opcodes(FunctionBody body) {
        List<OpCode> ops = new ArrayList<>();
        body.instructions().forEach(i -> ops.add(i.opcode()));
        return ops;
    }

    private static long call(WasmGraphvizImports.Calls calls, WasmGraphvizImports.Import which, Memory m, long... args) {
        return calls.call(which, m, args)[0];
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
