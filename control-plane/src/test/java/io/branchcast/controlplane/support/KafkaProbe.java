package io.branchcast.controlplane.support;

import io.branchcast.controlplane.events.KafkaClients;
import io.branchcast.devstack.SharedStack;
import io.branchcast.devstack.StackInfo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** KafkaProbe reads and writes the real broker as the tests' own client, logged in with a Keycloak token. */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    private static Map<String, Object> client() {
        StackInfo stack = SharedStack.get();
        return SharedStack.kafkaOAuthClient(stack, "control-plane", StackInfo.CONTROL_PLANE_SECRET);
    }

    public static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = KafkaClients.withKafkaClassLoader(
                () -> new KafkaProducer<>(client(), new StringSerializer(), new StringSerializer()))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** Every record of the topic whose key matches, read from the beginning until {@code quiet} passes with no new record. */
    public static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key, Duration quiet) {
        try (KafkaConsumer<String, String> consumer = KafkaClients.withKafkaClassLoader(
                () -> new KafkaConsumer<>(client(), new StringDeserializer(), new StringDeserializer()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long quietUntil = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < quietUntil || !reached(consumer, end)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
            return found;
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
