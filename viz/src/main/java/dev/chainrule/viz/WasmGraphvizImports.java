package dev.chainrule.viz;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * {@code src/main/wasm/PROVENANCE.md}). Nine are WASI preview 1 calls and sixteen are
 * Emscripten's own JavaScript helpers, all implemented here for a module with no file system:
 * every file call fails as a missing file would, standard output is dropped, standard error is
 * kept for error messages, the environment is empty, time is UTC, random bytes come from a fixed
 * seed, and the heap grows on request. The names change with every build of the package, so the
 * version is pinned.
 *
 * <p>Why not Chicory's own WASI: building its host functions spins up one lambda class for each
 * of its 46 calls, and building the imports was a fifth of a new JVM's time to its first picture
 * (about 0.1 s). Here every import is one constant of {@link Import}, served by one class.
 */
final class WasmGraphvizImports {
    /** The module name every import comes from. */
    static final String MODULE = "a";

    // WASI errno values; Emscripten's syscall shims return them negated.
    private static final int SUCCESS = 0;
    private static final int EBADF = 8;
    private static final int EINVAL = 28;
    private static final int ENOENT = 44;
    private static final int ENOSYS = 52;
    private static final int ENOTTY = 59;
    private static final int ESPIPE = 70;

    private static final ValType I32 = ValType.I32;
    private static final ValType I64 = ValType.I64;

    /** Every import of the module: its minified name, its signature and what it is. */
    enum Import {
        ASSERT_FAIL("a", none(I32, I32, I32, I32), "__assert_fail"),
        CXA_THROW("b", none(I32, I32, I32), "__cxa_throw"),
        PROC_EXIT("c", none(I32), "WASI proc_exit"),                                  // Emscripten's _exit
        FD_WRITE("d", int32(I32, I32, I32, I32), "WASI fd_write"),
        FD_CLOSE("e", int32(I32), "WASI fd_close"),
        FCNTL("f", int32(I32, I32, I32), "__syscall_fcntl64"),
        DATE_NOW("g", FunctionType.of(List.of(), List.of(ValType.F64)), "emscripten_date_now"),
        ABORT("h", none(), "_abort_js"),
        FD_READ("i", int32(I32, I32, I32, I32), "WASI fd_read"),
        IOCTL("j", int32(I32, I32, I32), "__syscall_ioctl"),
        RESIZE_HEAP("k", int32(I32), "emscripten_resize_heap"),
        OPENAT("l", int32(I32, I32, I32, I32), "__syscall_openat"),
        MMAP("m", int32(I32, I32, I32, I32, I64, I32, I32), "_mmap_js"),
        MUNMAP("n", int32(I32, I32, I32, I32, I32, I64), "_munmap_js"),
        LOCALTIME("o", int32(I64, I32), "_localtime_js"),
        ERRORF("p", int32(I32), "viz_errorf"),
        TZSET("q", none(I32, I32, I32, I32), "_tzset_js"),
        FD_SEEK("r", int32(I32, I64, I32, I32), "WASI fd_seek"),
        ENVIRON_GET("s", int32(I32, I32), "WASI environ_get"),
        ENVIRON_SIZES_GET("t", int32(I32, I32), "WASI environ_sizes_get"),
        RANDOM_GET("u", int32(I32, I32), "WASI random_get"),
        NEWFSTATAT("v", int32(I32, I32, I32, I32), "__syscall_newfstatat"),
        FSTAT64("w", int32(I32, I32), "__syscall_fstat64"),
        CLOCK_TIME_GET("x", int32(I32, I64, I32), "WASI clock_time_get"),
        FACCESSAT("y", int32(I32, I32, I32, I32), "__syscall_faccessat");

        final String minified;
        final FunctionType type;
        /** The Emscripten or WASI function behind the minified name, as PROVENANCE.md lists it. */
        final String function;

        Import(String minified, FunctionType type, String function) {
            this.minified = minified;
            this.type = type;
            this.function = function;
        }
    }

    private WasmGraphvizImports() {
    }

    /**
     * The imports for one instance.
     *
     * @param stderr where Graphviz's standard error goes (its stdout is thrown away: results come back in memory)
     * @param messages receives each piece of an error or warning Graphviz reports through {@code agerr}
     */
    static ImportValues create(OutputStream stderr, List<String> messages) {
        Calls calls = new Calls(stderr, messages);
        List<ImportFunction> functions = new ArrayList<>();
        for (Import i : Import.values()) {
            functions.add(new HostFunction(MODULE, i.minified, i.type, new Handle(i, calls)));
        }
        return ImportValues.builder().withFunctions(functions).build();
    }

    /** The minified names of the WASI calls, with the WASI name of each (for PROVENANCE.md's table). */
    static Map<String, String> wasiCalls() {
        Map<String, String> wasi = new LinkedHashMap<>();
        for (Import i : Import.values()) {
            if (i.function.startsWith("WASI ")) {
                wasi.put(i.minified, i.function.substring("WASI ".length()));
            }
        }
        return wasi;
    }

