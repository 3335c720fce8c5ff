package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chainrule studio} as the README runs it: it prints a URL with a token, serves it, and stops. */
class StudioCommandTest {

    @Test
    void itPrintsATokenUrlServesThePageAndStopsWhenInterrupted(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger code = new AtomicInteger(-1);
        Thread run = new Thread(() -> code.set(Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "studio", dir.resolve("net.txt").toString(),
                "--no-browser")));
        run.start();
        Pattern url = Pattern.compile("open (http://127\\.0\\.0\\.1:(\\d+)/\\?token=[A-Za-z0-9_-]{43})");
        long deadline = System.nanoTime() + 60_000_000_000L;
        Matcher m = url.matcher("");
        while (!(m = url.matcher(out.toString(StandardCharsets.UTF_8))).find()) {
            assertTrue(System.nanoTime() < deadline && run.isAlive(), "no URL printed: " + out + err);
            Thread.sleep(50);
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, page.statusCode());
        assertTrue(page.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly"));
        URI root = URI.create("http://127.0.0.1:" + m.group(2) + "/");
        assertEquals(403, http.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        run.interrupt();
        run.join(30_000);
        assertTrue(!run.isAlive(), "the command ends when interrupted");
        // The interrupted command closes the server on its own thread, a moment after the command returns.
        deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && listening(http, root)) {
            Thread.sleep(50);
        }
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(root).build(),
                HttpResponse.BodyHandlers.ofString()), "the port is closed");
        assertEquals("", err.toString(StandardCharsets.UTF_8).replace("error: interrupted", "").strip());
    }

    private static boolean listening(HttpClient http, URI root) throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void badOptionsAreExitTwoWithOneLine(@TempDir Path dir) throws IOException {
        Cli caps = Cli.run("studio", "--max-nodes", "0", "--no-browser");
        assertEquals(2, caps.code());
        assertTrue(caps.err().startsWith("error: --max-nodes, --max-program-chars"), caps.err());
        Cli folder = Cli.run("studio", dir.toString(), "--no-browser");
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("it is a folder"), folder.err());
        Cli host = Cli.run("studio", "--host", "no-such-host.invalid", "--no-browser");
        assertEquals(2, host.code());
        assertTrue(host.err().contains("--host no-such-host.invalid"), host.err());
    }
}
