package io.branchcast.controlplane.enrollment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Enrollment is the answer to a successful enrollment: the agent's identity and credentials, where to log in and
 * connect, and the public keys that verify manifests ({@code signingKeys}: key id to base64 X.509 Ed25519 key).
 */
public record Enrollment(UUID agentId, UUID siteId, List<String> labels, String clientId, String clientSecret,
                         String realmUrl, String tokenUrl, String kafkaBootstrap, String desiredStateTopic,
                         String agentEventsTopic, String controlPlaneUrl, Map<String, String> signingKeys) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Enrollment[agentId=" + agentId + ", clientId=" + clientId + "]";
    }
}
