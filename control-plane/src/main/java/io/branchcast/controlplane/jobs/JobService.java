package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.audit.AuditLog;
import io.branchcast.controlplane.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * JobService creates jobs and carries out admin actions on them. Each change, its audit record and its desired-state
 * announcement (outbox) commit in one transaction.
 */
@ApplicationScoped
public class JobService {

    @Inject
    TargetSelector selector;

    @Inject
    DesiredStates desired;

    @Inject
    AuditLog audit;

    @Inject
    CurrentActor actor;

    @Inject
    EntityManager em;

    public Job get(UUID id) {
        Job job = Job.findById(id);
        if (job == null) {
            throw ApiException.notFound("job", id);
        }
        return job;
    }

    @Transactional
    public Job create(JobRequest request) {
        Instant now = Instant.now();
        validateSchedule(request, now);
        String artifact = readyArtifactName(request.artifactId());
        if (request.targets().isEmpty()) {
            throw ApiException.invalid("a job needs targets: list siteIds, labels and/or agentIds");
        }
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.name = request.name() == null || request.name().isBlank() ? artifact : request.name().strip();
        job.artifactId = request.artifactId();
        job.targetSites = request.targets().siteIds();
        job.targetLabels = request.targets().labels();
        job.targetAgents = request.targets().agentIds();
        job.startAt = request.startAt();
        job.deadline = request.deadline();
        job.priority = request.priority() == null ? 0 : request.priority();
        job.wanCapBytesPerSecond = request.wanCapBytesPerSecond();
        job.seedingSeconds = request.seedingSeconds() == null ? JobRequest.DEFAULT_SEEDING_SECONDS : request.seedingSeconds();
        job.state = Boolean.TRUE.equals(request.draft()) ? JobState.DRAFT : JobState.SCHEDULED;
        job.createdBy = actor.name();
        job.createdAt = now;
        job.updatedAt = now;
        job.persist();
        em.flush();
        if (selector.insertTargets(job.id, request.targets()) == 0) {
            throw ApiException.invalid("the targets match no active agent; check the sites, labels and agent ids");
        }
        if (job.state != JobState.DRAFT) {
            desired.announce(job);
        }
        audit.record("job.create", "job", job.id, null, JobView.withoutSummary(job));
        return job;
    }

    @Transactional
    public Job act(UUID id, JobTransitions action) {
        Job job = get(id);
        action.require(job);
        JobView before = JobView.withoutSummary(job);
        switch (action) {
            case SCHEDULE -> job.state = JobState.SCHEDULED;
            case PAUSE -> job.state = JobState.PAUSED;
            case RESUME -> job.state = job.startedAt == null ? JobState.SCHEDULED : JobState.RUNNING;
            case CANCEL -> cancel(job);
            case RETRY -> retry(job);
        }
        job.updatedAt = Instant.now();
        desired.announce(job);
        audit.record("job." + action.name().toLowerCase(), "job", job.id, before, JobView.withoutSummary(job));
        return job;
    }

    private void cancel(Job job) {
        job.state = JobState.CANCELLED;
        job.finishedAt = Instant.now();
        em.createQuery("UPDATE JobTarget t SET t.state = :cancelled, t.finishedAt = :now, t.updatedAt = :now "
                        + "WHERE t.jobId = :job AND t.state NOT IN :terminal")
                .setParameter("cancelled", TargetState.CANCELLED).setParameter("now", Instant.now())
                .setParameter("job", job.id)
                .setParameter("terminal", List.of(TargetState.COMPLETED, TargetState.FAILED, TargetState.CANCELLED))
                .executeUpdate();
    }

    private void retry(Job job) {
        int reset = em.createQuery("UPDATE JobTarget t SET t.state = :queued, t.errorCode = null, t.errorMessage = null, "
                        + "t.finishedAt = null, t.updatedAt = :now WHERE t.jobId = :job AND t.state = :failed")
                .setParameter("queued", TargetState.QUEUED).setParameter("now", Instant.now())
                .setParameter("job", job.id).setParameter("failed", TargetState.FAILED)
                .executeUpdate();
        if (reset == 0) {
            throw ApiException.conflict("job " + job.id + " has no failed targets to retry");
        }
        job.state = job.startedAt == null ? JobState.SCHEDULED : JobState.RUNNING;
        job.finishedAt = null;
    }

    private static void validateSchedule(JobRequest request, Instant now) {
        if (request.deadline() != null) {
            if (request.deadline().isBefore(now)) {
                throw ApiException.invalid("deadline " + request.deadline() + " is in the past");
            }
            if (request.startAt() != null && !request.deadline().isAfter(request.startAt())) {
                throw ApiException.invalid("deadline " + request.deadline() + " is not after startAt " + request.startAt());
            }
        }
    }

    private String readyArtifactName(UUID artifactId) {
        List<?> rows = em.createNativeQuery("SELECT name, version, state FROM artifacts WHERE id = ?1")
                .setParameter(1, artifactId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.invalid("artifact " + artifactId + " does not exist");
        }
        Object[] row = (Object[]) rows.get(0);
        if (!"READY".equals(row[2])) {
            throw ApiException.conflict("artifact " + artifactId + " is " + row[2] + "; only a READY artifact can be distributed");
        }
        return row[0] + " " + row[1];
    }
}
