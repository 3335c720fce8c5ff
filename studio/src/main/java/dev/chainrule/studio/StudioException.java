package dev.chainrule.studio;

/**
 * A request the studio refuses with a message for the page: over a limit, or not what the page
 * sends. The kind tells the page where to show it ({@code limit}, {@code request}, {@code input}).
 */
final class StudioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;

    StudioException(int status, String kind, String message) {
        super(message);
        this.status = status;
        this.kind = kind;
    }

    int status() {
        return status;
    }

    String kind() {
        return kind;
    }

    /** Over one of the {@link StudioLimits}. */
    static StudioException limit(int status, String message) {
        return new StudioException(status, "limit", message);
    }

    /** Not what the page sends. */
    static StudioException request(String message) {
        return new StudioException(400, "request", message);
    }
}
