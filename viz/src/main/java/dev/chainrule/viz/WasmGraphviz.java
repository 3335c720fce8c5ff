package dev.chainrule.viz;

import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.DataCountSection;
import com.dylibso.chicory.wasm.types.DataSection;
import com.dylibso.chicory.wasm.types.ElementSection;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionSection;
import com.dylibso.chicory.wasm.types.GlobalSection;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.Section;
import com.dylibso.chicory.wasm.types.TableSection;
import com.dylibso.chicory.wasm.types.TypeSection;
import dev.chainrule.viz.internal.GraphvizWasmModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance of Graphviz 16.1.0 compiled to WebAssembly (from {@code @viz-js/viz} 3.31.0),
 * running in Chicory as JVM bytecode compiled at build time.
 *
 * <p>Not thread-safe: one thread at a time. After any exception from inside the module (a
 * trap, an abort, running out of memory) the instance's memory may be inconsistent, so the
 * caller must {@linkplain #broken() throw it away}.
 *
 * <p>The exports are minified; their names were mapped from the package's {@code lib/backend.js}
 * ({@code assignWasmExports}) and are listed in {@code src/main/wasm/PROVENANCE.md}.
 */
final class WasmGraphviz {
    // Exports of the pinned module (name in backend.js -> minified export).
    private static final String CALL_CTORS = "A";          // __wasm_call_ctors
    private static final String SET_Y_INVERT = "B";        // viz_set_y_invert(int)
    private static final String SET_REDUCE = "C";          // viz_set_reduce(int)
    private static final String GRAPHVIZ_VERSION = "D";    // viz_get_graphviz_version() -> char*
    private static final String FREE = "E";               // free(void*)
    private static final String MALLOC = "F";             // malloc(size) -> void*
    private static final String READ_ONE_GRAPH = "I";     // viz_read_one_graph(char* dot) -> graph*
    private static final String FREE_GRAPH = "U";         // viz_free_graph(graph*)
    private static final String CREATE_CONTEXT = "V";     // viz_create_context() -> context*
    private static final String FREE_CONTEXT = "W";       // viz_free_context(context*)
    private static final String LAYOUT = "X";             // viz_layout(context*, graph*, char* engine) -> int
    private static final String FREE_LAYOUT = "Y";        // viz_free_layout(context*, graph*)
    private static final String RESET_ERRORS = "Z";       // viz_reset_errors()
    private static final String RENDER = "_";             // viz_render(context*, graph*, char* format) -> char*

    /**
     * Linear memory at the start: 1 MiB. The module asks for Emscripten's default of 16 MiB, but
     * its data, stack and first heap need a quarter of one (a test checks), and the heap grows on
     * request. Sixteen megabytes of zeros cost a new JVM tens of milliseconds (Chicory clears the
     * buffer with code that has not been compiled yet), an instance that stays small never pays.
     */
    static final int INITIAL_PAGES = 16;

    /** The stripped module the build writes next to the compiled classes (data, tables, signatures). */
    private static final String MODULE_RESOURCE = "GraphvizWasmModule.meta";

    private static volatile WasmModule module;

    private final Instance instance;
    private final Memory memory;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<String> messages = new ArrayList<>();
    private final ExportFunction malloc;
    private final ExportFunction free;
    private boolean broken;

    WasmGraphviz() {
        instance = Instance.builder(module())
                .withImportValues(WasmGraphvizImports.create(stderr, messages))
                .withMachineFactory(GraphvizWasmModule::create)
                .withMemoryFactory(limits -> new ByteBufferMemory(new MemoryLimits(INITIAL_PAGES, limits.maximumPages())))
                .build();
        memory = instance.memory();
        malloc = instance.export(MALLOC);
        free = instance.export(FREE);
        call(CALL_CTORS);
    }

    /**
     * Loads and verifies the classes an instance needs (2 MB of bytecode, about 0.15 s in a new
     * JVM), so that another thread can do it while this one parses the module: first the ones an
     * instance is built with (the generated machine, Chicory's runtime, the imports), then the
     * 1.6 MB class of Graphviz's functions, which runs first in the constructors. It only saves
     * time: if the generated code is laid out differently, each class loads when first used.
     */
    static void loadCompiledCode() {
        for (String suffix : new String[] {"Machine", "MachineDispatch_0", "MachineShaded"}) {
            load(GraphvizWasmModule.class.getName() + suffix);
        }
        try {
            // A throwaway set of imports and a page of memory load the classes the builder will use.
            WasmGraphvizImports.create(OutputStream.nullOutputStream(), new ArrayList<>());
            new ByteBufferMemory(new MemoryLimits(1, 1));
        } catch (RuntimeException | LinkageError e) {
            // nothing lost: the instance makes its own
        }
        load(Instance.class.getName() + "$Builder");
        load(GraphvizWasmModule.class.getName() + "MachineFuncGroup_0");
    }

    private static void load(String className) {
        try {
            Class.forName(className, true, WasmGraphviz.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // nothing lost: the instance loads what it needs itself
        }
    }

    /** The module (parsed once per JVM; every instance shares it, read-only). */
    private static WasmModule module() {
        WasmModule m = module;
        if (m == null) {
            synchronized (WasmGraphviz.class) {
                m = module;
                if (m == null) {
                    module = m = parse();
                }
            }
        }
        return m;
    }

    /**
     * Reads the stripped module without validating it again. The build's compiler validated this
     * very file before it turned it into bytecode, the file is a pinned resource inside our own jar,
     * and validation was a quarter of the parse, itself the largest part of a new JVM's first
     * picture. {@code WasmGraphvizTest} validates the resource in full.
     *
     * <p>The stripped module's function bodies are all the same placeholder ({@code unreachable}):
     * the compiled classes run the functions. Chicory's parser still builds a control-flow tree
     * and an instruction list for each of the 2,338, so when every body is that placeholder, one
     * parsed placeholder stands for all of them.
     */
    static WasmModule parse() {
        byte[] bytes;
        try (InputStream in = GraphvizWasmModule.class.getResourceAsStream(MODULE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the embedded Graphviz is missing from the jar: " + MODULE_RESOURCE);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded Graphviz (" + MODULE_RESOURCE + ")", e);
        }
        int placeholders = ModuleSections.placeholderBodies(bytes);
        Parser.Builder parser = Parser.builder();
        if (placeholders >= 0) {
            for (int id : ModuleSections.ALL_BUT_CODE) {
                parser.includeSectionId(id);
            }
        }
        WasmModule.Builder module = WasmModule.builder().withValidation(false);
        parser.build().parse(new ByteArrayInputStream(bytes), section -> add(module, section));
        if (placeholders >= 0) {
            FunctionBody placeholder = Parser.parse(ModuleSections.PLACEHOLDER_MODULE).codeSection().getFunctionBody(0);
            CodeSection.Builder code = CodeSection.builder();
            for (int i = 0; i < placeholders; i++) {
                code.addFunctionBody(placeholder);
            }
            module.setCodeSection(code.build());
        }
        return module.build();
    }

    /** Puts one parsed section into the module; the stripped module has no others. */
    private static void add(WasmModule.Builder module, Section section) {
        if (section instanceof TypeSection) {
            module.setTypeSection((TypeSection) section);
        } else if (section instanceof ImportSection) {
            module.setImportSection((ImportSection) section);
        } else if (section instanceof FunctionSection) {
            module.setFunctionSection((FunctionSection) section);
        } else if (section instanceof TableSection) {
            module.setTableSection((TableSection) section);
        } else if (section instanceof MemorySection) {
            module.setMemorySection((MemorySection) section);
        } else if (section instanceof GlobalSection) {
            module.setGlobalSection((GlobalSection) section);
        } else if (section instanceof ExportSection) {
            module.setExportSection((ExportSection) section);
        } else if (section instanceof ElementSection) {
            module.setElementSection((ElementSection) section);
        } else if (section instanceof CodeSection) {
            module.setCodeSection((CodeSection) section);
        } else if (section instanceof DataSection) {
            module.setDataSection((DataSection) section);
        } else if (section instanceof DataCountSection) {
            module.setDataCountSection((DataCountSection) section);
        } else {
            throw new IllegalStateException("the embedded Graphviz has a section this code does not expect: " + section.sectionId());
        }
    }

    /** The Graphviz version inside, e.g. {@code 16.1.0}. */
    String version() {
        return memory.readCString((int) call(GRAPHVIZ_VERSION)[0]);
    }

    /** Whether an exception escaped from the module: the instance must not be used again. */
    boolean broken() {
        return broken;
    }

    /**
     * Lays out {@code dot} with the {@code dot} engine and renders it in {@code format}.
     *
     * @throws IllegalArgumentException with Graphviz's own message when the DOT is invalid
     * @throws RuntimeException anything from inside the module; {@link #broken()} is then true
     */
    String render(String dot, String format) {
        if (broken) {
            throw new IllegalStateException("this Graphviz instance failed before and cannot be used again");
        }
        messages.clear();
        stderr.reset();
        int graph = 0;
        int context = 0;
        int engineName = 0;
        int formatName = 0;
        boolean laidOut = false;
        try {
            int source = cString(dot);
            try {
                graph = (int) call(READ_ONE_GRAPH, source)[0];
            } finally {
                call(FREE, source);
            }
            if (graph == 0) {
                throw new IllegalArgumentException("Graphviz could not read the DOT: " + errors());
            }
            call(SET_Y_INVERT, 0);
            call(SET_REDUCE, 0);
            context = (int) call(CREATE_CONTEXT)[0];
            call(RESET_ERRORS);
            engineName = cString("dot");
            if (call(LAYOUT, context, graph, engineName)[0] != 0) {
                throw new IllegalArgumentException("Graphviz could not lay out the graph: " + errors());
            }
            laidOut = true;
            formatName = cString(format);
            int result = (int) call(RENDER, context, graph, formatName)[0];
            if (result == 0) {
                throw new IllegalArgumentException("Graphviz could not render " + format + ": " + errors());
            }
            try {
                return memory.readCString(result, StandardCharsets.UTF_8);
            } finally {
                call(FREE, result);
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            broken = true;
            throw e;
        } finally {
            if (!broken) {
                if (laidOut) {
                    call(FREE_LAYOUT, context, graph);
                }
                if (graph != 0) {
                    call(FREE_GRAPH, graph);
                }
                if (context != 0) {
                    call(FREE_CONTEXT, context);
                }
                for (int p : new int[] {engineName, formatName}) {
                    if (p != 0) {
                        call(FREE, p);
                    }
                }
            }
        }
    }

    /** Graphviz's messages of the last call, as one line ("syntax error in line 1 near 'x'"). */
    private String errors() {
        // agerr sends "Error" and ": " as pieces of their own before the text.
        StringBuilder b = new StringBuilder();
        for (String piece : messages) {
            if (piece.equals("Error") || piece.equals(": ") || piece.equals("Warning")) {
                continue;
            }
            String text = piece.strip();
            if (!text.isEmpty()) {
                b.append(b.length() == 0 ? "" : "; ").append(text);
            }
        }
        String err = stderr.toString(StandardCharsets.UTF_8).strip();
        if (!err.isEmpty()) {
            b.append(b.length() == 0 ? "" : "; ").append(err.replace('\n', ' '));
        }
        return b.length() == 0 ? "no reason given" : b.toString();
    }

    /** A copy of {@code s} as a NUL-terminated UTF-8 string in the module's memory; free it with {@link #FREE}. */
    private int cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int p = (int) malloc.apply(bytes.length + 1L)[0];
        if (p == 0) {
            throw new IllegalStateException("the embedded Graphviz ran out of memory for " + bytes.length + " bytes of input");
        }
        memory.write(p, bytes);
        memory.writeByte(p + bytes.length, (byte) 0);
        return p;
    }

    private long[] call(String export, long... args) {
        try {
            long[] r = export.equals(FREE) ? free.apply(args) : instance.export(export).apply(args);
            return r == null ? new long[0] : r;
        } catch (RuntimeException | Error e) {
            broken = true;
            throw e;
        }
    }
}
