package io.branchcast.controlplane.jobs;

import java.time.Instant;
import java.util.UUID;

/** AgentJobView is one job an agent is a target of: the job's name and state, and the agent's row of it. */
public record AgentJobView(UUID jobId, String jobName, JobState jobState, UUID artifactId, Instant jobCreatedAt,
                           JobTargetView target) {
}
