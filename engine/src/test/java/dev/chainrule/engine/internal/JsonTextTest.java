package dev.chainrule.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one JSON string quoting that nn's parameter files and the CLI's JSON output share. */
class JsonTextTest {
    @Test
    void escapesQuotesBackslashesAndControlCharactersOnly() {
        assertEquals("\"w1\"", JsonText.quote("w1"));
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f∂é\"", JsonText.quote("a\"b\\c\nd\re\tf\u0001g\u001f∂é"));
        assertEquals("\"\"", JsonText.quote(""));
        assertEquals("\"\\u0000\"", JsonText.quote("\0"));
        assertEquals("\"\u007f\u2028\"", JsonText.quote("\u007f\u2028"));   // JSON allows both unescaped
    }

    @Test
    void appendsToWhatIsThere() {
        StringBuilder b = new StringBuilder("{\"name\": ");
        assertEquals("{\"name\": \"σ\"", JsonText.quote(b, "σ").toString());
    }
}
