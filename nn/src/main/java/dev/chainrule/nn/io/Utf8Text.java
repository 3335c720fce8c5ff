package dev.chainrule.nn.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding for files people hand to Chainrule (CSV data, parameter files, programs):
 * bytes that are not UTF-8 are refused with the line and byte offset of the first bad byte,
 * never replaced with U+FFFD and never reported as Java's bare "Input length = 1". A leading byte
 * order mark is dropped.
 *
 * <pre>{@code
 * String text = Utf8Text.decode(Files.readAllBytes(path), path.getFileName().toString());
 * }</pre>
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * The text of {@code bytes}.
     *
     * @param source the name used in the error message, such as the file name
     * @param bytes the bytes to decode
     * @return the text of {@code bytes}
     * @throws IllegalArgumentException if the bytes are not UTF-8: "data.csv is not UTF-8 text:
     *     line 3, byte offset 41 (byte 0xe9); save it as UTF-8 and try again"
     */
    public static String decode(byte[] bytes, String source) {
        return decode(bytes, bytes.length, source);
    }

    /**
     * {@return the text of {@code bytes[0, length)}; as {@link #decode(byte[], String)}}
     *
     * @param bytes the bytes to decode
     * @param length the length
     * @param source the source text
     */
    public static String decode(byte[] bytes, int length, String source) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new IllegalArgumentException(source + " is not UTF-8 text: line " + line + ", byte offset " + offset
                    + " (byte 0x" + String.format("%02x", bytes[offset] & 0xff) + "); save it as UTF-8 and try again");
        }
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
