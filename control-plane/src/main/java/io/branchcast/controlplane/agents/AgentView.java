package io.branchcast.controlplane.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** AgentView is an agent as the API returns it; {@code online} means it reported within the last two minutes. */
public record AgentView(UUID id, String clientId, String hostname, String machineId, UUID siteId, List<String> labels, String agentVersion,
                        AgentState state, Instant lastSeenAt, boolean online, Instant enrolledAt, Instant revokedAt) {

    /** An active agent counts as online while its last event is at most this old. */
    public static final Duration ONLINE_WITHIN = Duration.ofMinutes(2);

    public static AgentView of(Agent a) {
        boolean online = a.state == AgentState.ACTIVE && a.lastSeenAt != null
                && a.lastSeenAt.isAfter(Instant.now().minus(ONLINE_WITHIN));
        return new AgentView(a.id, a.clientId, a.hostname, a.machineId, a.siteId, List.copyOf(a.labels), a.agentVersion, a.state,
                a.lastSeenAt, online, a.enrolledAt, a.revokedAt);
    }
}
