package io.branchcast.agent.origin;

/**
 * OriginException is a failed origin fetch: an HTTP status other than the expected one, or a body of the wrong size.
 * {@link #retryable()} tells whether another attempt may succeed (5xx, 408, 429, short or long body).
 */
public final class OriginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final boolean retryable;

    public OriginException(String message, int statusCode, boolean retryable) {
        super(message);
        this.statusCode = statusCode;
        this.retryable = retryable;
    }

    /** The HTTP status, or 0 when the failure is not a status. */
    public int statusCode() {
        return statusCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
