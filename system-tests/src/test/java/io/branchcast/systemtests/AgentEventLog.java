package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** AgentEventLog reads every agent event of a job from the topic, through the broker's internal listener. */
final class AgentEventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentEventLog() {
    }

    static List<AgentEvent> ofJob(String jobId) {
        String bootstrap = SystemUnderTest.get().sandbox.stack().kafkaInternalBootstrap();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap,
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.AGENT_EVENTS.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.AGENT_EVENTS.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<AgentEvent> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    parse(record.value(), jobId, events);
                }
            }
            return events;
        }
    }

    private static void parse(String value, String jobId, List<AgentEvent> events) {
        try {
            AgentEvent event = JSON.readValue(value, AgentEvent.class);
            if (jobId.equals(event.jobId())) {
                events.add(event);
            }
        } catch (IOException e) {
            if (value != null && value.contains(jobId)) {
                throw new UncheckedIOException("an agent event of job " + jobId + " does not parse: " + value, e);
            }
        }
    }
}
