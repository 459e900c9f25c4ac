package io.branchcast.agent.enrollment;

import java.io.IOException;

/**
 * EnrollmentThrottledException: the control plane answered 429, too many enrollment requests from this address (a
 * whole office behind one NAT address may be enrolling at once). Worth retrying, no sooner than it said.
 */
public final class EnrollmentThrottledException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public EnrollmentThrottledException(long retryAfterSeconds) {
        super("the control plane is throttling enrollments from this address; it asks to retry in "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