    /** One import bound to one instance's state. */
    private static final class Handle implements WasmFunctionHandle {
        private final Import which;
        private final Calls calls;

        Handle(Import which, Calls calls) {
            this.which = which;
            this.calls = calls;
        }

        @Override
        public long[] apply(Instance instance, long... args) {
            return calls.call(which, instance.memory(), args);
        }
    }

    /** What the imports do, with the state one instance's imports share. */
    static final class Calls {
        private final OutputStream stderr;
        private final List<String> messages;
        // Fixed seed: the same graph always gives the same picture.
        private final Random random = new Random(0);

        Calls(OutputStream stderr, List<String> messages) {
            this.stderr = stderr;
            this.messages = messages;
        }

        long[] call(Import which, Memory m, long[] args) {
            switch (which) {
                case ASSERT_FAIL:
                    throw new IllegalStateException("Graphviz failed an internal check: " + m.readCString((int) args[0])
                            + " at " + m.readCString((int) args[1]) + ":" + args[2]);
                case CXA_THROW:
                    throw new IllegalStateException("Graphviz threw a C++ exception");
                case ABORT:
                    throw new IllegalStateException("Graphviz aborted");
                case PROC_EXIT:
                    throw new IllegalStateException("Graphviz exited with status " + (int) args[0]);
                case FD_WRITE:
                    return i32(write((int) args[0], m, (int) args[1], (int) args[2], (int) args[3]));
                case FD_READ:
                    // Standard input is empty (end of file at once); nothing else is ever open.
                    if ((int) args[0] != 0) {
                        return i32(EBADF);
                    }
                    m.writeI32((int) args[3], 0);
                    return i32(SUCCESS);
                case FD_CLOSE:
                    return i32(isStandard((int) args[0]) ? SUCCESS : EBADF);
                case FD_SEEK:
                    return i32(isStandard((int) args[0]) ? ESPIPE : EBADF);
                case ENVIRON_SIZES_GET:
                    m.writeI32((int) args[0], 0);
                    m.writeI32((int) args[1], 0);
                    return i32(SUCCESS);
                case ENVIRON_GET:
                    return i32(SUCCESS);
                case RANDOM_GET: {
                    byte[] bytes = new byte[(int) args[1]];
                    random.nextBytes(bytes);
                    m.write((int) args[0], bytes);
                    return i32(SUCCESS);
                }
                case CLOCK_TIME_GET:
                    return i32(clockTime(m, (int) args[0], (int) args[2]));
                case DATE_NOW:
                    return new long[] {Double.doubleToRawLongBits(System.currentTimeMillis())};
                case RESIZE_HEAP:
                    return i32(growHeap(m, Integer.toUnsignedLong((int) args[0])) ? 1 : 0);
                case ERRORF:
                    messages.add(m.readCString((int) args[0]));
                    return i32(0);
                case LOCALTIME:
                    writeTm(m, args[0], (int) args[1]);
                    return i32(0);
                case TZSET:
                    m.writeI32((int) args[0], 0);
                    m.writeI32((int) args[1], 0);
                    m.writeCString((int) args[2], "UTC");
                    m.writeCString((int) args[3], "UTC");
                    return null;
                // No file system: opening, stat-ing or testing a path finds nothing (Graphviz asks only for image files).
                case FACCESSAT:
                case OPENAT:
                case NEWFSTATAT:
                    return i32(-ENOENT);
                case FCNTL:
                case FSTAT64:
                    return i32(-EBADF);
                case IOCTL:
                    return i32(-ENOTTY);   // no terminal
                case MMAP:
                    return i32(-ENOSYS);   // file mappings only
                case MUNMAP:
                    return i32(0);
                default:
                    throw new AssertionError(which);
            }
        }

        /** WASI fd_write: standard output is dropped, standard error kept; nothing else is open. */
        private int write(int fd, Memory m, int iovs, int count, int written) {
            if (fd != 1 && fd != 2) {
                return EBADF;
            }
            long total = 0;
            for (int k = 0; k < count; k++) {
                int base = m.readInt(iovs + 8 * k);
                int length = m.readInt(iovs + 8 * k + 4);
                if (length < 0) {
                    return EINVAL;
                }
                if (fd == 2) {
                    try {
                        stderr.write(m.readBytes(base, length));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                total += length;
            }
            m.writeI32(written, (int) total);
            return SUCCESS;
        }

        /** WASI clock_time_get: 0 is the wall clock, 1 the monotonic one (nanoseconds). */
        private static int clockTime(Memory m, int clock, int result) {
            long nanos;
            if (clock == 0) {
                Instant now = Instant.now();
                nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            } else if (clock == 1) {
                nanos = System.nanoTime();
            } else {
                return EINVAL;
            }
            m.writeLong(result, nanos);
            return SUCCESS;
        }

        private static boolean isStandard(int fd) {
            return fd >= 0 && fd <= 2;
        }

        private static long[] i32(int value) {
            return new long[] {value};
        }
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
}
