package io.branchcast.controlplane.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * JobState is the life cycle of a distribution job: draft → scheduled → running → completed | failed | cancelled, with
 * paused reachable from scheduled and running. Only active jobs are on the desired-state topic.
 */
public enum JobState {
    DRAFT,
    SCHEDULED,
    RUNNING,
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** States in which agents must work on (or hold) the job. */
    public static final Set<JobState> ACTIVE = EnumSet.of(SCHEDULED, RUNNING, PAUSED);

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
