package io.branchcast.controlplane.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/** KafkaClients builds Kafka producers, consumers and admin clients that log in with the control plane's Keycloak client. */
@ApplicationScoped
public class KafkaClients {

    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;";

    @Inject
    KafkaConfig config;

    /** Idempotent, acks=all: a publication is either in the log once or reported as failed. */
    public KafkaProducer<String, String> producer(String name) {
        Map<String, Object> props = common(name);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return withKafkaClassLoader(() -> new KafkaProducer<>(props, new StringSerializer(), new StringSerializer()));
    }

    /** A consumer in the given group (null: no group, for manual assignment); offsets are committed by hand. */
    public KafkaConsumer<String, String> consumer(String name, String group, int maxPollRecords) {
        Map<String, Object> props = common(name);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return withKafkaClassLoader(() -> new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer()));
    }

    public Admin admin() {
        Map<String, Object> props = common("admin");
        props.put("default.api.timeout.ms", 5000);
        props.put("request.timeout.ms", 3000);
        return withKafkaClassLoader(() -> Admin.create(props));
    }

    /**
     * Builds a Kafka client with the thread's context class loader set to Kafka's own. Kafka and JAAS load the SASL
     * login module and callback handlers by name through that loader; under Quarkus (a restarted test application, a
     * worker thread) it can be another loader, and the client then fails with "must be castable" errors.
     */
    public static <T> T withKafkaClassLoader(java.util.function.Supplier<T> factory) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaProducer.class.getClassLoader());
        try {
            return factory.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Map<String, Object> common(String name) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", config.bootstrapServers());
        props.put("client.id", "control-plane-" + name);
        props.put("security.protocol", config.securityProtocol());
        props.put("sasl.mechanism", "OAUTHBEARER");
        props.put("sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        props.put("sasl.oauthbearer.token.endpoint.url", config.tokenUrl());
        props.put("sasl.oauthbearer.client.credentials.client.id", config.clientId());
        props.put("sasl.oauthbearer.client.credentials.client.secret", config.clientSecret());
        props.put("sasl.jaas.config", LOGIN_MODULE);
        props.put("reconnect.backoff.max.ms", 5000);
        return props;
    }
}
