package io.branchcast.controlplane.events;

import io.branchcast.contracts.events.JobProgress;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * JobProgressHub hands job progress to this replica's Server-Sent Events clients. It is fed only by the job-progress
 * topic (see {@link JobProgressFanout}), never directly by the ingestor, so that clients of every replica see the same
 * updates whichever replica ingested the agent events.
 */
@ApplicationScoped
public class JobProgressHub {

    private final BroadcastProcessor<JobProgress> updates = BroadcastProcessor.create();

    /**
     * The job's updates. A client that reads slower than updates arrive gets the latest one and skips those in between
     * (progress is a snapshot): a BroadcastProcessor fails a subscriber without demand, which cut a browser's stream
     * in the middle of its response when agents reported in bursts.
     */
    public Multi<JobProgress> updatesOf(String jobId) {
        return updates.filter(p -> p.jobId().equals(jobId)).onOverflow().dropPreviousItems();
    }

    void publish(JobProgress progress) {
        updates.onNext(progress);
    }
}
