package dev.chainrule.cli;

/**
 * A mistake in what the user asked for (a missing file, a malformed option). The command prints
 * its message to standard error and exits with code 2, without a stack trace.
 */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
