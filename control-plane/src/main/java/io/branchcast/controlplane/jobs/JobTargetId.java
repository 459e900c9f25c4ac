package io.branchcast.controlplane.jobs;

import java.io.Serializable;
import java.util.UUID;

/** JobTargetId is the key of a job target: one job, one agent. */
public record JobTargetId(UUID jobId, UUID agentId) implements Serializable {
}
