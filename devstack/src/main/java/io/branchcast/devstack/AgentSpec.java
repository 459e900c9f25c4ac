package io.branchcast.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * AgentSpec is one simulated workstation: its own loopback address, peer and status ports, state directory and the
 * control plane it enrolls with ({@code enrollmentToken} null when its state directory already holds credentials).
 */
public record AgentSpec(String name, String address, int peerPort, int statusPort, Path stateDir,
                        String controlPlaneUrl, String enrollmentToken) {

    public AgentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(controlPlaneUrl, "controlPlaneUrl");
    }

    public String statusUrl() {
        return "http://" + address + ":" + statusPort + "/status";
    }

    /** The agent's {@code run} options (see docs/agent.md). */
    List<String> runOptions() {
        List<String> options = new ArrayList<>(List.of("run",
                "--control-plane.url", controlPlaneUrl,
                "--state.dir", stateDir.toString(),
                "--bind.address", address,
                "--peer.port", Integer.toString(peerPort),
                "--status.address", address,
                "--status.port", Integer.toString(statusPort),
                "--hostname", name,
                // every simulated workstation shares this machine's /etc/machine-id
                "--machine.id", "simulated-" + name));
        if (enrollmentToken != null) {
            options.addAll(List.of("--enrollment.token", enrollmentToken));
        }
        return options;
    }
}
