package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader of the peers' JSON lines: what Python's json.dumps prints, and clear errors otherwise. */
class FlatJsonTest {

    @Test
    void readsWhatPythonPrints() {
        Map<String, Object> m = FlatJson.parse("{\"workload\": \"W4\", \"threads\": 2, \"median_ms\": 2.551, "
                + "\"check\": 0.021181156610909198, \"ok\": true, \"skipped\": null, \"e\": -1.5e-07, "
                + "\"peer_version\": \"PyTorch 1.13 \\\"CPU\\\" \\u00b7 a\\\\b\"}");
        assertEquals("W4", m.get("workload"));
        assertEquals(2.0, m.get("threads"));
        assertEquals(2.551, m.get("median_ms"));
        assertEquals(0.021181156610909198, m.get("check"));
        assertEquals(Boolean.TRUE, m.get("ok"));
        assertTrue(m.containsKey("skipped"));
        assertNull(m.get("skipped"));
        assertEquals(-1.5e-7, m.get("e"));
        assertEquals("PyTorch 1.13 \"CPU\" · a\\b", m.get("peer_version"));
    }

    @Test
    void emptyObjectIsEmpty() {
        assertEquals(Map.of(), FlatJson.parse(" {} "));
    }

    @Test
    void brokenLinesNameTheColumnAndWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlatJson.parse("{\"a\": 1 \"b\": 2}"));
        assertTrue(e.getMessage().startsWith("peer JSON at column 9: expected ',' or '}' but found '\"'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\": NaN}"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\": 1.2.3}"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\": \"open"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\": \"\\q\"}"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\": \"\\u12\"}"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\": 1} trailing"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\": [1, 2]}"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> FlatJson.parse("{\"a\": 1, \"a\": 2}"));
        assertTrue(twice.getMessage().contains("key \"a\" appears twice"), twice.getMessage());
    }
}
