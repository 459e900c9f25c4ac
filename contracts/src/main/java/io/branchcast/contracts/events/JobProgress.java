package io.branchcast.contracts.events;

import java.util.Map;

/**
 * JobProgress is a job's aggregated progress, published on the job-progress topic by the control-plane replica that
 * ingested agent events, so that every replica can push it to its Server-Sent Events clients.
 */
public record JobProgress(String jobId, String state, Map<TargetState, Long> targets, long bytesDone, long bytesTotal,
                          long bytesFromPeers, long bytesFromOrigin, double percent, long at) {

    public JobProgress {
        targets = Map.copyOf(targets);
    }
}
