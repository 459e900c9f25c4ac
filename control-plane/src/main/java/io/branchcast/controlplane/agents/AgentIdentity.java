package io.branchcast.controlplane.agents;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.branchcast.controlplane.security.CurrentActor;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * AgentIdentity resolves the calling agent from its token's {@code azp} (its Keycloak client id) and refuses agents
 * that are not enrolled and active. A revoked agent's token stays cryptographically valid until it expires; this check
 * is what makes revocation immediate on the control plane.
 */
@RequestScoped
public class AgentIdentity {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentActor actor;

    @Inject
    AgentRepository agents;

    public Agent requireActiveAgent() {
        String clientId = actor.clientId();
        Agent agent = clientId == null ? null : agents.find("clientId", clientId).firstResult();
        if (agent == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "no enrolled agent has client id " + clientId);
        }
        if (agent.state == AgentState.REVOKED) {
            throw new ApiException(ErrorCode.AGENT_REVOKED, "agent " + agent.id + " was revoked at " + agent.revokedAt);
        }
        if (agent.state != AgentState.ACTIVE) {
            throw new ApiException(ErrorCode.FORBIDDEN, "agent " + agent.id + " has not finished enrolling");
        }
        return agent;
    }

    /** For endpoints that agents share with people: callers with the agent role must be active agents. */
    public void requireActiveIfAgent() {
        if (identity.hasRole(Roles.AGENT)) {
            requireActiveAgent();
        }
    }
}
