package io.branchcast.agent.jobs;

import io.branchcast.contracts.events.JobDesiredState;

import java.util.Map;

/** DesiredStateListener receives what the {@link DesiredStateConsumer} reads, on the listener's context. */
public interface DesiredStateListener {

    /** Every active job, read from the start of the topic up to its end at start-up. */
    void caughtUp(Map<String, JobDesiredState> states);

    /** A later change; {@code state} is null when the job ended (tombstone). */
    void changed(String jobId, JobDesiredState state);
}
