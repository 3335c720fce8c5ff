package dev.chainrule.studio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The studio: a local web workbench for hand derivations and slides, served to the user's own
 * browser. Type a program, see its graph with every value and gradient, click a node for its
 * chain-rule step, step through the backward pass, check your own answers, export pictures.
 *
 * <pre>{@code
 * try (Studio s = Studio.start(StudioConfig.loopback())) {
 *     System.out.println("open " + s.url());
 *     s.awaitClose();
 * }
 * }</pre>
 *
 * <p>It is a server on the user's machine, so it trusts no request: see {@link AccessGuard} for
 * the token, Host and Origin checks, {@link StudioLimits} for the caps. It reads and writes only
 * the file named in {@link StudioConfig#file()}, and only on the page's Save button; everything
 * else leaves through the browser's downloads. It uses the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}): nothing to download, and a dozen small JSON requests a minute
 * need no more.
 */
public final class Studio implements AutoCloseable {
    private final StudioConfig config;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService handlers;
    private final Deadline deadline;
    private final Workbench bench;
    private final AccessGuard guard;
    private final int port;
    private final Object closed = new Object();
    private volatile boolean open = true;

    private Studio(StudioConfig config) throws IOException {
        this.config = config;
        this.handlers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "chainrule-studio-http");
            t.setDaemon(true);
            return t;
        });
        this.deadline = new Deadline(config.limits().evalMillis());
        this.bench = new Workbench(config.limits());
        int p = config.port();
        List<InetAddress> bound = new ArrayList<>();
        IOException firstFailure = null;
        for (InetAddress a : config.addresses()) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(a, p), 16);
                p = s.getAddress().getPort();   // every address on the first one's port
                s.createContext("/", this::handle);
                s.setExecutor(handlers);
                servers.add(s);
                bound.add(a);
            } catch (IOException e) {
                // The default's ::1 is optional: a machine without IPv6 still gets 127.0.0.1.
                boolean optional = a.getHostAddress().startsWith("0:0:0:0:0:0:0:1") && !bound.isEmpty()
                        && StudioConfig.loopback().addresses().equals(config.addresses());
                if (!optional) {
                    firstFailure = e;
                    break;
                }
            }
        }
        if (firstFailure != null || servers.isEmpty()) {
            servers.forEach(s -> s.stop(0));
            handlers.shutdownNow();
            throw firstFailure != null ? firstFailure : new IOException("could not listen on any address");
        }
        this.port = p;
        this.guard = new AccessGuard(bound, port);
        servers.forEach(HttpServer::start);
    }

    /**
     * Starts listening.
     *
     * @throws UncheckedIOException if an address cannot be bound (the port is taken, or the
     *                              address is not this machine's); the message names it
     */
    public static Studio start(StudioConfig config) {
        try {
            return new Studio(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.addresses().stream()
                    .map(AccessGuard::hostText).toList() + " port " + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** The URL to open: it carries the per-run token once (the page then moves it into a cookie). */
    public URI url() {
        return URI.create("http://" + guard.firstHost() + "/?token=" + guard.token());
    }

    /** The port listened on. */
    public int port() {
        return port;
    }

    /** Blocks until {@link #close()} is called (from a shutdown hook, on Ctrl-C). */
    public void awaitClose() throws InterruptedException {
        synchronized (closed) {
            while (open) {
                closed.wait();
            }
        }
    }

    /** Stops listening; requests in progress get a second to finish. Closing twice does nothing more. */
    @Override
    public void close() {
        synchronized (closed) {
            if (!open) {
                return;
            }
        }
        servers.forEach(s -> s.stop(1));
        handlers.shutdownNow();
        deadline.close();
        synchronized (closed) {
            open = false;
            closed.notifyAll();
        }
    }

    // ------------------------------------------------------------------ requests

    private void handle(HttpExchange ex) {
        try (ex) {
            AccessGuard.secureHeaders(ex.getResponseHeaders());
            Reply reply;
            try {
                reply = route(ex);
            } catch (StudioException e) {
                reply = Reply.error(e.status(), e.kind(), e.getMessage());
            } catch (OutOfMemoryError e) {
                reply = Reply.error(422, "limit", "out of memory: the program or its graph is too large");
            } catch (StackOverflowError e) {
                reply = Reply.error(422, "limit", "the program nests too deeply to process; nest it less deeply");
            } catch (Throwable e) {   // whatever goes wrong, the page gets an answer, never a hung request
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                boolean user = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                        || e instanceof ArithmeticException;
                reply = Reply.error(user ? 422 : 500, user ? "input" : "internal",
                        user ? m : "internal error in the studio: " + e.getClass().getSimpleName() + ": " + m);
            }
            send(ex, reply);
        } catch (IOException e) {
            // The browser went away mid-reply: nothing to tell it.
        }
    }

    private Reply route(HttpExchange ex) throws IOException {
        String refusal = guard.refusal(ex);
        if (refusal != null) {
            drain(ex);
            return Reply.text(403, "403 forbidden: " + refusal);
        }
        String path = ex.getRequestURI().getRawPath();
        if (ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD")) {
            if (path.equals("/") && guard.tokenInQuery(ex)) {
                // The token leaves the address bar (and the history) for an HttpOnly cookie.
                ex.getResponseHeaders().add("Set-Cookie", guard.cookie());
                ex.getResponseHeaders().set("Location", "/");
                return Reply.text(303, "see /");
            }
            if (path.equals("/api/file")) {
                return Reply.json(file());
            }
            Reply asset = Assets.get(path);
            return asset != null ? asset : Reply.text(404, "404 not found: the studio serves its page and its API only");
        }
        String body = body(ex);
        return switch (path) {
            case "/api/evaluate" -> Reply.json(deadline.run(() -> bench.evaluate(request(body))));
            case "/api/check" -> Reply.json(deadline.run(() -> bench.check(request(body))));
            case "/api/step" -> Reply.json(deadline.run(() -> bench.step(request(body))));
            case "/api/quiz" -> Reply.json(deadline.run(() -> bench.quiz(request(body))));
            case "/api/explain" -> Reply.json(deadline.run(() -> bench.explain(request(body))));
            case "/api/export" -> deadline.run(() -> bench.export(request(body)));
            case "/api/save" -> Reply.json(save(request(body)));
            default -> Reply.text(404, "404 not found: no such request");
        };
    }

    private StudioRequest request(String body) {
        return StudioRequest.parse(body, config.limits());
    }

    /** The file named on the command line, or a first example when none was. */
    private Map<String, Object> file() {
        Map<String, Object> out = new LinkedHashMap<>();
        Path f = config.file();
        out.put("ok", true);
        if (f == null) {
            out.put("name", null);
            out.put("text", "# f = (x + y)·z, the chain rule's first example. Type your own program here.\n"
                    + "x = -2\ny = 5\nz = -4\nq = x + y\nf = q·z\n");
            return out;
        }
        out.put("name", String.valueOf(f.getFileName()));
        if (!Files.exists(f)) {
            out.put("text", "");
            out.put("note", "the file does not exist yet; Save creates it");
            return out;
        }
        try {
            byte[] bytes = Files.readAllBytes(f);
            if (bytes.length > config.limits().maxProgramChars() * 4L) {
                throw StudioException.limit(413, "the file has " + bytes.length + " bytes, more than the studio's limit of "
                        + config.limits().maxProgramChars() + " characters; start the studio with --max-program-chars");
            }
            out.put("text", StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new StudioException(422, "input", "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new StudioException(422, "input", "cannot read the file: " + e.getMessage());
        }
        return out;
    }

    /** Writes the editor's text to the file named on the command line, atomically. */
    private Map<String, Object> save(StudioRequest r) throws IOException {
        Path f = config.file();
        if (f == null) {
            throw new StudioException(409, "input", "no file was named on the command line ('chainrule studio FILE'); "
                    + "use Export to download instead");
        }
        String text = r.text("text");
        Path dir = f.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + f.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Map.of("ok", true, "saved", String.valueOf(f.getFileName()));
    }

    /** The request body as UTF-8 text, within {@link StudioLimits#maxRequestBytes()}. */
    private String body(HttpExchange ex) throws IOException {
        int max = config.limits().maxRequestBytes();
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
            drain(ex);
            throw tooLarge(Long.parseLong(length), max);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = ex.getRequestBody()) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0; ) {
                buf.write(chunk, 0, n);
                if (buf.size() > max) {
                    drain(ex);
                    throw tooLarge(buf.size(), max);
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw StudioException.request("the request is not UTF-8");
        }
    }

    private static StudioException tooLarge(long size, int max) {
        return StudioException.limit(413, "the request has " + (size > max ? "more than " + max : size)
                + " bytes, more than the studio's limit of " + max + " bytes; start the studio with --max-request-kb");
    }

    /**
     * Reads and drops a refused request's body, up to {@value #DRAIN_LIMIT} bytes, so that the client
     * gets the reply instead of a reset connection; a body that declares no length is not waited for.
     */
    private static void drain(HttpExchange ex) {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length == null || !length.matches("[0-9]{1,18}") || Long.parseLong(length) > DRAIN_LIMIT) {
            return;
        }
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // refused anyway
        }
    }

    /** 64 MiB: a larger refused body is cut off with the connection. */
    private static final long DRAIN_LIMIT = 64L << 20;

    private static void send(HttpExchange ex, Reply r) throws IOException {
        ex.getResponseHeaders().set("Content-Type", r.type());
        if (r.download() != null) {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + r.download() + "\"");
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(r.status(), head ? -1 : r.body().length == 0 ? -1 : r.body().length);
        if (!head && r.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    /** For tests: the token-free address, such as {@code http://127.0.0.1:PORT}. */
    String origin() {
        return "http://" + guard.firstHost();
    }

    /** For tests: the cookie the page carries after opening the URL. */
    String cookieHeader() {
        String c = guard.cookie();
        return c.substring(0, c.indexOf(';'));
    }

}
