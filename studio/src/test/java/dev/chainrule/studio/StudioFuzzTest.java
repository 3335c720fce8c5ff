package dev.chainrule.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random hostile input against every request the page makes, the way viz's escaping was
 * fuzzed: mutated programs, answers, quiz cells, node names and raw JSON bodies. Whatever comes in,
 * the server answers (never a hang, never a 500), every reply carries the security headers, no
 * reply body contains a raw {@code <} or {@code >} that a sniffing browser could read as markup,
 * a refusal carries a message, and afterwards the server still computes Mazur's network right.
 */
class StudioFuzzTest {
    private static final long SEED = 20261130L;
    private static final String CHAIN = "x = -2; y = 5; z = -4; q = x + y; f = q·z";
    private static final String[] HOSTILE = {
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "]]>", "&amp;", "&#60;", "\u0000",
        "\u202E", "\uFEFF", "\u2028", "${jndi:ldap://x}", "../../etc/passwd", "%s%n%x", "'; DROP TABLE x;--",
        "1/0", "log(-1)", "sqrt(-1)", "exp(1000)", "x^x^x^x", "param ", "# quiz: dE/dw5\n", "# lr: 1e309\n",
        "1e400", "1e-400", "9".repeat(400), "(".repeat(300), ")".repeat(50), "σ", "·", "∂", "½", "😀",
        "\\u003c", "\"", "\\", "\n", ";", "=", " = ", "w5", "E", "sigmoid(", "relu(x)", "0x1F", "NaN", "-Infinity",
    };
    private static final Set<Integer> ANSWERED = Set.of(200, 400, 413, 422);

    private static Studio studio;
    private static StudioClient page;
    private static String mazur;

    @BeforeAll
    static void start() throws IOException {
        studio = Studio.start(StudioConfig.loopback());
        page = new StudioClient(studio);
        mazur = Files.readString(WorkbenchTest.MAZUR);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @Test
    void hostileProgramsAnswersAndNamesAreAnsweredSafelyOnEveryRequest() throws IOException {
        Random r = new Random(SEED);
        String[] paths = {"/api/evaluate", "/api/check", "/api/step", "/api/quiz", "/api/explain"};
        int refused = 0;
        for (int i = 0; i < 120; i++) {
            String program = mutate(r, r.nextInt(4) == 0 ? mazur : CHAIN);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("program", program);
            if (r.nextBoolean()) {
                body.put("lr", r.nextBoolean() ? 0.5 : r.nextGaussian() * 1e3);
            }
            if (r.nextInt(3) == 0) {
                body.put("inputs", Map.of(pick(r), r.nextGaussian() * 1e6));
            }
            body.put("answers", mutate(r, "dE/dw5 = 0.082167041\nout_h1 = 0.593269992\n"));
            body.put("hidden", List.of(mutate(r, "dE/dw5"), pick(r)));
            body.put("node", mutate(r, "w5"));
            body.put("index", (double) r.nextInt(200) - 50);
            String path = paths[r.nextInt(paths.length)];
            Map<String, Object> reply = checkedReply(path, page.post(path, body), "case " + i + " " + path);
            if (Boolean.FALSE.equals(reply.get("ok"))) {
                refused++;
            }
        }
        assertTrue(refused > 20, "the mutations should mostly be refused, were " + refused + " of 120");
        stillComputesMazur();
    }

    @Test
    void brokenJsonBodiesAreRefusedWithAMessage() throws IOException {
        Random r = new Random(SEED + 1);
        String good = Json.write(Map.of("program", CHAIN, "lr", 0.5));
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[0]);
        bodies.add("[]".getBytes(StandardCharsets.UTF_8));
        bodies.add("{\"program\": 1}".getBytes(StandardCharsets.UTF_8));
        bodies.add("{\"program\": null}".getBytes(StandardCharsets.UTF_8));
        bodies.add(("[".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"a\":".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add("{\"program\": \"x = 1\", \"lr\": 1e400}".getBytes(StandardCharsets.UTF_8));
        bodies.add("{\"program\": \"x = 1\", \"program\": \"y = 2\"}".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 60; i++) {
            byte[] b = good.getBytes(StandardCharsets.UTF_8);
            int cut = r.nextInt(b.length);
            byte[] m = java.util.Arrays.copyOf(b, r.nextBoolean() ? cut : b.length);
            if (m.length > 0) {
                m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            }
            bodies.add(m);
        }
        for (int i = 0; i < bodies.size(); i++) {
            String path = i % 2 == 0 ? "/api/evaluate" : "/api/check";
            RawHttp.Response resp = RawHttp.send(page.port, "POST " + path + " HTTP/1.1\r\nHost: " + page.host
                    + "\r\nOrigin: http://" + page.host + "\r\nContent-Type: application/json\r\nCookie: "
                    + studio.cookieHeader(), bodies.get(i));
            checkedReply(path, resp, "body " + i);
        }
        stillComputesMazur();
    }

    /** The reply's JSON, after the checks every reply must pass. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> checkedReply(String path, RawHttp.Response resp, String what) {
        assertTrue(ANSWERED.contains(resp.status()), what + ": status " + resp.status() + " " + resp.text());
        assertNotNull(resp.header("Content-Security-Policy"), what);
        assertTrue(resp.header("Content-Security-Policy").startsWith("default-src 'self'"), what);
        assertEquals("nosniff", resp.header("X-Content-Type-Options"), what);
        String text = resp.text();
        assertFalse(text.contains("<") || text.contains(">"), what + ": raw markup characters in " + text);
        Object parsed = Json.parse(text);
        Map<String, Object> json = (Map<String, Object>) assertInstanceOf(Map.class, parsed, what);
        assertInstanceOf(Boolean.class, json.get("ok"), what + ": " + text);
        if (Boolean.FALSE.equals(json.get("ok"))) {
            Map<String, Object> error = (Map<String, Object>) json.get("error");
            assertNotNull(error, what + ": " + text);
            assertFalse(((String) error.get("message")).isBlank(), what + ": empty message");
        } else {
            assertEquals(200, resp.status(), what);
        }
        return json;
    }

    private static void stillComputesMazur() throws IOException {
        Map<String, Object> r = StudioClient.json(page.post("/api/evaluate", Map.of("program", mazur)));
        assertEquals(Boolean.TRUE, r.get("ok"), r.toString());
        assertEquals(0.298371109, (Double) r.get("value"), 5e-10);
    }

    private static String pick(Random r) {
        return HOSTILE[r.nextInt(HOSTILE.length)];
    }

    /** One to three random edits: insert a hostile piece, delete, duplicate, or replace a character. */
    private static String mutate(Random r, String s) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(4)) {
                case 0 -> b.insert(at, pick(r));
                case 1 -> {
                    int end = Math.min(b.length(), at + 1 + r.nextInt(12));
                    if (at < end) {
                        b.delete(at, end);
                    }
                }
                case 2 -> {
                    int end = Math.min(b.length(), at + 1 + r.nextInt(30));
                    b.insert(at, b.substring(Math.min(at, end), end));
                }
                default -> {
                    if (at < b.length()) {
                        b.setCharAt(at, (char) (r.nextBoolean() ? r.nextInt(0x80) : 0x80 + r.nextInt(0x2F00)));
                    }
                }
            }
        }
        return b.toString();
    }
}
