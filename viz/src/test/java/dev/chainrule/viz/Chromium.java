package dev.chainrule.viz;

import dev.chainrule.engine.internal.JsonText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the DevTools protocol, with nothing but the JDK: real key
 * presses and mouse clicks go through the browser's input pipeline, as a person's would.
 */
final class Chromium implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    /** The Chromium binary, if installed. */
    static Path binary() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    Chromium(Path page) throws IOException, InterruptedException {
        this(page, Map.of());
    }

    /** Opens {@code page} with extra environment variables (e.g. FONTCONFIG_FILE for a font set of the test's own). */
    Chromium(Path page, Map<String, String> environment) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("chainrule-chromium-");
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=1280,900", page.toUri().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile());
        // Chromium's own temp files (singleton socket, shared memory) go inside the profile, deleted on close.
        Path tmp = Files.createDirectories(profile.resolve("tmp"));
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().putAll(environment);
        process = pb.start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                String log = Files.exists(profile.resolve("chromium.log")) ? Files.readString(profile.resolve("chromium.log")) : "";
                close();
                throw new IllegalStateException("Chromium did not start its DevTools endpoint:\n" + log);
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String pageUrl = null;
        while (pageUrl == null) {
            String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(json);
            Matcher m2 = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"").matcher(json);
            if (m.find()) {
                pageUrl = m.group(1);
            } else if (m2.find()) {
                pageUrl = m2.group(1);
            } else if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("no page target in " + json);
            } else {
                Thread.sleep(100);
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).join();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String msg = buffer.toString();
                buffer.setLength(0);
                Matcher m = Pattern.compile("^\\{\"id\":(\\d+),").matcher(msg);
                if (m.find()) {
                    CompletableFuture<String> f = pending.remove(Integer.parseInt(m.group(1)));
                    if (f != null) {
                        f.complete(msg);
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends one protocol command and returns the raw JSON reply. */
    String send(String method, String paramsJson) {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}", true).join();
        try {
            String r = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (r.contains("\"error\":")) {
                throw new IllegalStateException(method + " failed: " + r);
            }
            return r;
        } catch (Exception e) {
            throw new IllegalStateException(method + ": no reply: " + e, e);
        }
    }

    /** Evaluates a JavaScript expression that yields a string or number, and returns it as text. */
    String eval(String expression) {
        String r = send("Runtime.evaluate", "{\"expression\":" + json(expression) + ",\"returnByValue\":true}");
        Matcher m = Pattern.compile("\"value\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE+]+|true|false|null)").matcher(r);
        if (!m.find()) {
            throw new IllegalStateException("no value in " + r);
        }
        return m.group(2) != null ? unjson(m.group(2)) : m.group(1);
    }

    /** Waits until the page (not Chromium's blank start page) has loaded. */
    void awaitLoaded() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        // The first page Chromium reports can still be its blank one, already "complete".
        while (!"true".equals(eval("String(document.readyState === 'complete' && location.href !== 'about:blank')"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not finish loading");
            }
            Thread.sleep(50);
        }
    }

    /** Presses and releases a key, such as ArrowRight (key code 39). */
    void press(String key, int keyCode) {
        for (String type : new String[] {"rawKeyDown", "keyUp"}) {
            send("Input.dispatchKeyEvent", "{\"type\":\"" + type + "\",\"key\":\"" + key + "\",\"code\":\"" + key
                    + "\",\"windowsVirtualKeyCode\":" + keyCode + ",\"nativeVirtualKeyCode\":" + keyCode + "}");
        }
    }

    /** Clicks the middle of the element with this id with the mouse. */
    void click(String id) {
        String[] xy = eval("(function(){var r=document.getElementById('" + id + "').getBoundingClientRect();"
                + "return (r.left+r.width/2)+','+(r.top+r.height/2);})()").split(",");
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            send("Input.dispatchMouseEvent", "{\"type\":\"" + type + "\",\"x\":" + xy[0] + ",\"y\":" + xy[1]
                    + ",\"button\":\"left\",\"clickCount\":1}");
        }
    }

    /** A PNG screenshot of the page as shown. */
    byte[] screenshot() {
        String r = send("Page.captureScreenshot", "{\"format\":\"png\"}");
        Matcher m = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(r);
        if (!m.find()) {
            throw new IllegalStateException("no screenshot in reply");
        }
        return java.util.Base64.getDecoder().decode(m.group(1));
    }

    private static String json(String s) {
        return JsonText.quote(s);
    }

    private static String unjson(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        // Chromium's helper processes can outlive the browser for a moment and write into the
        // profile; wait for them too before deleting it.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        process.destroy();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        try (Stream<Path> s = Files.walk(profile)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
