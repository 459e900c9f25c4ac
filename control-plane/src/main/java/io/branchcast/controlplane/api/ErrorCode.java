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
    INSUFFICIENT_STORAGE("insufficient-storage", 507, "Insufficient storage"),
    UNAVAILABLE("unavailable", 503, "Service unavailable"),
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
