package io.branchcast.agent.daemon;

import io.branchcast.agent.enrollment.Credentials;
import io.branchcast.agent.jobs.JobSnapshot;
import io.branchcast.agent.jobs.Reconciler;
import io.branchcast.agent.kafka.KafkaConnection;
import io.branchcast.agent.progress.EventOutbox;
import io.branchcast.agent.status.AgentStatus;
import io.branchcast.agent.status.JobStatus;
import io.branchcast.contracts.events.TargetState;

import java.util.List;
import java.util.function.Supplier;

/** StatusReport assembles the status endpoint's answer; call it on the reconciler's context. */
final class StatusReport implements Supplier<AgentStatus> {

    private final Credentials credentials;
    private final String version;
    private final KafkaConnection kafka;
    private final EventOutbox outbox;
    private final Reconciler reconciler;

    StatusReport(Credentials credentials, String version, KafkaConnection kafka, EventOutbox outbox,
                 Reconciler reconciler) {
        this.credentials = credentials;
        this.version = version;
        this.kafka = kafka;
        this.outbox = outbox;
        this.reconciler = reconciler;
    }

    @Override
    public AgentStatus get() {
        List<JobStatus> jobs = reconciler.snapshot().stream().map(StatusReport::job).toList();
        return new AgentStatus(credentials.agentId(), credentials.siteId(), version,
                kafka.connected() ? "connected" : "disconnected", outbox.size(), jobs);
    }

    private static JobStatus job(JobSnapshot job) {
        String state = job.state() == TargetState.COMPLETED && job.seeding() ? "SEEDING" : job.state().name();
        return new JobStatus(job.jobId(), job.artifactId(), state, job.stats().bytesDone(), job.stats().bytesTotal(),
                job.stats().bytesFromPeers(), job.stats().bytesFromOrigin(), job.stats().peers(),
                job.stats().downloadRate(), job.stats().uploadRate(), job.error());
    }
}
