package dev.chainrule.studio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the page gets from each request, on Matt Mazur's 2-2-2 network: the engine's, viz's and the checker's numbers. */
class WorkbenchTest {
    static final Path MAZUR = Path.of("../cli/src/test/resources/mazur.txt");

    private static Studio studio;
    private static StudioClient page;
    private static String mazur;

    @BeforeAll
    static void start() throws IOException {
        studio = Studio.start(StudioConfig.loopback());
        page = new StudioClient(studio);
        mazur = Files.readString(MAZUR);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> reply, String label) {
        for (Object o : (List<Object>) reply.get("nodes")) {
            Map<String, Object> n = (Map<String, Object>) o;
            if (label.equals(n.get("label"))) {
                return n;
            }
        }
        throw new AssertionError("no node " + label);
    }

    @Test
    @SuppressWarnings("unchecked")
    void evaluateGivesEveryValueGradientAndLocalDerivativeAndTheSvg() throws IOException {
        Map<String, Object> r = StudioClient.json(page.post("/api/evaluate", Map.of("program", mazur, "lr", 0.5)));
        assertEquals(Boolean.TRUE, r.get("ok"), r.toString());
        assertEquals("E", r.get("output"));
        assertEquals(0.298371109, (Double) r.get("value"), 5e-10);
        Map<String, Object> w5 = node(r, "w5");
        assertEquals(0.082167041, (Double) w5.get("grad"), 5e-10);
        assertEquals("leaf", w5.get("kind"));
        // w5's one use is w5·out_h1, whose local derivative with respect to w5 is out_h1 = 0.593269992.
        Map<String, Object> use = null;
        for (Object o : (List<Object>) r.get("nodes")) {
            Map<String, Object> n = (Map<String, Object>) o;
            if (((List<Object>) n.get("inputs")).contains(w5.get("id"))) {
                use = n;
            }
        }
        assertEquals("w5·out_h1", use.get("shown"));
        assertEquals(0.593269992, (Double) ((List<Object>) use.get("local")).get(0), 5e-10);
        assertEquals((Double) w5.get("grad"), (Double) use.get("grad") * 0.5932699921071872, 1e-15);
        Map<String, Object> in = ((List<Map<String, Object>>) r.get("inputs")).stream()
                .filter(m -> m.get("name").equals("w5")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, in.get("parameter"));
        assertEquals(0.35891648, (Double) in.get("updated"), 5e-9);
        String svg = (String) r.get("svg");
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg") || svg.contains("<svg"), svg.substring(0, 80));
        assertTrue(svg.contains("<title>v" + ((Double) w5.get("id")).intValue() + "</title>"), "each record carries its node id for clicks");
    }

    @Test
    void inputValuesFromThePageOverrideTheProgramsAndStaleOnesAreLeftOut() throws IOException {
        Map<String, Object> r = StudioClient.json(page.post("/api/evaluate", Map.of("program",
                "x = -2; y = 5; z = -4; q = x + y; f = q·z", "inputs", Map.of("x", 1.0, "gone", 3.0))));
        assertEquals(-24.0, r.get("value"));
    }

