package io.branchcast.agent.jobs;

import io.branchcast.contracts.events.TargetState;

/** JobSnapshot is one job as the status endpoint shows it. */
public record JobSnapshot(String jobId, String artifactId, TargetState state, TransferStats stats, boolean seeding,
                          String error) {
}
