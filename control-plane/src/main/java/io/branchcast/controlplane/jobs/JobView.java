package io.branchcast.controlplane.jobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JobView is a job as the API returns it, with its progress summary. */
public record JobView(UUID id, String name, UUID artifactId, JobTargets targets, Instant startAt, Instant deadline,
                      int priority, Long wanCapBytesPerSecond, int seedingSeconds, JobState state, String createdBy,
                      Instant createdAt, Instant updatedAt, Instant startedAt, Instant finishedAt, long revision,
                      JobSummary summary) {

    public static JobView of(Job job, JobSummary summary) {
        return new JobView(job.id, job.name, job.artifactId,
                new JobTargets(List.copyOf(job.targetSites), List.copyOf(job.targetLabels), List.copyOf(job.targetAgents)),
                job.startAt, job.deadline, job.priority, job.wanCapBytesPerSecond, job.seedingSeconds, job.state,
                job.createdBy, job.createdAt, job.updatedAt, job.startedAt, job.finishedAt, job.version, summary);
    }

    /** The job without its summary, for audit snapshots. */
    public static JobView withoutSummary(Job job) {
        return of(job, null);
    }
}
