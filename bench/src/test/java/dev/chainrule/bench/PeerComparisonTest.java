package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a peer's figures join ours: the ratio, the better thread count, and skipped peers. */
class PeerComparisonTest {

    private static Result ours(String workload, double ms) {
        Samples s = new Samples();
        s.add((long) (ms * 1e6));
        return new Result(workload, "/step").timing(s);
    }

    @Test
    void aTimeIsComparedWithThePeersBetterThreadCount() {
        Result r = ours("W4", 2.0);
        List<Map<String, Object>> peer = List.of(
                FlatJson.parse("{\"workload\": \"W4\", \"peer\": \"PyTorch\", \"peer_version\": \"PyTorch 1.13\", "
                        + "\"threads\": 1, \"median_ms\": 2.5, \"check\": 0.02}"),
                FlatJson.parse("{\"workload\": \"W4\", \"peer\": \"PyTorch\", \"peer_version\": \"PyTorch 1.13\", "
                        + "\"threads\": 2, \"median_ms\": 4.0, \"check\": 0.02}"));
        PeerComparison.attach(PeerComparison.specFor("W4"), r, peer, null);
        assertEquals("PyTorch", r.get("peer"));
        assertEquals("PyTorch 1.13", r.get("peer_version"));
        assertEquals(0.8, r.get("ratio_to_peer"));
        assertEquals(1, r.get("peer_threads"));
        assertEquals(2.5, r.get("peer_1_thread_ms"));
        assertEquals(4.0, r.get("peer_2_threads_ms"));
        assertEquals(Boolean.TRUE, r.get("peer_target_met"));
        String json = r.toJson();
        assertTrue(json.contains("\"peer\": \"PyTorch\", \"peer_version\": \"PyTorch 1.13\""), json);
        assertTrue(json.contains("\"ratio_to_peer\": 0.8"), json);
    }

    @Test
    void gflopsAreComparedSizeBySizeAndAboveOneIsFaster() {
        Result r1024 = new Result("W5", "").put("n", 1024).put("gflops", 90.0);
        Result r2048 = new Result("W5", "").put("n", 2048).put("gflops", 100.0);
        List<Map<String, Object>> peer = List.of(
                FlatJson.parse("{\"workload\": \"W5\", \"n\": 1024, \"peer_version\": \"numpy 1.24\", \"threads\": 2, "
                        + "\"median_ms\": 20.0, \"gflops\": 100.0}"),
                FlatJson.parse("{\"workload\": \"W5\", \"n\": 2048, \"peer_version\": \"numpy 1.24\", \"threads\": 2, "
                        + "\"median_ms\": 200.0, \"gflops\": 80.0}"));
        PeerComparison.Spec spec = PeerComparison.specFor("W5");
        PeerComparison.attach(spec, r1024, peer, null);
        PeerComparison.attach(spec, r2048, peer, null);
        assertEquals(0.9, r1024.get("ratio_to_peer"));
        assertEquals(100.0, r1024.get("peer_gflops"));
        assertEquals(Boolean.TRUE, r1024.get("peer_target_met"));
        assertEquals(1.25, r2048.get("ratio_to_peer"));
        assertEquals(80.0, r2048.get("peer_gflops"));
    }

    @Test
    void aMissedTargetIsFalse() {
        Result r = ours("W1t", 0.2);
        PeerComparison.attach(PeerComparison.specFor("W1t"), r, List.of(FlatJson.parse(
                "{\"threads\": 1, \"median_ms\": 0.25, \"peer_version\": \"PyTorch\"}")), null);
        assertEquals(0.8, r.get("ratio_to_peer"));
        assertEquals(Boolean.FALSE, r.get("peer_target_met"));
    }

    @Test
    void aSkippedPeerIsNeverAPass() {
        Result r = ours("W4", 2.0);
        PeerComparison.attach(PeerComparison.specFor("W4"), r, List.of(), "No module named 'torch'");
        assertEquals("No module named 'torch'", r.get("peer_skipped"));
        assertNull(r.get("ratio_to_peer"));
        assertNull(r.get("peer_target_met"));
        assertTrue(r.toJson().contains("\"ratio_to_peer\": null"), r.toJson());
        assertTrue(r.toJson().contains("\"peer_target_met\": null"), r.toJson());
    }

    @Test
    void aPeerWithoutTheSizeIsSkippedForThatSize() {
        Result r = new Result("W5", "").put("n", 4096).put("gflops", 90.0);
        PeerComparison.attach(PeerComparison.specFor("W5"), r, List.of(FlatJson.parse(
                "{\"n\": 1024, \"gflops\": 100.0, \"median_ms\": 20.0}")), null);
        assertNotNull(r.get("peer_skipped"));
        assertNull(r.get("ratio_to_peer"));
    }

    @Test
    void workloadsWithoutAPeerHaveNoSpec() {
        assertNull(PeerComparison.specFor("W2"));
        assertNull(PeerComparison.specFor("W1"));
        assertFalse(PeerComparison.specFor("W5n").runs().isEmpty());
    }

    @Test
    void peerOutputIsReadLineByLine() {
        Peer.Outcome ok = Peer.read(List.of("warming up", "{\"workload\": \"W4\", \"median_ms\": 3.0}"), 0, "p");
        assertNull(ok.skipped());
        assertEquals(3.0, ok.results().get(0).get("median_ms"));
        Peer.Outcome skipped = Peer.read(List.of("{\"workload\": \"W4\", \"skipped\": \"No module named 'torch'\"}"), 0, "p");
        assertEquals("No module named 'torch'", skipped.skipped());
        assertTrue(skipped.results().isEmpty());
        assertEquals("p failed with exit status 1",
                Peer.read(List.of("{\"workload\": \"W4\", \"median_ms\": 3.0}"), 1, "p").skipped());
        assertEquals("p printed no result", Peer.read(List.of("Traceback ..."), 0, "p").skipped());
        assertTrue(Peer.read(List.of("{broken"), 0, "p").skipped().startsWith("p printed a line that is not JSON"));
    }

    @Test
    void aMissingScriptOrInterpreterIsSkipped(@TempDir Path dir) {
        assertTrue(Peer.run(dir, "absent.py", List.of()).skipped().contains("not found"));
        assertEquals(List.of("/no/such/python"), Peer.interpreters("/no/such/python"));
        assertEquals("python3", Peer.interpreters(null).get(0));
    }
}
