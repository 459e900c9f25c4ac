package io.branchcast.agent.status;

/**
 * JobStatus is one job in {@link AgentStatus}; rates in bytes per second.
 *
 * @param state a {@link io.branchcast.contracts.events.TargetState} name, or SEEDING for a completed job being seeded
 * @param error "code: message" of a failed job, else null
 */
public record JobStatus(String jobId, String artifactId, String state, long bytesDone, long bytesTotal,
                        long bytesFromPeers, long bytesFromOrigin, int peers, double downloadRate, double uploadRate,
                        String error) {
}
