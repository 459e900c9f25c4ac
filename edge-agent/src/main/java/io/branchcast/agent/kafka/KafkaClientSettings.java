package io.branchcast.agent.kafka;

import io.branchcast.agent.enrollment.Credentials;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * KafkaClientSettings are the properties every Kafka client of the agent shares: the broker's SASL/OAUTHBEARER
 * listener, logged in with the agent's own Keycloak client through the client-credentials grant (kafka-clients fetches
 * and refreshes that token itself).
 */
public final class KafkaClientSettings {

    /** kafka-clients only calls token endpoints listed in this JVM-wide system property. */
    public static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private KafkaClientSettings() {
    }

    public static Map<String, Object> forAgent(Credentials credentials) {
        allowTokenUrl(credentials.tokenUrl());
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", credentials.kafkaBootstrap());
        settings.put("client.id", credentials.clientId());
        settings.put("security.protocol", "SASL_PLAINTEXT");
        settings.put("sasl.mechanism", "OAUTHBEARER");
        settings.put("sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        settings.put("sasl.oauthbearer.token.endpoint.url", credentials.tokenUrl());
        settings.put("sasl.oauthbearer.client.credentials.client.id", credentials.clientId());
        settings.put("sasl.oauthbearer.client.credentials.client.secret", credentials.clientSecret());
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        settings.put("reconnect.backoff.max.ms", 10_000);
        // Keycloak tokens live minutes, not hours: the default 300 s refresh buffer cannot be honoured and warns
        settings.put("sasl.login.refresh.buffer.seconds", "60");
        return settings;
    }

    /** A consumer of the desired-state topic: manual assignment, no group, no committed offsets. */
    public static Map<String, Object> consumer(Credentials credentials) {
        Map<String, Object> settings = forAgent(credentials);
        settings.put("client.id", credentials.clientId() + "-desired-state");
        settings.put("key.deserializer", StringDeserializer.class.getName());
        settings.put("value.deserializer", StringDeserializer.class.getName());
        settings.put("enable.auto.commit", "false");
        settings.put("auto.offset.reset", "earliest");
        return settings;
    }

    /** The agent-events producer: idempotent, acknowledged by all in-sync replicas. */
    public static Map<String, Object> producer(Credentials credentials) {
        Map<String, Object> settings = forAgent(credentials);
        settings.put("client.id", credentials.clientId() + "-events");
        settings.put("key.serializer", StringSerializer.class.getName());
        settings.put("value.serializer", StringSerializer.class.getName());
        settings.put("acks", "all");
        settings.put("enable.idempotence", "true");
        settings.put("max.in.flight.requests.per.connection", 5);
        settings.put("linger.ms", 20);
        settings.put("request.timeout.ms", 10_000);
        settings.put("delivery.timeout.ms", 30_000);
        settings.put("max.block.ms", 10_000);
        return settings;
    }

    private static synchronized void allowTokenUrl(String tokenUrl) {
        String allowed = System.getProperty(ALLOWED_URLS_PROPERTY);
        if (allowed == null || allowed.isBlank()) {
            System.setProperty(ALLOWED_URLS_PROPERTY, tokenUrl);
        } else if (!Arrays.asList(allowed.split(",")).contains(tokenUrl)) {
            System.setProperty(ALLOWED_URLS_PROPERTY, allowed + "," + tokenUrl);
        }
    }
}
