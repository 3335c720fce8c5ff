package dev.chainrule.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio is a server on the user's machine that any web page can make the browser talk to:
 * every request without the token, with another Host, or (changing anything) from another Origin
 * is refused; sizes are capped with a message, and the server keeps serving after each refusal.
 */
class StudioSecurityTest {
    private static final String CHAIN = "x = -2; y = 5; z = -4; q = x + y; f = q·z";

    private static Studio studio;
    private static StudioClient page;

    @BeforeAll
    static void start() {
        studio = Studio.start(StudioConfig.loopback().limits(new StudioLimits(64 << 10, 2_000, 40, 10_000)));
        page = new StudioClient(studio);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    private static RawHttp.Response raw(String head) throws IOException {
        return RawHttp.send(page.port, head, null);
    }

    @Test
    void listensOnLoopbackOnlyWithARandomTokenInTheUrl() {
        String url = studio.url().toString();
        assertTrue(url.startsWith("http://127.0.0.1:" + studio.port() + "/?token="), url);
        String token = url.substring(url.indexOf("token=") + 6);
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 random bits, URL-safe: " + token);
        try (Studio other = Studio.start(StudioConfig.loopback())) {
            assertFalse(other.url().toString().endsWith(token), "each run has its own token");
        }
    }

    @Test
    void withoutTheTokenEveryRequestIs403() throws IOException {
        for (String path : List.of("/", "/studio.js", "/api/file", "/nothing")) {
            RawHttp.Response r = raw("GET " + path + " HTTP/1.1\r\nHost: " + page.host);
            assertEquals(403, r.status(), path);
            assertTrue(r.text().contains("no valid studio token"), r.text());
        }
        RawHttp.Response wrong = raw("GET /?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\nHost: " + page.host);
        assertEquals(403, wrong.status());
        RawHttp.Response wrongCookie = raw("GET /api/file HTTP/1.1\r\nHost: " + page.host
                + "\r\nCookie: chainrule_studio_" + page.port + "=guess");
        assertEquals(403, wrongCookie.status());
        // The token is accepted in the URL of the page only, not of the API.
        String token = studio.url().getRawQuery().substring("token=".length());
        assertEquals(403, raw("GET /api/file?token=" + token + " HTTP/1.1\r\nHost: " + page.host).status());
        RawHttp.Response post = RawHttp.send(page.port, "POST /api/evaluate HTTP/1.1\r\nHost: " + page.host
                + "\r\nOrigin: http://" + page.host + "\r\nContent-Type: application/json",
                "{\"program\": \"f = 1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(403, post.status());
    }

    @Test
    void theTokenInTheUrlMovesToAStrictHttpOnlyCookie() throws IOException {
        String token = studio.url().getRawQuery().substring("token=".length());
        RawHttp.Response r = raw("GET /?token=" + token + " HTTP/1.1\r\nHost: " + page.host);
        assertEquals(303, r.status());
        assertEquals("/", r.header("Location"));
        String cookie = r.header("Set-Cookie");
        assertTrue(cookie.startsWith("chainrule_studio_" + page.port + "=" + token + ";"), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
        RawHttp.Response html = page.get("/");
        assertEquals(200, html.status());
        assertTrue(html.header("Content-Type").startsWith("text/html"));
        assertTrue(html.text().contains("<script src=\"/studio.js\">"), "the page's script comes from the jar");
    }

    @Test
    void everyResponseCarriesAStrictContentSecurityPolicyAndNosniff() throws IOException {
        for (RawHttp.Response r : List.of(page.get("/"), page.get("/studio.js"), page.get("/api/file"),
                raw("GET / HTTP/1.1\r\nHost: " + page.host), page.post("/api/evaluate", Map.of("program", CHAIN)))) {
            String csp = r.header("Content-Security-Policy");
            assertTrue(csp != null && csp.startsWith("default-src 'self';"), String.valueOf(csp));
            assertFalse(csp.contains("unsafe") || csp.contains("*") || csp.contains("http"), csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
        }
    }

    @Test
    void aWrongHostIs403EvenWithTheToken() throws IOException {
        String cookie = "\r\nCookie: " + studio.cookieHeader();
        for (String host : List.of("evil.example", "evil.example:" + page.port, "localhost:" + page.port,
                "127.0.0.1", "127.0.0.1:1", "127.0.0.1:" + page.port + ".evil.example")) {
            RawHttp.Response r = raw("GET /api/file HTTP/1.1\r\nHost: " + host + cookie);
            assertEquals(403, r.status(), host);
            assertTrue(r.text().contains("Host header"), r.text());
        }
        assertEquals(403, raw("GET /api/file HTTP/1.1\r\nHost: " + page.host + "\r\nHost: evil.example" + cookie).status(),
                "two Host headers");
        assertEquals(200, raw("GET /api/file HTTP/1.1\r\nHost: " + page.host + cookie).status());
    }

    @Test
    void aCrossOriginPostIs403() throws IOException {
        byte[] body = Json.write(Map.of("program", CHAIN)).getBytes(StandardCharsets.UTF_8);
        String start = "POST /api/evaluate HTTP/1.1\r\nHost: " + page.host + "\r\nCookie: " + studio.cookieHeader();
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:" + (page.port + 1),
                "https://127.0.0.1:" + page.port)) {
            RawHttp.Response r = RawHttp.send(page.port, start + "\r\nOrigin: " + origin + "\r\nContent-Type: application/json", body);
            assertEquals(403, r.status(), origin);
            assertTrue(r.text().contains("Origin"), r.text());
        }
        assertEquals(403, RawHttp.send(page.port, start + "\r\nContent-Type: application/json", body).status(), "no Origin");
        // A cross-site form can send text/plain without a preflight: the studio wants JSON.
        RawHttp.Response form = RawHttp.send(page.port, start + "\r\nOrigin: http://" + page.host
                + "\r\nContent-Type: text/plain", body);
        assertEquals(403, form.status());
        for (String method : List.of("PUT", "DELETE", "OPTIONS", "PATCH")) {
            assertEquals(403, RawHttp.send(page.port, method + " /api/save HTTP/1.1\r\nHost: " + page.host
                    + "\r\nOrigin: http://" + page.host + "\r\nCookie: " + studio.cookieHeader(), new byte[0]).status(), method);
        }
        assertEquals(200, page.post("/api/evaluate", Map.of("program", CHAIN)).status());
    }

    @Test
    void anOversizedProgramIsRefusedWithAMessageAndTheServerKeepsServing() throws IOException {
        String big = "x = 1\n" + "# padding\n".repeat(250);   // 2,506 characters > 2,000
        RawHttp.Response r = page.post("/api/evaluate", Map.of("program", big));
        assertEquals(413, r.status());
        Map<String, Object> error = error(r);
        assertEquals("limit", error.get("kind"));
        assertTrue(((String) error.get("message")).contains("more than the studio's limit of 2000")
                && ((String) error.get("message")).contains("--max-program-chars"), error.toString());

        RawHttp.Response huge = page.post("/api/evaluate", "{\"program\": \"" + "a".repeat(70_000) + "\"}");
        assertEquals(413, huge.status());
        assertTrue(((String) error(huge).get("message")).contains("limit of 65536 bytes"), huge.text());

        String wide = "x = 1\n" + "f = x" + " + x".repeat(60);   // 61 adds: more than 40 nodes
        RawHttp.Response nodes = page.post("/api/evaluate", Map.of("program", wide));
        assertEquals(422, nodes.status());
        assertTrue(((String) error(nodes).get("message")).contains("more than the studio's limit of 40"), nodes.text());

        Map<String, Object> ok = StudioClient.json(page.post("/api/evaluate", Map.of("program", CHAIN)));
        assertEquals(Boolean.TRUE, ok.get("ok"));
        assertEquals(-12.0, ok.get("value"));
    }

    @Test
    void anEvaluationOverTheTimeLimitIsStoppedWithAMessage() throws IOException {
        try (Studio slow = Studio.start(StudioConfig.loopback().limits(new StudioLimits(1 << 20, 100_000, 500, 1)))) {
            StudioClient c = new StudioClient(slow);
            RawHttp.Response r = c.post("/api/evaluate", Map.of("program", CHAIN));
            assertEquals(422, r.status());
            assertTrue(((String) error(r).get("message")).startsWith("stopped after 1 ms, the studio's time limit"), r.text());
            assertEquals(200, c.get("/api/file").status(), "still serving");
        }
    }

    @Test
    void malformedRequestsAreRefusedWithTheirReason() throws IOException {
        assertEquals(400, page.post("/api/evaluate", "{\"program\": ").status());
        assertTrue(page.post("/api/evaluate", "[1, 2]").text().contains("must be a JSON object"));
        assertTrue(page.post("/api/evaluate", "{\"program\": 3}").text().contains("'program' must be text"));
        assertTrue(page.post("/api/evaluate", "{\"program\": \"f = x\", \"inputs\": {\"x\": 1e400}}").text()
                .contains("a number that fits a double"));
        assertTrue(page.post("/api/evaluate", "[".repeat(5000)).text().contains("levels of nesting"));
        RawHttp.Response notUtf8 = RawHttp.send(page.port, "POST /api/evaluate HTTP/1.1\r\nHost: " + page.host
                + "\r\nOrigin: http://" + page.host + "\r\nContent-Type: application/json\r\nCookie: " + studio.cookieHeader(),
                new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xff, '"', '}'});
        assertEquals(400, notUtf8.status());
        assertTrue(notUtf8.text().contains("not UTF-8"));
        assertEquals(200, page.get("/api/file").status(), "still serving");
    }

    @Test
    void noRequestNamesAServerPath() throws IOException {
        for (String path : List.of("/../pom.xml", "/..%2f..%2fpom.xml", "/etc/passwd", "/web/index.html",
                "/dev/chainrule/studio/web/studio.js", "/studio.js/..", "//studio.js", "/Studio.class")) {
            RawHttp.Response r = page.get(path);
            assertTrue(r.status() == 404 || r.status() == 400, path + " gave " + r.status());
        }
        // The file the page loads is the one named at start-up (here none), whatever the query says.
        Map<String, Object> f = StudioClient.json(page.get("/api/file?path=/etc/passwd&name=/etc/passwd"));
        assertNull(f.get("name"));
        assertFalse(((String) f.get("text")).contains("root:"));
        RawHttp.Response save = page.post("/api/save", Map.of("text", "f = 1", "path", "/tmp/x"));
        assertEquals(409, save.status(), "nothing to save to without a file on the command line");
        // A download's name is made of the output's name, letters and digits only.
        RawHttp.Response export = page.post("/api/export", Map.of("program", "x = 1; passwd = x·2", "format", "svg"));
        assertEquals(200, export.status());
        assertEquals("attachment; filename=\"passwd.svg\"", export.header("Content-Disposition"));
        for (String name : List.of("../../etc/passwd", "a\u0000b", "<b>", "x".repeat(500), "")) {
            assertTrue(Workbench.fileStem(name).matches("[A-Za-z0-9_-]{1,60}"), name);
        }
    }

    @Test
    void saveWritesTheNamedFileAndNothingElse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.txt");
        Files.writeString(file, "f = 2\n");
        try (Studio s = Studio.start(StudioConfig.loopback().file(file))) {
            StudioClient c = new StudioClient(s);
            Map<String, Object> loaded = StudioClient.json(c.get("/api/file"));
            assertEquals("net.txt", loaded.get("name"), "the name only, never the folder");
            assertEquals("f = 2\n", loaded.get("text"));
            assertEquals(200, c.post("/api/save", Map.of("text", "f = 3\n", "name", "other.txt")).status());
            assertEquals("f = 3\n", Files.readString(file));
            try (var files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList(), "no temporary file left, no other file written");
            }
        }
    }

    @Test
    void hostileTextComesBackAsJsonTextNeverAsMarkup() throws IOException {
        String hostile = "f = <script>alert(1)</script>";
        RawHttp.Response r = page.post("/api/evaluate", Map.of("program", hostile));
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        assertFalse(r.text().contains("<script") || r.text().contains("</"), r.text());
        Map<String, Object> error = error(r);
        assertEquals("parse", error.get("kind"));
        assertEquals(1.0, error.get("line"));
        assertEquals(5.0, error.get("column"));
        assertTrue(((String) error.get("message")).contains("<script>"), "the text itself, escaped only as JSON");

        RawHttp.Response check = page.post("/api/check", Map.of("program", CHAIN,
                "answers", "<img src=x onerror=alert(1)> = 3\nq = 3"));
        assertFalse(check.text().contains("<img"), check.text());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) StudioClient.json(check).get("results");
        assertEquals("unreadable", results.get(0).get("verdict"));
        assertTrue(((String) results.get(0).get("written")).startsWith("<img src=x"));
        assertEquals("ok", results.get(1).get("verdict"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(RawHttp.Response r) {
        Map<String, Object> m = StudioClient.json(r);
        assertEquals(Boolean.FALSE, m.get("ok"), r.text());
        return (Map<String, Object>) m.get("error");
    }
}
