package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The JSON reader's string escapes (RFC 8259, section 7) and the writer's quoting, both ways. */
class JsonTest {

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder();
        Json.quote(b, s);
        return b.toString();
    }

    @Test
    void everyEscapeOfRfc8259Reads() {
        assertEquals("q\"b\\s/b\bf\fn\nr\rt\té∂",
                Json.parse("\"q\\\"b\\\\s\\/b\\bf\\fn\\nr\\rt\\t\\u00e9\\u2202\"", "t.json"));
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\"", "t.json"), "a surrogate pair, one char each");
        assertEquals("é", Json.parse("\"\\u00E9\"", "t.json"), "hex digits in either case");
    }

    @Test
    void badEscapesAndRawControlCharactersAreRefusedWithTheirPlace() {
        assertEquals("t.json: not valid JSON at 1:4: bad escape '\\x'",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("\"a\\x\"", "t.json")).getMessage());
        assertEquals("t.json: not valid JSON at 2:5: bad \\u escape",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("[\n \"\\u12g4\"]", "t.json")).getMessage());
        assertEquals("t.json: not valid JSON at 1:4: the file ends inside a \\u escape (truncated?)",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("\"\\u12", "t.json")).getMessage());
        assertEquals("t.json: not valid JSON at 1:3: control character in a string",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("\"a\tb\"", "t.json")).getMessage());
        assertEquals("t.json: not valid JSON at 1:4: the file ends inside a string (truncated?)",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("\"ab", "t.json")).getMessage());
    }

    @Test
    void quotingEscapesWhatMustBeEscapedAndReadsBackTheSame() {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f/é∂\"", quoted("a\"b\\c\nd\re\tf\u0001g\u001f/é∂"));
        for (String s : new String[] {"", "w1", "l1.weight", "\"", "\\", "\u0000", "tab\there", "∂E/∂w5", "\uD83D\uDE00"}) {
            assertEquals(s, Json.parse(quoted(s), "round trip"), () -> "round trip of " + quoted(s));
        }
    }
}
