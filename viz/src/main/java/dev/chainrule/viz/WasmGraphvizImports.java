package dev.chainrule.viz;

import com.dylibso.chicory.log.Logger;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The 25 functions that Graphviz's WebAssembly module (from {@code @viz-js/viz} 3.31.0) imports,
 * all from module {@code "a"} under minified names.
 *
 * <p>The names were mapped by reading the package's {@code lib/backend.js}: its
 * {@code wasmImports} object pairs each minified name with the Emscripten function it stands
 * for, and each import's signature in the module agrees with that function (the table is also in
 * {@code src/main/wasm/PROVENANCE.md}). Nine are WASI preview 1 calls, served by Chicory's
 * {@link WasiPreview1}; sixteen are Emscripten's own JavaScript helpers, reimplemented here
 * for a module with no file system: every file call fails as a missing file would, time is UTC,
 * and the heap grows on request. The names change with every build of the package, so the
 * version is pinned.
 */
final class WasmGraphvizImports {
    /** The module name every import comes from. */
    static final String MODULE = "a";

    /** Minified import name to the WASI preview 1 call it is. */
    static final Map<String, String> WASI = Map.of(
            "c", "proc_exit",          // Emscripten's _exit
            "d", "fd_write",
            "e", "fd_close",
            "i", "fd_read",
            "r", "fd_seek",
            "s", "environ_get",
            "t", "environ_sizes_get",
            "u", "random_get",
            "x", "clock_time_get");

    // Emscripten's errno values (WASI numbering), returned negated by its syscall shims.
    private static final int EBADF = 8;
    private static final int ENOENT = 44;
    private static final int ENOSYS = 52;
    private static final int ENOTTY = 59;

    private static final ValType I32 = ValType.I32;
    private static final ValType I64 = ValType.I64;

    private WasmGraphvizImports() {
    }

    /**
     * The imports for one instance.
     *
     * @param stderr where Graphviz's standard error goes (its stdout is thrown away: results come back in memory)
     * @param messages receives each piece of an error or warning Graphviz reports through {@code agerr}
     */
    static ImportValues create(OutputStream stderr, List<String> messages) {
        WasiPreview1 wasi = WasiPreview1.builder()
                .withLogger(SILENT)
                .withOptions(WasiOptions.builder()
                        .withStdout(OutputStream.nullOutputStream())
                        .withStderr(stderr)
                        // Fixed seed: the same graph always gives the same picture.
                        .withRandom(new Random(0))
                        .build())
                .build();
        Map<String, HostFunction> byWasiName = new HashMap<>();
        for (HostFunction f : wasi.toHostFunctions()) {
            byWasiName.put(f.name(), f);
        }
        List<HostFunction> functions = new ArrayList<>();
        WASI.forEach((minified, name) -> {
            HostFunction f = byWasiName.get(name);
            functions.add(new HostFunction(MODULE, minified, f.functionType(), f.handle()));
        });

        functions.add(fn("a", none(I32, I32, I32, I32), (inst, args) -> {      // __assert_fail(cond, file, line, func)
            Memory m = inst.memory();
            throw new IllegalStateException("Graphviz failed an internal check: " + m.readCString((int) args[0])
                    + " at " + m.readCString((int) args[1]) + ":" + args[2]);
        }));
        functions.add(fn("b", none(I32, I32, I32), (inst, args) -> {            // __cxa_throw(ptr, type, destructor)
            throw new IllegalStateException("Graphviz threw a C++ exception");
        }));
        functions.add(fn("h", none(), (inst, args) -> {                           // _abort_js()
            throw new IllegalStateException("Graphviz aborted");
        }));
        // No file system: opening, stat-ing or testing a path finds nothing (Graphviz asks only for image files).
        functions.add(syscall("y", int32(I32, I32, I32, I32), -ENOENT));          // __syscall_faccessat
        functions.add(syscall("l", int32(I32, I32, I32, I32), -ENOENT));          // __syscall_openat
        functions.add(syscall("v", int32(I32, I32, I32, I32), -ENOENT));          // __syscall_newfstatat
        functions.add(syscall("f", int32(I32, I32, I32), -EBADF));                // __syscall_fcntl64
        functions.add(syscall("w", int32(I32, I32), -EBADF));                     // __syscall_fstat64
        functions.add(syscall("j", int32(I32, I32, I32), -ENOTTY));               // __syscall_ioctl: no terminal
        functions.add(syscall("m", int32(I32, I32, I32, I32, I64, I32, I32), -ENOSYS)); // _mmap_js (files only)
        functions.add(syscall("n", int32(I32, I32, I32, I32, I32, I64), 0));      // _munmap_js
        functions.add(fn("o", int32(I64, I32), (inst, args) -> {                   // _localtime_js(time, tm*): UTC
            writeTm(inst.memory(), args[0], (int) args[1]);
            return new long[] {0};
        }));
        functions.add(fn("q", none(I32, I32, I32, I32), (inst, args) -> {        // _tzset_js(timezone, daylight, std, dst)
            Memory m = inst.memory();
            m.writeI32((int) args[0], 0);
            m.writeI32((int) args[1], 0);
            m.writeCString((int) args[2], "UTC");
            m.writeCString((int) args[3], "UTC");
            return null;
        }));
        functions.add(new HostFunction(MODULE, "g", FunctionType.of(List.of(), List.of(ValType.F64)),  // emscripten_date_now
                (inst, args) -> new long[] {Double.doubleToRawLongBits(System.currentTimeMillis())}));
        functions.add(fn("k", int32(I32), (inst, args) ->                          // emscripten_resize_heap(bytes)
                new long[] {growHeap(inst.memory(), Integer.toUnsignedLong((int) args[0])) ? 1 : 0}));
        functions.add(fn("p", int32(I32), (inst, args) -> {                        // viz_errorf(text): agerr's output
            messages.add(inst.memory().readCString((int) args[0]));
            return new long[] {0};
        }));
        return ImportValues.builder().withFunctions(new ArrayList<>(functions)).build();
    }

