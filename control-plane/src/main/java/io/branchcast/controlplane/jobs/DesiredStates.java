package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.JobDesiredState;
import io.branchcast.controlplane.events.KafkaConfig;
import io.branchcast.controlplane.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * DesiredStates announces a job's desired state on the compacted topic through the outbox: the job's current targets
 * and settings while it is active, a tombstone once it ended. Call it in the transaction that changed the job, after
 * the change (the revision is the job's version after the flush).
 */
@ApplicationScoped
public class DesiredStates {

    @Inject
    Outbox outbox;

    @Inject
    KafkaConfig kafka;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "branchcast.public-url")
    String publicUrl;

    public void announce(Job job) {
        if (!job.state.isActive()) {
            outbox.enqueue(kafka.jobsDesiredTopic(), job.id.toString(), null);
            return;
        }
        em.flush();
        Number size = (Number) em.createNativeQuery("SELECT size_bytes FROM artifacts WHERE id = ?1")
                .setParameter(1, job.artifactId).getSingleResult();
        String artifact = publicUrl + "/api/v1/artifacts/" + job.artifactId;
        outbox.enqueue(kafka.jobsDesiredTopic(), job.id.toString(), new JobDesiredState(
                job.id.toString(), job.version, job.artifactId.toString(), artifact + "/manifest", artifact + "/content",
                size == null ? 0 : size.longValue(),
                job.targetSites.stream().map(UUID::toString).toList(), job.targetLabels,
                job.targetAgents.stream().map(UUID::toString).toList(),
                millis(job.startAt), millis(job.deadline), job.priority,
                job.wanCapBytesPerSecond == null ? 0 : job.wanCapBytesPerSecond, job.seedingSeconds,
                job.state == JobState.PAUSED));
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }
}
