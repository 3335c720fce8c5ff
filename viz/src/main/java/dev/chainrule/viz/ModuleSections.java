package dev.chainrule.viz;

/**
 * The little of the WebAssembly binary format that {@link WasmGraphviz} reads itself: where each
 * section is, and whether the code section holds nothing but the placeholder bodies that Chicory's
 * build-time compiler leaves in a stripped module.
 */
final class ModuleSections {
    /** The code section's id. */
    static final int CODE = 10;

    /** Every known section id except custom (0) and code. */
    static final int[] ALL_BUT_CODE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13};

    /** A placeholder body: its size (3), no locals, {@code unreachable}, {@code end}. */
    private static final byte[] PLACEHOLDER = {0x03, 0x00, 0x00, 0x0b};

    /** A module whose one function ({@code () -> ()}) has the placeholder body. */
    static final byte[] PLACEHOLDER_MODULE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,   // "\0asm", version 1
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,               // types: one, () -> ()
        0x03, 0x02, 0x01, 0x00,                           // functions: one, of type 0
        0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,         // code: one placeholder body
    };

    private ModuleSections() {
    }

    /**
     * The number of function bodies when the module's code section holds only placeholders, or
     * -1 when it holds anything else, is missing, or the bytes are not a module this reader
     * understands (the caller then lets Chicory parse the code section).
     */
    static int placeholderBodies(byte[] module) {
        if (module.length < 8 || module[0] != 0x00 || module[1] != 0x61 || module[2] != 0x73 || module[3] != 0x6d) {
            return -1;
        }
        int[] at = {8};
        while (at[0] < module.length) {
            int id = module[at[0]++] & 0xff;
            long size = unsignedLeb(module, at);
            if (size < 0 || at[0] + size > module.length) {
                return -1;
            }
            int end = (int) (at[0] + size);
            if (id == CODE) {
                long count = unsignedLeb(module, at);
                if (count < 0 || end - at[0] != count * PLACEHOLDER.length) {
                    return -1;
                }
                for (int p = at[0]; p < end; p++) {
                    if (module[p] != PLACEHOLDER[(p - at[0]) % PLACEHOLDER.length]) {
                        return -1;
                    }
                }
                return (int) count;
            }
            at[0] = end;
        }
        return -1;
    }

    /** An unsigned LEB128 number (at most 32 bits) at {@code at[0]}, which moves past it; -1 if malformed. */
    private static long unsignedLeb(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at[0] >= bytes.length) {
                return -1;
            }
            int b = bytes[at[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }
}
