package dev.chainrule.studio;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One response: status, content type, body and, for a download, the file name the browser saves
 * it under.
 *
 * @param status   the HTTP status
 * @param type     the Content-Type
 * @param body     the bytes
 * @param download the file name of a download (Content-Disposition: attachment), or null
 */
record Reply(int status, String type, byte[] body, String download) {
    static final String JSON = "application/json; charset=utf-8";

    /** A JSON reply with status 200. */
    static Reply json(Map<String, ?> value) {
        return json(200, value);
    }

    /** A JSON reply. */
    static Reply json(int status, Map<String, ?> value) {
        return new Reply(status, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8), null);
    }

    /** A failure the page shows as a message: {@code {"ok": false, "error": {"kind": ..., "message": ...}}}. */
    static Reply error(int status, String kind, String message) {
        return json(status, Map.of("ok", false, "error", Map.of("kind", kind, "message", message)));
    }

    /** Plain text, for refusals that no page reads. */
    static Reply text(int status, String message) {
        return new Reply(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8), null);
    }

    /** A file the browser downloads. */
    static Reply download(String type, byte[] body, String name) {
        return new Reply(200, type, body, name);
    }
}
