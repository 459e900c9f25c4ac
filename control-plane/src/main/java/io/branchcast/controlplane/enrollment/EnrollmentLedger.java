package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.agents.Agent;
import io.branchcast.controlplane.agents.AgentRepository;
import io.branchcast.controlplane.agents.AgentState;
import io.branchcast.controlplane.agents.AgentView;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.branchcast.controlplane.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * EnrollmentLedger holds the database half of an enrollment in two short transactions around the (slow, remote)
 * identity setup: {@link #claim} decides which agent the machine is and spends a token use, {@link #activate} marks the
 * agent enrolled once its identity works. A use is spent with one conditional UPDATE, so concurrent enrollments never
 * exceed a token's uses; enrollments of the same machine are serialized by an advisory lock on its id.
 */
@ApplicationScoped
public class EnrollmentLedger {

    @Inject
    EntityManager em;

    @Inject
    AgentRepository agents;

    @Inject
    AuditLog audit;

    @Transactional
    public EnrollmentClaim claim(EnrollmentRequest request) {
        EnrollmentToken token = usableToken(request.token());
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "branchcast-enroll:" + request.machineId()).getSingleResult();
        Agent agent = agents.find("machineId", request.machineId()).firstResult();
        if (agent != null && agent.state == AgentState.REVOKED) {
            throw agentRevoked(agent.id);
        }
        AgentView before = agent == null ? null : AgentView.of(agent);
        boolean sameToken = agent != null && token.id.equals(agent.enrollmentTokenId);
        if (!sameToken) {
            spendUse(token);
        }
        boolean fresh = agent == null;
        if (fresh) {
            agent = new Agent();
            agent.id = UUID.randomUUID();
            agent.clientId = AgentPrincipal.clientIdOf(agent.id);
            agent.machineId = request.machineId();
            agent.state = AgentState.ENROLLING;
            agent.enrolledAt = Instant.now();
        }
        if (!sameToken) {
            agent.siteId = token.siteId;
            agent.labels = List.copyOf(token.labels);
            agent.enrollmentTokenId = token.id;
        }
        agent.hostname = request.hostname();
        agent.agentVersion = request.agentVersion();
        if (fresh) {
            agents.persist(agent);
        }
        // a machine that moves to another token gets a new secret: whoever held its old credentials is locked out
        return new EnrollmentClaim(agent.id, agent.siteId, List.copyOf(agent.labels), token.id,
                before != null && !sameToken, before);
    }

    /** Marks the agent enrolled and audits the enrollment; a revocation that came in between wins. */
    @Transactional
    public AgentView activate(EnrollmentClaim claim) {
        Agent agent = agents.findById(claim.agentId(), LockModeType.PESSIMISTIC_WRITE);
        if (agent.state == AgentState.REVOKED) {
            throw agentRevoked(agent.id);
        }
        if (agent.state == AgentState.ENROLLING) {
            agent.state = AgentState.ACTIVE;
            agent.enrolledAt = Instant.now();
        }
        AgentView after = AgentView.of(agent);
        audit.recordAs("enrollment-token:" + claim.tokenId(), "agent.enroll", "agent", agent.id, claim.before(), after);
        return after;
    }

    private EnrollmentToken usableToken(String secret) {
        if (!EnrollmentSecret.wellFormed(secret)) {
            throw new ApiException(ErrorCode.ENROLLMENT_TOKEN_INVALID, "the enrollment token is malformed");
        }
        EnrollmentToken token = EnrollmentToken.<EnrollmentToken>find("tokenSha256", (Object) EnrollmentSecret.sha256(secret))
                .firstResult();
        if (token == null) {
            throw new ApiException(ErrorCode.ENROLLMENT_TOKEN_INVALID, "the enrollment token is unknown");
        }
        refuseIfUnusable(token);
        return token;
    }

    /** Spends one use, atomically: the row changes only while it is unrevoked, unexpired and has uses left. */
    private void spendUse(EnrollmentToken token) {
        int spent = em.createNativeQuery("""
                        UPDATE enrollment_tokens SET uses = uses + 1
                        WHERE id = ?1 AND uses < max_uses AND revoked_at IS NULL AND expires_at > now()
                        """)
                .setParameter(1, token.id).executeUpdate();
        if (spent == 0) {
            em.refresh(token);
            refuseIfUnusable(token);
            throw new ApiException(ErrorCode.ENROLLMENT_TOKEN_USED_UP,
                    "enrollment token " + token.id + " has been used " + token.maxUses + " time(s), its maximum");
        }
    }

    private static void refuseIfUnusable(EnrollmentToken token) {
        if (token.revokedAt != null) {
            throw new ApiException(ErrorCode.ENROLLMENT_TOKEN_REVOKED, "enrollment token " + token.id
                    + " was revoked at " + token.revokedAt + "; ask an admin for a new one");
        }
        if (token.expired(Instant.now())) {
            throw new ApiException(ErrorCode.ENROLLMENT_TOKEN_EXPIRED, "enrollment token " + token.id
                    + " expired at " + token.expiresAt + "; ask an admin for a new one");
        }
    }

    private static ApiException agentRevoked(UUID agentId) {
        return new ApiException(ErrorCode.AGENT_REVOKED, "this machine's agent " + agentId
                + " was revoked; it cannot enroll again");
    }
}
