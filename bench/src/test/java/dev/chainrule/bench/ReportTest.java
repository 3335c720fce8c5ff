package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The runner's summaries: quantiles and the JSON line. */
class ReportTest {

    @Test
    void quantilesFollowTheNearestRankRule() {
        Samples s = new Samples();
        for (int i = 1; i <= 10; i++) {
            s.add(i * 1_000_000L); // 1..10 ms
        }
        assertEquals(5.5, s.medianMs());
        assertEquals(1.0, s.p10Ms());
        assertEquals(9.0, s.p90Ms());
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalStateException.class, () -> new Samples().medianMs());
    }

    @Test
    void jsonLineHasTheAgreedFieldsAndFullPrecisionCheck() {
        Samples s = new Samples();
        s.add(2_000_000L);
        String json = new Result("W1", "/step").timing(s)
                .check(0.010978370135492717, "final loss").toJson();
        assertTrue(json.startsWith("{\"workload\": \"W1\", \"median_ms\": 2.0, \"p10_ms\": 2.0, \"p90_ms\": 2.0"), json);
        assertTrue(json.contains("\"check\": 0.010978370135492717"), json);
        assertTrue(json.endsWith("\"ok\": true}"), json);
    }

    @Test
    void failedCheckIsReported() {
        Result r = new Result("W3", "").check(1e-3, "max error").fail("a gradient \"differs\"");
        assertFalse(r.ok());
        assertTrue(r.toJson().contains("\"ok\": false, \"failure\": \"a gradient \\\"differs\\\"\""), r.toJson());
    }
}
