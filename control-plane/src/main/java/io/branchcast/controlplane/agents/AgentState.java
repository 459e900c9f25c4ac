package io.branchcast.controlplane.agents;

/** AgentState is where an agent is in its life: enrolled and allowed in, or revoked and locked out everywhere. */
public enum AgentState {
    ACTIVE,
    REVOKED
}
