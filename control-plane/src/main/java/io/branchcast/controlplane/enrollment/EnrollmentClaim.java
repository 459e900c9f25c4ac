package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.agents.AgentView;

import java.util.List;
import java.util.UUID;

/**
 * EnrollmentClaim is what the database part of an enrollment decided: which agent the machine is, in which site with
 * which labels, through which token, whether its identity needs a new secret (the machine moved to another token),
 * and the agent as it was before (null for a new one), for the audit record.
 */
record EnrollmentClaim(UUID agentId, UUID siteId, List<String> labels, UUID tokenId, boolean newSecret,
                       AgentView before) {

    String clientId() {
        return AgentPrincipal.clientIdOf(agentId);
    }

    AgentPrincipal principal() {
        return new AgentPrincipal(agentId, siteId, clientId());
    }
}