    @Test
    void aParseErrorComesWithLineColumnAndReason() throws IOException {
        Map<String, Object> r = StudioClient.json(page.post("/api/evaluate", Map.of("program", "x = 1\nf = (x + 2")));
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) r.get("error");
        assertEquals("parse", e.get("kind"));
        assertEquals(2.0, e.get("line"));
        assertEquals(11.0, e.get("column"));
        assertEquals("expected ')' but found end of input", e.get("reason"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkMarksASwapAndNamesIt() throws IOException {
        // ∂E/∂w5 and ∂E/∂w6 written the other way round; out_h1 right.
        Map<String, Object> r = StudioClient.json(page.post("/api/check", Map.of("program", mazur, "lr", 0.5,
                "answers", "out_h1 = 0.593269992\ndE/dw5 = 0.082667628\ndE/dw6 = 0.082167041")));
        List<Map<String, Object>> results = (List<Map<String, Object>>) r.get("results");
        assertEquals("ok", results.get(0).get("verdict"));
        assertEquals("wrong", results.get(1).get("verdict"));
        assertEquals("w5", results.get(1).get("node"));
        assertEquals("gradient", results.get(1).get("kind"));
        assertTrue(((String) results.get(1).get("mistake")).startsWith("swapped with dE/dw6 (line 3)"), results.get(1).toString());
        assertEquals("wrong", results.get(2).get("verdict"));
        assertEquals("2 of 3 answers are wrong.", r.get("summary"));
    }

    @Test
    void explainGivesTheWorkedDerivationInTheStudentsNames() throws IOException {
        Map<String, Object> r = StudioClient.json(page.post("/api/explain", Map.of("program", mazur, "lr", 0.5, "node", "w5")));
        assertEquals(Boolean.TRUE, r.get("ok"), r.toString());
        assertEquals(0.082167041, (Double) r.get("value"), 5e-10);
        String text = (String) r.get("text");
        assertTrue(text.contains("∂E/∂w5") && text.contains("out_o1") && text.contains("0.08216704056"), text);
        assertEquals(400, page.post("/api/explain", Map.of("program", mazur, "node", "nope")).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void stepGivesOneFrameOfTheDeckAtATime() throws IOException {
        String chain = "x = -2; y = 5; z = -4; q = x + y; f = q·z";
        Map<String, Object> last = StudioClient.json(page.post("/api/step", Map.of("program", chain, "index", 99.0)));
        assertEquals(8.0, last.get("count"));
        assertEquals(7.0, last.get("index"), "clamped to the last frame");
        // issue 12's teaching order: x and y tie (each used once, as far from f), and the deck ends with y's step
        assertEquals("Backward step 4 of 4: ∂f/∂y", last.get("title"));
        assertTrue(String.join("\n", (List<String>) last.get("explanation")).contains("= (-4) × 1 = -4"));
        assertTrue(((String) last.get("svg")).contains("<svg"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void quizCellsAreNamedInTheCheckNotation() throws IOException {
        Map<String, Object> r = StudioClient.json(page.post("/api/quiz", Map.of("program", mazur,
                "hidden", List.of("dE/dw5", "out_h1"))));
        List<Map<String, Object>> cells = (List<Map<String, Object>>) r.get("cells");
        assertEquals("w5", cells.get(0).get("node"));
        assertEquals("gradient", cells.get(0).get("kind"));
        assertEquals("out_h1", cells.get(1).get("node"));
        assertEquals("value", cells.get(1).get("kind"));
        Map<String, Object> bad = StudioClient.json(page.post("/api/quiz", Map.of("program", mazur, "hidden", List.of("dE/dnope"))));
        assertEquals(Boolean.FALSE, bad.get("ok"));
        assertTrue(bad.toString().contains("nope"), bad.toString());
    }

    @Test
    void exportsArePicturesDecksAndTablesToDownload() throws IOException {
        // Pictures of the small graph (a PNG of Mazur's 4,000-point-wide graph takes seconds on a loaded machine).
        String chain = "x = -2; y = 5; z = -4; q = x + y; f = q·z";
        RawHttp.Response png = page.post("/api/export", Map.of("program", chain, "format", "png"));
        assertEquals("attachment; filename=\"f.png\"", png.header("Content-Disposition"), png.text());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png.body(), 4));
        RawHttp.Response pdf = page.post("/api/export", Map.of("program", chain, "format", "pdf"));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        RawHttp.Response deck = page.post("/api/export", Map.of("program", "x = -2; y = 5; z = -4; q = x + y; f = q·z",
                "format", "slides"));
        assertTrue(deck.text().contains("Backward step 4 of 4"));
        RawHttp.Response md = page.post("/api/export", Map.of("program", mazur, "format", "markdown", "lr", 0.5));
        assertTrue(md.text().contains("| w5 | input | 0.4 | 0.08216704056 | 0.3589164797 |"), md.text());
        RawHttp.Response csv = page.post("/api/export", Map.of("program", mazur, "format", "csv"));
        assertTrue(csv.text().contains("\nE,add,0.2983711087600027,1\n"), csv.text());
        RawHttp.Response tex = page.post("/api/export", Map.of("program", mazur, "format", "latex"));
        assertTrue(tex.text().contains("$\\mathrm{out}_{\\mathrm{h1}}$ & sigmoid & $0.5932699921$"), tex.text());
        assertEquals(400, page.post("/api/export", Map.of("program", mazur, "format", "exe")).status());
    }
}
