package dev.chainrule.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 byte stream to a terminal that shows control characters as escapes ({@code \x1b},
 * {@code \u009b}) instead of passing them through. Error messages echo the user's input, and a
 * program containing {@code ESC ] 0 ; … BEL} would otherwise set the terminal's title, move the
 * cursor or hide text. Kept as they are: newline and tab. Escaped: the other C0 controls (carriage
 * return too, which could overwrite a line), DEL, the C1 controls U+0080–U+009F, and the
 * bidirectional overrides U+202A–U+202E and U+2066–U+2069 (which can make text read backwards).
 *
 * <p>Everything the CLI prints goes through it, so no message or table can carry a raw control
 * byte whatever the input; files the CLI writes do not.
 */
final class TerminalSafeStream extends FilterOutputStream {
    /** The bytes of a multi-byte character seen so far (at most 3 of 4). */
    private final byte[] pending = new byte[4];
    private int held;
    private int expected;

    TerminalSafeStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        b &= 0xff;
        if (held > 0) {
            pending[held++] = (byte) b;
            if ((b & 0xc0) != 0x80) { // not a continuation byte: malformed, pass the bytes on as they are
                flushPending();
                return;
            }
            if (held == expected) {
                int cp = decode();
                if (isControl(cp)) {
                    escape(cp);
                    held = 0;
                } else {
                    flushPending();
                }
            }
            return;
        }
        if (b < 0x80) {
            if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f) {
                escape(b);
            } else {
                out.write(b);
            }
        } else if (b == 0xc2 || b == 0xe2) { // the lead bytes of U+0080–U+00BF and U+2000–U+2FFF
            pending[0] = (byte) b;
            held = 1;
            expected = b == 0xc2 ? 2 : 3;
        } else {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        // A character split across two writes stays held; PrintStream writes whole strings.
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flushPending();
        super.close();
    }

    private int decode() {
        if (expected == 2) {
            return ((pending[0] & 0x1f) << 6) | (pending[1] & 0x3f);
        }
        return ((pending[0] & 0x0f) << 12) | ((pending[1] & 0x3f) << 6) | (pending[2] & 0x3f);
    }

    private void flushPending() throws IOException {
        out.write(pending, 0, held);
        held = 0;
    }

    private void escape(int cp) throws IOException {
        String s = cp < 0x100 ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp);
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code cp} would act on the terminal instead of showing. */
    static boolean isControl(int cp) {
        return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7f && cp <= 0x9f)
                || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
