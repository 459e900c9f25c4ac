package io.branchcast.controlplane.agents;

/**
 * AgentState is where an agent is in its life: enrolling (its row exists, its Keycloak client and Kafka ACLs are being
 * set up; never targeted), enrolled and allowed in, or revoked and locked out everywhere.
 */
public enum AgentState {
    ENROLLING,
    ACTIVE,
    REVOKED
}
