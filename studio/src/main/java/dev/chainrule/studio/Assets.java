package dev.chainrule.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's files, served from the jar. The table is fixed: a request names one of these paths or
 * gets 404, so no request can reach any other resource or any file of the machine.
 */
final class Assets {
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/studio.js", new String[] {"studio.js", "text/javascript; charset=utf-8"},
            "/studio.css", new String[] {"studio.css", "text/css; charset=utf-8"},
            "/favicon.svg", new String[] {"favicon.svg", "image/svg+xml"});

    private Assets() {
    }

    /** The asset at {@code path}, or null. */
    static Reply get(String path) {
        String[] f = FILES.get(path);
        if (f == null) {
            return null;
        }
        try (InputStream in = Assets.class.getResourceAsStream("web/" + f[0])) {
            if (in == null) {
                throw new IllegalStateException("the studio's jar lacks its page file web/" + f[0]);
            }
            return new Reply(200, f[1], in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
