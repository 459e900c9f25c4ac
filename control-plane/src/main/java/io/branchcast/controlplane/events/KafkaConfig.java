package io.branchcast.controlplane.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * KafkaConfig is how the control plane reaches Kafka: SASL/OAUTHBEARER with its own Keycloak client, and the topic
 * names (defaults from io.branchcast.contracts.events.Topics).
 */
@ConfigMapping(prefix = "branchcast.kafka")
public interface KafkaConfig {

    /** Bootstrap servers of the broker's SASL listener. */
    String bootstrapServers();

    /** SASL_PLAINTEXT on loopback; SASL_SSL in production. */
    @WithDefault("SASL_PLAINTEXT")
    String securityProtocol();

    /** Keycloak token endpoint the client-credentials login uses. */
    String tokenUrl();

    @WithDefault("control-plane")
    String clientId();

    String clientSecret();

    @WithDefault("branchcast.jobs.desired")
    String jobsDesiredTopic();

    @WithDefault("branchcast.agent-events")
    String agentEventsTopic();

    @WithDefault("branchcast.job-progress")
    String jobProgressTopic();

    /** Consumer group shared by all control-plane replicas for agent events. */
    @WithDefault("branchcast-control-plane")
    String consumerGroup();

    /** Most agent events applied to PostgreSQL in one transaction. */
    @WithDefault("5000")
    int ingestBatchSize();

    /** Run the agent-event ingestor and the outbox publisher (off only in tests that drive them by hand). */
    @WithDefault("true")
    boolean backgroundWorkers();
}
