package io.branchcast.agent.jobs;

import io.branchcast.contracts.events.AgentErrorCode;

/**
 * JobFailure is a failure that retrying the same revision of the job cannot fix (bad signature, artifact gone, disk
 * full, ...): the job goes to FAILED with its code. Any other exception from a transfer is treated as transient and
 * retried with backoff.
 */
public final class JobFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AgentErrorCode code;

    public JobFailure(AgentErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public JobFailure(AgentErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public AgentErrorCode code() {
        return code;
    }
}
