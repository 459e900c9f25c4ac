package io.branchcast.controlplane.enrollment;

import java.util.UUID;

/** AgentPrincipal is what an agent's identity says about it: its id, its site and the client id it logs in as. */
public record AgentPrincipal(UUID agentId, UUID siteId, String clientId) {

    public static String clientIdOf(UUID agentId) {
        return "agent-" + agentId;
    }
}
