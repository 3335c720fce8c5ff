package dev.chainrule.studio;

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
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the DevTools protocol with nothing but the JDK, as viz's slide-deck
 * test drives it: typing goes through {@code Input.insertText} and key and mouse events through the
 * browser's input pipeline, as a person's would. This one opens an http page (the studio), reads
 * replies as JSON and lets the page download into a folder.
 */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    /** The browser-wide endpoint (downloads are a browser setting, not a page's). */
    private final WebSocket browserSocket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    /** The Chromium binary, if installed. */
    static Path binary() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    Browser(URI url) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("chainrule-studio-chromium-");
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=1280,800", "--lang=en-GB", "about:blank"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile());
        Path tmp = Files.createDirectories(profile.resolve("tmp"));
        pb.environment().put("TMPDIR", tmp.toString());
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
            for (Object t : (List<?>) Json.parse(json)) {
                Map<?, ?> target = (Map<?, ?>) t;
                if ("page".equals(target.get("type"))) {
                    pageUrl = (String) target.get("webSocketDebuggerUrl");
                }
            }
            if (pageUrl == null) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("no page target in " + json);
                }
                Thread.sleep(100);
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).join();
        String version = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/version")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browserSocket = http.newWebSocketBuilder().buildAsync(
                URI.create((String) ((Map<?, ?>) Json.parse(version)).get("webSocketDebuggerUrl")), new Listener()).join();
        send("Page.enable", Map.of());
        send("Page.navigate", Map.of("url", url.toString()));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String msg = buffer.toString();
                buffer.setLength(0);
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) Json.parse(msg);
                if (m.get("id") instanceof Double id) {
                    CompletableFuture<Map<String, Object>> f = pending.remove(id.intValue());
                    if (f != null) {
                        f.complete(m);
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends one protocol command and returns its result object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> send(String method, Map<String, ?> params) {
        return send(socket, method, params);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(WebSocket to, String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        to.sendText(Json.write(Map.of("id", id, "method", method, "params", params)), true).join();
        Map<String, Object> r;
        try {
            r = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + ": no reply: " + e, e);
        }
        if (r.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return (Map<String, Object>) r.get("result");
    }

    /** Evaluates a JavaScript expression and returns its value as text (JSON for objects), awaiting a promise. */
    @SuppressWarnings("unchecked")
    String eval(String expression) {
        Map<String, Object> r = send("Runtime.evaluate", Map.of("expression",
                "(async () => { const v = await (" + expression + "); return typeof v === 'string' ? v : JSON.stringify(v); })()",
                "returnByValue", true, "awaitPromise", true));
        if (r.containsKey("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + r.get("exceptionDetails") + "\nfor " + expression);
        }
        Object v = ((Map<String, Object>) r.get("result")).get("value");
        return v == null ? null : v.toString();
    }

    /** Waits until {@code condition} (JavaScript) is true, or fails saying what was awaited. */
    void await(String condition) throws InterruptedException {
        awaitThat(() -> "true".equals(eval("Boolean(" + condition + ")")), condition);
    }

    void awaitThat(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String shot = System.getProperty("chainrule.studio.failureShot");
                if (shot != null) {   // for debugging the test: what the page showed
                    try {
                        Files.write(Path.of(shot), screenshot());
                    } catch (IOException | RuntimeException e) {
                        // the failure below is the news
                    }
                }
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Types text into the focused element, as an input method would: one input event. */
    void type(String text) {
        send("Input.insertText", Map.of("text", text));
    }

    /** Presses and releases a key, such as ArrowRight (key code 39). */
    void press(String key, int keyCode) {
        for (String type : new String[] {"rawKeyDown", "keyUp"}) {
            send("Input.dispatchKeyEvent", Map.of("type", type, "key", key, "code", key,
                    "windowsVirtualKeyCode", keyCode, "nativeVirtualKeyCode", keyCode));
        }
    }

    /**
     * Scrolls the first element matching a CSS selector into view (unless it is in the graph) and
     * clicks its middle, once the element has stayed in place for two frames and is the element
     * found at that point: on a loaded machine the page may still be laying out after the last
     * change, and a click at a stale point lands on something else (or nothing).
     */
    void click(String selector) {
        String[] xy = eval("(async function(){const e=document.querySelector(" + Json.write(selector) + ");"
                + "if(!e)throw new Error('no element '+" + Json.write(selector) + ");"
                + "if(!(e instanceof SVGElement))e.scrollIntoView({block:'center',inline:'nearest'});"
                + "let last='';"
                + "for(let i=0;i<100;i++){"
                + "await new Promise(f=>requestAnimationFrame(()=>requestAnimationFrame(f)));"
                + "const r=e.getBoundingClientRect();const x=r.left+r.width/2,y=r.top+r.height/2;const at=x+','+y;"
                + "const hit=document.elementFromPoint(x,y);"
                + "if(at===last&&hit&&(hit===e||e.contains(hit)))return at;"
                + "last=at;}"
                + "return last;})()").split(",");
        double x = Double.parseDouble(xy[0]);
        double y = Double.parseDouble(xy[1]);
        send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
        }
    }

    /**
     * Clicks the element as {@link #click} does until {@code took} says the click reached the page,
     * at most three times, as a user clicks again when nothing happens. Under load a click has been
     * seen to land nowhere (CI, twice in a session, the export's status still empty after 60 s)
     * though the element was in place and on top just before it.
     */
    void clickUntil(String selector, BooleanSupplier took, String what) throws InterruptedException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            click(selector);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (took.getAsBoolean()) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        String at = eval("(function(){const r=document.querySelector(" + Json.write(selector) + ").getBoundingClientRect();"
                + "const h=document.elementFromPoint(r.left+r.width/2,r.top+r.height/2);"
                + "return h?h.tagName+'#'+h.id+'.'+h.className:'nothing';})()");
        throw new AssertionError("three clicks on " + selector + " did not start " + what + "; the point clicked shows " + at);
    }

    /** Turns the mouse wheel at the middle of the first element matching a CSS selector. */
    void wheel(String selector, double deltaY) {
        String[] xy = eval("(function(){const r=document.querySelector(" + Json.write(selector) + ").getBoundingClientRect();"
                + "return (r.left+r.width/2)+','+(r.top+r.height/2);})()").split(",");
        send("Input.dispatchMouseEvent", Map.of("type", "mouseWheel", "x", Double.parseDouble(xy[0]),
                "y", Double.parseDouble(xy[1]), "deltaX", 0, "deltaY", deltaY));
    }

    /** Lets the page's downloads land in {@code dir}. */
    void downloadInto(Path dir) {
        send(browserSocket, "Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", dir.toAbsolutePath().toString()));
    }

    /** A PNG screenshot of the page as shown. */
    byte[] screenshot() {
        return Base64.getDecoder().decode((String) send("Page.captureScreenshot", Map.of("format", "png")).get("data"));
    }

    @Override
    public void close() {
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
