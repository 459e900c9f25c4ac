package io.branchcast.controlplane.api;

/**
 * ErrorCode is the stable, machine-readable code of every error the API returns (the {@code code} member of the
 * problem+json body). Codes never change meaning once released; {@code ErrorCodeTest} keeps them unique.
 */
public enum ErrorCode {
    NOT_FOUND("not-found", 404, "Not found"),
    CONFLICT("conflict", 409, "Conflict"),
    INVALID("invalid", 422, "Invalid request"),
    MALFORMED("malformed", 400, "Malformed request"),
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416, "Range not satisfiable"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    INSUFFICIENT_STORAGE("insufficient-storage", 507, "Insufficient storage"),
    UNAVAILABLE("unavailable", 503, "Service unavailable"),
    ENROLLMENT_TOKEN_INVALID("enrollment-token-invalid", 401, "Enrollment token invalid"),
    ENROLLMENT_TOKEN_EXPIRED("enrollment-token-expired", 410, "Enrollment token expired"),
    ENROLLMENT_TOKEN_USED_UP("enrollment-token-used-up", 410, "Enrollment token used up"),
    ENROLLMENT_TOKEN_REVOKED("enrollment-token-revoked", 410, "Enrollment token revoked"),
    AGENT_REVOKED("agent-revoked", 403, "Agent revoked"),
    INTERNAL("internal", 500, "Internal error");

    private final String code;
    private final int status;
    private final String title;

    ErrorCode(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
