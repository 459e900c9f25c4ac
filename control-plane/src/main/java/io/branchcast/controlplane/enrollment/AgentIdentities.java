package io.branchcast.controlplane.enrollment;

/**
 * AgentIdentities manages the credentials agents log in with (to Kafka and the control plane). Every call is
 * idempotent, so a failed enrollment or revocation can simply be retried.
 */
public interface AgentIdentities {

    /**
     * Creates the agent's identity or brings an existing one to the wanted state (enabled, role, claims, lifespan),
     * and returns its secret: the current one, or a new one when {@code newSecret} (the old one then stops working).
     */
    String ensure(AgentPrincipal agent, boolean newSecret);

    /** Refuses the agent new tokens; tokens already issued stay valid until they expire. Absent identities are fine. */
    void disable(String clientId);
}
