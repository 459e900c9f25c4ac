package io.branchcast.controlplane.jobs;

import io.branchcast.controlplane.api.ApiException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.branchcast.controlplane.jobs.JobState.DRAFT;
import static io.branchcast.controlplane.jobs.JobState.FAILED;
import static io.branchcast.controlplane.jobs.JobState.PAUSED;
import static io.branchcast.controlplane.jobs.JobState.RUNNING;
import static io.branchcast.controlplane.jobs.JobState.SCHEDULED;

/** JobTransitions says from which states each admin action may be taken, and refuses the others with a 409. */
public enum JobTransitions {
    SCHEDULE(EnumSet.of(DRAFT)),
    PAUSE(EnumSet.of(SCHEDULED, RUNNING)),
    RESUME(EnumSet.of(PAUSED)),
    CANCEL(EnumSet.of(DRAFT, SCHEDULED, RUNNING, PAUSED)),
    RETRY(EnumSet.of(FAILED, RUNNING));

    private static final Map<JobTransitions, String> VERBS = Map.of(SCHEDULE, "scheduled", PAUSE, "paused",
            RESUME, "resumed", CANCEL, "cancelled", RETRY, "retried");

    private final Set<JobState> from;

    JobTransitions(Set<JobState> from) {
        this.from = from;
    }

    public void require(Job job) {
        if (!from.contains(job.state)) {
            throw ApiException.conflict("job " + job.id + " is " + job.state + "; only a job that is " + from
                    + " can be " + VERBS.get(this));
        }
    }
}
