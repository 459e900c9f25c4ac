package io.branchcast.agent.enrollment;

/** CredentialsException: the credentials file cannot be used (unsafe permissions, unreadable, corrupt). */
public final class CredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
