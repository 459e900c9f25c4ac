package io.branchcast.contracts.events;

import java.util.List;
import java.util.Map;

/**
 * Topics lists the Kafka topics of Branchcast with their default names. Names are overridable in each component's
 * configuration; the partition counts and configs here are what the design needs (see docs/kafka.md).
 */
public final class Topics {

    /**
     * Desired state of every active job, keyed by job id. Compacted so that a new or returning agent learns every
     * active job by reading the topic from the start; a tombstone (null value) removes a job that ended. One partition:
     * the volume is tiny and agents read it by manual assignment, keeping a single offset each.
     */
    public static final TopicSpec JOBS_DESIRED = new TopicSpec("branchcast.jobs.desired", 1, Map.of(
            "cleanup.policy", "compact",
            "min.cleanable.dirty.ratio", "0.1",
            "segment.ms", "3600000"));

    /** Progress, completion and failure events from agents, keyed by agent id so one agent's events stay in order. */
    public static final TopicSpec AGENT_EVENTS = new TopicSpec("branchcast.agent-events", 6, Map.of(
            "cleanup.policy", "delete",
            "retention.ms", "604800000"));

    /**
     * Aggregated job progress published by the control-plane replica that ingested the agent events; every replica
     * reads it (no consumer group) to feed its own Server-Sent Events clients.
     */
    public static final TopicSpec JOB_PROGRESS = new TopicSpec("branchcast.job-progress", 3, Map.of(
            "cleanup.policy", "delete",
            "retention.ms", "3600000"));

    public static final List<TopicSpec> ALL = List.of(JOBS_DESIRED, AGENT_EVENTS, JOB_PROGRESS);

    private Topics() {
    }
}
