package dev.chainrule.studio;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the studio: the studio is a server on the user's machine, and any web page the
 * user visits can make the browser send requests to it. Every request must
 * <ul>
 *   <li>name the bound address in its {@code Host} header (a DNS-rebinding page sends its own name);</li>
 *   <li>carry the per-run token: once in the printed URL, which moves it into a cookie
 *       ({@code HttpOnly}, {@code SameSite=Strict}, so no other site's request carries it);</li>
 *   <li>if it changes anything ({@code POST}), come from the studio's own page: an {@code Origin} of
 *       this server and a JSON body (a cross-site form cannot send one without a preflight, which
 *       is never answered).</li>
 * </ul>
 * Anything else is 403 with a one-line reason. Every response carries a strict
 * Content-Security-Policy and {@code X-Content-Type-Options: nosniff}.
 */
final class AccessGuard {
    /** The page's scripts, styles and pictures all come from this server; PNG previews and downloads are blob: or data:. */
    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final String token;
    private final String cookieName;
    private final Set<String> hosts = new LinkedHashSet<>();
    private final Set<String> origins = new LinkedHashSet<>();

    AccessGuard(List<InetAddress> bound, int port) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Cookies are not kept apart by port: two studios on one machine must not overwrite each other's.
        this.cookieName = "chainrule_studio_" + port;
        for (InetAddress a : bound) {
            String host = hostText(a) + ":" + port;
            hosts.add(host);
            origins.add("http://" + host);
        }
    }

    /** The address as it appears in a URL's authority: 127.0.0.1, [::1]. */
    static String hostText(InetAddress a) {
        String h = a.getHostAddress();
        if (a instanceof Inet6Address) {
            int zone = h.indexOf('%');
            h = "[" + (zone < 0 ? h : h.substring(0, zone)) + "]";
            if (h.equals("[0:0:0:0:0:0:0:1]")) {
                h = "[::1]";
            }
        }
        return h;
    }

    /** The per-run token: random, 256 bits. */
    String token() {
        return token;
    }

    /** The first bound host:port, for the printed URL. */
    String firstHost() {
        return hosts.iterator().next();
    }

    /**
     * Why this request is refused, or null when it may go on. {@code tokenInQuery} is true for the
     * one request that may carry the token in its URL (the page, opened from the printed link).
     */
    String refusal(HttpExchange ex) {
        Headers h = ex.getRequestHeaders();
        List<String> hostHeaders = h.get("Host");
        if (hostHeaders == null || hostHeaders.size() != 1
                || !hosts.contains(hostHeaders.get(0).toLowerCase(Locale.ROOT))) {
            return "the Host header must be the studio's own address (" + String.join(" or ", hosts) + ")";
        }
        String method = ex.getRequestMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD");
        if (!safe && !method.equals("POST")) {
            return "method " + method + " is not served";
        }
        if (!safe) {
            String origin = h.getFirst("Origin");
            if (origin == null || !origins.contains(origin.toLowerCase(Locale.ROOT)) || h.get("Origin").size() != 1) {
                return "a request that changes anything must come from the studio's own page (Origin "
                        + String.join(" or ", origins) + ")";
            }
            String type = h.getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return "a request that changes anything must send JSON (Content-Type: application/json)";
            }
        }
        if (!matches(cookieToken(h)) && !(safe && isPage(ex) && matches(queryToken(ex)))) {
            return "no valid studio token: open the URL that 'chainrule studio' printed (it carries the token once)";
        }
        return null;
    }

    /** Whether the request is for the page and carries the token in its URL (then the token moves to a cookie). */
    boolean tokenInQuery(HttpExchange ex) {
        return isPage(ex) && matches(queryToken(ex));
    }

    /** The Set-Cookie value that carries the token from now on. */
    String cookie() {
        return cookieName + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** Adds the headers every response carries. */
    static void secureHeaders(Headers out) {
        out.set("Content-Security-Policy", CSP);
        out.set("X-Content-Type-Options", "nosniff");
        out.set("X-Frame-Options", "DENY");
        out.set("Referrer-Policy", "no-referrer");
        out.set("Cache-Control", "no-store");
        out.set("Cross-Origin-Resource-Policy", "same-origin");
    }

    private static boolean isPage(HttpExchange ex) {
        return ex.getRequestURI().getRawPath().equals("/");
    }

    private boolean matches(String given) {
        // Constant time, so the token cannot be guessed a character at a time from response times.
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private String cookieToken(Headers h) {
        List<String> cookies = h.get("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String line : cookies) {
            for (String part : line.split(";")) {
                String p = part.strip();
                if (p.startsWith(cookieName + "=")) {
                    return p.substring(cookieName.length() + 1);
                }
            }
        }
        return null;
    }

    private static String queryToken(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            if (part.startsWith("token=")) {
                return part.substring("token=".length());
            }
        }
        return null;
    }
}
