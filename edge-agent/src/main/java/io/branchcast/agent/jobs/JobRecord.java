package io.branchcast.agent.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.branchcast.contracts.events.TargetState;

import java.util.Objects;

/**
 * JobRecord is what the agent remembers about one job across restarts ({@code <state.dir>/jobs/<jobId>.json}): the
 * revision it acted on, where it stands, and for a completed job the installed file and when it completed (for the
 * seeding period). It is what keeps a restart from doing work twice.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobRecord(String jobId, long revision, TargetState state, String errorCode, String errorMessage,
                        String file, long completedAt) {

    public JobRecord {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
    }

    public static JobRecord queued(String jobId, long revision) {
        return new JobRecord(jobId, revision, TargetState.QUEUED, null, null, null, 0);
    }

    public JobRecord withState(TargetState newState) {
        return new JobRecord(jobId, revision, newState, null, null, file, completedAt);
    }

    public JobRecord withRevision(long newRevision) {
        return new JobRecord(jobId, newRevision, state, errorCode, errorMessage, file, completedAt);
    }

    public JobRecord failed(String code, String message) {
        return new JobRecord(jobId, revision, TargetState.FAILED, code, message, file, completedAt);
    }

    public JobRecord completed(String installedFile, long at) {
        return new JobRecord(jobId, revision, TargetState.COMPLETED, null, null, installedFile, at);
    }
}
