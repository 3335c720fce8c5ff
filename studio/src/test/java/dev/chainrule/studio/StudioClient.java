package dev.chainrule.studio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The page's side of the conversation, for tests: the right Host, Origin, cookie and JSON. */
final class StudioClient {
    final Studio studio;
    final int port;
    final String host;

    StudioClient(Studio studio) {
        this.studio = studio;
        this.port = studio.port();
        this.host = "127.0.0.1:" + port;
    }

    /** A POST as the page sends it. */
    RawHttp.Response post(String path, String json) throws IOException {
        return RawHttp.send(port, "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host
                + "\r\nContent-Type: application/json\r\nCookie: " + studio.cookieHeader(), json.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST of a JSON object. */
    RawHttp.Response post(String path, Map<String, ?> json) throws IOException {
        return post(path, Json.write(json));
    }

    /** A GET as the page sends it. */
    RawHttp.Response get(String path) throws IOException {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + studio.cookieHeader(), null);
    }

    /** The JSON object a reply carries. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(RawHttp.Response r) {
        return (Map<String, Object>) Json.parse(r.text());
    }
}
