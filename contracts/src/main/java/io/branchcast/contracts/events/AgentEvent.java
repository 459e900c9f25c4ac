package io.branchcast.contracts.events;

import java.util.Objects;

/**
 * AgentEvent is what an agent reports about one job on the agent-events topic (key: agent id). {@code seq} grows with
 * every event the agent emits for the job, so the control plane applies an event only if it is newer than the last it
 * applied: duplicates and reordering cannot move a target backwards. Timestamps are epoch milliseconds.
 *
 * @param errorCode {@link AgentErrorCode#code()} when state is FAILED, else null
 */
public record AgentEvent(String agentId, String jobId, long seq, TargetState state, long bytesDone, long bytesTotal,
                         long bytesFromPeers, long bytesFromOrigin, String errorCode, String errorMessage, long at) {

    /** Upper bound of an error message on the wire; longer ones are cut by the sender. */
    public static final int MAX_ERROR_MESSAGE = 1000;

    public AgentEvent {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        if (seq < 0 || bytesDone < 0 || bytesTotal < 0 || bytesFromPeers < 0 || bytesFromOrigin < 0) {
            throw new IllegalArgumentException("sequence numbers and byte counts cannot be negative");
        }
        if (errorMessage != null && errorMessage.length() > MAX_ERROR_MESSAGE) {
            throw new IllegalArgumentException("error message longer than " + MAX_ERROR_MESSAGE + " characters");
        }
    }
}
