package io.branchcast.agent.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * AgentConfig is the validated configuration of the agent daemon (see docs/agent.md for every key).
 *
 * @param enrollmentToken needed only until the agent is enrolled; null when not given
 * @param machineId       null when not configured: then /etc/machine-id, else an id generated in the state directory
 */
public record AgentConfig(URI controlPlaneUrl, String enrollmentToken, Path stateDir, Path dataDir,
                          String bindAddress, int peerPort, String statusAddress, int statusPort, String hostname,
                          String machineId) {

    /** True unless the agent binds to the wildcard address (then the OS picks the source address). */
    public boolean bindsSpecificAddress() {
        return !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::");
    }
}
