package io.branchcast.controlplane.api;

/**
 * ApiException is the control plane's one unchecked exception for failures a client caused or must know about. The
 * {@link ProblemExceptionMapper} turns it into RFC 9457 problem+json with the code's status.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.INVALID, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ErrorCode.CONFLICT, detail);
    }
}
