package io.branchcast.agent.status;

import java.util.List;

/**
 * AgentStatus is the body of {@code GET /status}.
 *
 * @param kafka          "connected" or "disconnected"
 * @param bufferedEvents agent events waiting on disk for Kafka
 */
public record AgentStatus(String agentId, String siteId, String version, String kafka, int bufferedEvents,
                          List<JobStatus> jobs) {

    public AgentStatus {
        jobs = List.copyOf(jobs);
    }
}
