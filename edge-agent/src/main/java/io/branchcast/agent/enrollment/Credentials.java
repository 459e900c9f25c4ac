package io.branchcast.agent.enrollment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials is what the control plane returns on enrollment and the agent keeps in {@code credentials.json}: its
 * identity (agent id, site, labels), its Keycloak client, where Kafka and the topics are, and the manifest signing
 * keys it trusts. Fields added by newer control planes are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Credentials(String agentId, String siteId, List<String> labels, String clientId, String clientSecret,
                          String realmUrl, String tokenUrl, String kafkaBootstrap, String desiredStateTopic,
                          String agentEventsTopic, String controlPlaneUrl, Map<String, String> signingKeys) {

    public Credentials {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(desiredStateTopic, "desiredStateTopic");
        Objects.requireNonNull(agentEventsTopic, "agentEventsTopic");
        labels = labels == null ? List.of() : List.copyOf(labels);
        signingKeys = signingKeys == null ? Map.of() : Map.copyOf(signingKeys);
    }

    @Override
    public String toString() {
        return "Credentials[agentId=" + agentId + ", clientId=" + clientId + ", siteId=" + siteId + "]";
    }
}
