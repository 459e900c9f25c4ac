package io.branchcast.agent.enrollment;

/**
 * EnrollmentRefusedException: the control plane answered the enrollment with a client error (4xx); trying again with
 * the same token cannot help. Carries the problem's stable code and detail.
 */
public final class EnrollmentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public EnrollmentRefusedException(int status, String code, String detail) {
        super("enrollment refused (HTTP " + status + (code == null ? "" : ", " + code) + "): " + detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The problem's code, e.g. {@code enrollment-token-expired}; null when the body was not a problem. */
    public String code() {
        return code;
    }
}
