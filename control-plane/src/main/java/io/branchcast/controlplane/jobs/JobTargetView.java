package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;

import java.time.Instant;
import java.util.UUID;

/** JobTargetView is one agent's row of a job, as the API returns it. */
public record JobTargetView(UUID agentId, String hostname, UUID siteId, TargetState state, long bytesDone,
                            Long bytesTotal, double percent, long bytesFromPeers, long bytesFromOrigin, String errorCode,
                            String errorMessage, Instant startedAt, Instant updatedAt, Instant finishedAt) {
}
