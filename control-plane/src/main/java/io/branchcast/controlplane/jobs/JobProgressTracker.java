package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.JobProgress;
import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JobProgressTracker moves jobs along as their targets report: scheduled → running at the first target that starts,
 * running → completed when every target completed, → failed when every target ended and some failed. It returns the
 * jobs' fresh progress for live streams. Runs in the caller's transaction.
 */
@ApplicationScoped
public class JobProgressTracker {

    static final String SYSTEM_ACTOR = "system";

    @Inject
    JobSummaries summaries;

    @Inject
    DesiredStates desired;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<JobProgress> refresh(Collection<UUID> jobIds) {
        Map<UUID, JobSummary> byJob = summaries.of(jobIds);
        List<Job> jobs = Job.list("id in ?1", jobIds);
        List<JobProgress> progress = new ArrayList<>(jobs.size());
        Instant now = Instant.now();
        for (Job job : jobs) {
            JobSummary summary = byJob.getOrDefault(job.id, JobSummary.empty());
            advance(job, summary, now);
            progress.add(toProgress(job, summary, now));
        }
        return progress;
    }

    private void advance(Job job, JobSummary summary, Instant now) {
        JobState before = job.state;
        if (job.state == JobState.SCHEDULED && summary.count(TargetState.QUEUED) < summary.totalTargets()) {
            job.state = JobState.RUNNING;
            job.startedAt = now;
        }
        if ((job.state == JobState.RUNNING || job.state == JobState.SCHEDULED) && summary.allTerminal()) {
            job.state = summary.count(TargetState.COMPLETED) == summary.totalTargets() ? JobState.COMPLETED : JobState.FAILED;
            job.finishedAt = now;
            desired.announce(job);
        }
        if (job.state != before) {
            job.updatedAt = now;
            audit.recordAs(SYSTEM_ACTOR, "job." + job.state.name().toLowerCase(), "job", job.id,
                    Map.of("state", before), Map.of("state", job.state));
        }
    }

    static JobProgress toProgress(Job job, JobSummary s, Instant now) {
        return new JobProgress(job.id.toString(), job.state.name(), s.targets(), s.bytesDone(), s.bytesTotal(),
                s.bytesFromPeers(), s.bytesFromOrigin(), s.percent(), now.toEpochMilli());
    }
}
