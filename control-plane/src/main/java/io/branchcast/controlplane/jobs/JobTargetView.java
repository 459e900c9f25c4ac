package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;

import java.time.Instant;
import java.util.UUID;

/** JobTargetView is one agent's row of a job, as the API returns it. */
public record JobTargetView(UUID agentId, String hostname, UUID siteId, TargetState state, long bytesDone,
                            Long bytesTotal, double percent, long bytesFromPeers, long bytesFromOrigin, String errorCode,
                            String errorMessage, Instant startedAt, Instant updatedAt, Instant finishedAt) {

    public static JobTargetView of(JobTarget t, String hostname, UUID siteId) {
        double percent = t.state == TargetState.COMPLETED ? 100.0
                : t.bytesTotal == null || t.bytesTotal == 0 ? 0 : Math.round(t.bytesDone * 10000.0 / t.bytesTotal) / 100.0;
        return new JobTargetView(t.agentId, hostname, siteId, t.state, t.bytesDone, t.bytesTotal, percent,
                t.bytesFromPeers, t.bytesFromOrigin, t.errorCode, t.errorMessage, t.startedAt, t.updatedAt, t.finishedAt);
    }
}
