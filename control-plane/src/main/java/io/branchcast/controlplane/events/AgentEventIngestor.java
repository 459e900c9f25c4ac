package io.branchcast.controlplane.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.JobProgress;
import io.branchcast.controlplane.jobs.JobProgressTracker;
import io.branchcast.controlplane.jobs.TargetUpdates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * AgentEventIngestor consumes the agent-events topic in batches (consumer group shared by the replicas) and applies
 * each batch to PostgreSQL in one transaction, committing Kafka offsets only after the database commit. A crash
 * replays the batch, which {@link TargetUpdates} makes harmless. Malformed records are counted, logged and skipped.
 */
@ApplicationScoped
public class AgentEventIngestor {

    private static final Logger LOG = Logger.getLogger(AgentEventIngestor.class);
    /** Hard limit on one record: an agent event is a few hundred bytes. */
    static final int MAX_RECORD_BYTES = 8192;

    @Inject
    KafkaClients clients;

    @Inject
    KafkaConfig config;

    @Inject
    TargetUpdates updates;

    @Inject
    JobProgressTracker tracker;

    @Inject
    JobProgressFanout fanout;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private Counter ingested;
    private Counter rejected;
    private KafkaConsumer<String, String> consumer;
    private BackgroundWorker worker;

    void start(@Observes StartupEvent event) {
        ingested = Counter.builder("branchcast.agent.events.ingested").description("Agent events applied").register(registry);
        rejected = Counter.builder("branchcast.agent.events.rejected").description("Malformed agent events skipped").register(registry);
        if (config.backgroundWorkers()) {
            worker = new BackgroundWorker("agent-event-ingestor", Duration.ZERO, LOG, this::pollOnce).start();
        }
    }

    /** Polls once and applies what came; returns true so the worker polls again at once. */
    boolean pollOnce() {
        ConsumerRecords<String, String> records = consumer().poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
            return true;
        }
        try {
            apply(records);
        } catch (RuntimeException e) {
            rewind(records);
            throw e;
        }
        consumer.commitSync(nextOffsets(records));
        return true;
    }

    /** Parses and applies records in one transaction, then publishes the touched jobs' progress. */
    public int apply(Iterable<ConsumerRecord<String, String>> records) {
        List<AgentEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            AgentEvent event = parse(record);
            if (event != null) {
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        List<JobProgress> progress = QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> jobs = updates.apply(events);
            return jobs.isEmpty() ? List.<JobProgress>of() : tracker.refresh(jobs);
        });
        ingested.increment(events.size());
        fanout.publish(progress);
        return events.size();
    }

    private AgentEvent parse(ConsumerRecord<String, String> record) {
        String value = record.value();
        if (value == null || value.length() > MAX_RECORD_BYTES) {
            return reject(record, value == null ? "empty value" : "value over " + MAX_RECORD_BYTES + " bytes");
        }
        try {
            AgentEvent event = json.readValue(value, AgentEvent.class);
            if (record.key() != null && !record.key().equals(event.agentId())) {
                return reject(record, "key " + record.key() + " does not match agentId " + event.agentId());
            }
            return event;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return reject(record, e.getMessage());
        }
    }

    private AgentEvent reject(ConsumerRecord<String, String> record, String why) {
        rejected.increment();
        LOG.warnf("skipping malformed agent event %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                why.length() > 200 ? why.substring(0, 200) : why);
        return null;
    }

    private void rewind(ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            consumer = clients.consumer("agent-events", config.consumerGroup(), config.ingestBatchSize());
            consumer.subscribe(List.of(config.agentEventsTopic()));
        }
        return consumer;
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop();
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