    /**
     * Grows linear memory to at least {@code bytes}, with 20 % to spare as Emscripten does, and
     * reports failure (so that malloc returns null and Graphviz reports it) rather than letting
     * the JVM's own OutOfMemoryError escape from inside the module.
     */
    static boolean growHeap(Memory memory, long bytes) {
        int maxPages = Math.min(memory.maximumPages(), Memory.RUNTIME_MAX_PAGES);
        long neededPages = (bytes + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE;
        if (neededPages > maxPages) {
            return false;
        }
        int current = memory.pages();
        long wanted = Math.min(maxPages, Math.max(neededPages, current + current / 5));
        for (long target = wanted; target >= neededPages; target = target == neededPages ? -1 : neededPages) {
            try {
                if (target <= current || memory.grow((int) (target - current)) >= 0) {
                    return true;
                }
            } catch (OutOfMemoryError e) {
                // the JVM heap cannot hold the larger copy; try the bare minimum, then give up
            }
        }
        return false;
    }

    private static void writeTm(Memory m, long epochSeconds, int tm) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC);
        m.writeI32(tm, t.getSecond());
        m.writeI32(tm + 4, t.getMinute());
        m.writeI32(tm + 8, t.getHour());
        m.writeI32(tm + 12, t.getDayOfMonth());
        m.writeI32(tm + 16, t.getMonthValue() - 1);
        m.writeI32(tm + 20, t.getYear() - 1900);
        m.writeI32(tm + 24, t.getDayOfWeek().getValue() % 7);
        m.writeI32(tm + 28, t.getDayOfYear() - 1);
        m.writeI32(tm + 32, 0);   // tm_isdst
        m.writeI32(tm + 36, 0);   // tm_gmtoff
    }

    /** A function of these parameters returning an i32. */
    private static FunctionType int32(ValType... params) {
        return FunctionType.of(List.of(params), List.of(I32));
    }

    /** A function of these parameters returning nothing. */
    private static FunctionType none(ValType... params) {
        return FunctionType.of(List.of(params), List.of());
    }

    private static HostFunction fn(String name, FunctionType type, WasmFunctionHandle handle) {
        return new HostFunction(MODULE, name, type, handle);
    }

    private static HostFunction syscall(String name, FunctionType type, int result) {
        return fn(name, type, (inst, args) -> new long[] {result});
    }

    /** Chicory's WASI logs each call at trace level; a library stays quiet. */
    private static final Logger SILENT = new Logger() {
        @Override
        public void log(Level level, String msg, Throwable throwable) {
        }

        @Override
        public boolean isLoggable(Level level) {
            return false;
        }
    };
}
