package dev.chainrule.cli;

import dev.chainrule.nn.io.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the text of an input (a program, answers, a CSV file) from a file or standard input, the
 * same way for both: at most {@link Limits#maxInputBytes()} bytes (so that {@code /dev/zero} or a
 * runaway pipe is refused instead of filling the memory), and strict UTF-8 (bytes that are not
 * UTF-8 are refused with their line and byte offset, never replaced with U+FFFD). A leading byte
 * order mark is dropped.
 */
final class InputText {
    private InputText() {
    }

    /**
     * The text of {@code in}, named {@code name} in messages ("program file 'net.txt'", "the
     * program on standard input").
     *
     * @throws UserError if it is larger than the input limit or not UTF-8
     * @throws IOException if reading fails
     */
    static String read(InputStream in, String name) throws IOException {
        long max = Limits.maxInputBytes();
        byte[] buf = new byte[(int) Math.min(max + 1, 1 << 16)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > max) {
                    throw tooLarge(name, max);
                }
                buf = Arrays.copyOf(buf, (int) Math.min(max + 1, Math.max(2L * n, 1 << 16)));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
            if (n > max) {
                throw tooLarge(name, max);
            }
        }
        return decode(buf, n, name);
    }

    private static UserError tooLarge(String name, long max) {
        return new UserError(name + " is larger than " + Limits.mib(max) + " MiB, the input limit; if it is "
                + "meant to be that large, raise the limit with --max-input-mb N");
    }

    /** Decodes {@code bytes[0, n)} as UTF-8, naming the line and byte offset of the first bad byte. */
    static String decode(byte[] bytes, int n, String name) {
        try {
            return Utf8Text.decode(bytes, n, name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
