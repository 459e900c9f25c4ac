package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.agents.Agent;
import io.branchcast.controlplane.agents.AgentRepository;
import io.branchcast.controlplane.agents.AgentState;
import io.branchcast.controlplane.agents.AgentView;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.UUID;

/**
 * AgentRevocations locks an agent out everywhere. The database comes first: from its commit on, the control plane
 * refuses the agent's tokens and an enrollment in flight cannot re-activate it. Then Keycloak stops issuing it tokens
 * and Kafka drops its ACLs. Should either fail, the agent is already REVOKED and revoking again repeats those steps.
 */
@ApplicationScoped
public class AgentRevocations {

    @Inject
    AgentRepository agents;

    @Inject
    AuditLog audit;

    @Inject
    AgentIdentities identities;

    @Inject
    AgentKafkaAcls acls;

    public AgentView revoke(UUID id) {
        AgentView revoked = QuarkusTransaction.requiringNew().call(() -> markRevoked(id));
        identities.disable(revoked.clientId());
        acls.revoke(revoked.clientId());
        return revoked;
    }

    private AgentView markRevoked(UUID id) {
        Agent agent = agents.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("agent", id));
        if (agent.state != AgentState.REVOKED) {
            AgentView before = AgentView.of(agent);
            agent.state = AgentState.REVOKED;
            agent.revokedAt = Instant.now();
            audit.record("agent.revoke", "agent", agent.id, before, AgentView.of(agent));
        }
        return AgentView.of(agent);
    }
}
