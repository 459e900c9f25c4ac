package io.branchcast.controlplane.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.events.KafkaClients;
import io.branchcast.devstack.SharedStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** AgentKafka is a Kafka client logged in as an agent's own Keycloak client, the way an enrolled agent connects. */
public final class AgentKafka {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentKafka() {
    }

    private static Map<String, Object> client(String clientId, String secret) {
        Map<String, Object> props = new HashMap<>(SharedStack.kafkaOAuthClient(SharedStack.get(), clientId, secret));
        props.put("max.block.ms", 15_000);
        props.put("request.timeout.ms", 5_000);
        props.put("delivery.timeout.ms", 15_000);
        props.put("default.api.timeout.ms", 15_000);
        return props;
    }

    /** A well-formed progress event of the agent for a job that does not exist: accepted by the broker, a no-op for the ingestor. */
    public static String progressEvent(String agentId) {
        try {
            return JSON.writeValueAsString(new AgentEvent(agentId, UUID.randomUUID().toString(), 0, TargetState.QUEUED,
                    0, 0, 0, 0, null, null, System.currentTimeMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KafkaProducer<String, String> producer(String clientId, String secret) {
        return KafkaClients.withKafkaClassLoader(
                () -> new KafkaProducer<>(client(clientId, secret), new StringSerializer(), new StringSerializer()));
    }

    /** Sends one record and waits for the broker's answer; the broker's refusal comes out as the exception's cause. */
    public static RecordMetadata send(KafkaProducer<String, String> producer, String topic, String key, String value)
            throws ExecutionException, InterruptedException, TimeoutException {
        return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }

    /** Reads partition 0 of the topic from the beginning, without a consumer group, until a record with the key shows. */
    public static ConsumerRecord<String, String> readUntilKey(String clientId, String secret, String topic, String key,
                                                              Duration within) {
        try (KafkaConsumer<String, String> consumer = KafkaClients.withKafkaClassLoader(() ->
                new KafkaConsumer<>(client(clientId, secret), new StringDeserializer(), new StringDeserializer()))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
            throw new AssertionError("no record with key " + key + " in " + topic + " within " + within);
        }
    }
}
