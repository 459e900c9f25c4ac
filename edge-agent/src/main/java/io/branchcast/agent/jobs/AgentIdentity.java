package io.branchcast.agent.jobs;

import java.util.List;

/** AgentIdentity is who this agent is for job targeting: its id, its site and its labels. */
public record AgentIdentity(String agentId, String siteId, List<String> labels) {

    public AgentIdentity {
        labels = List.copyOf(labels);
    }
}
