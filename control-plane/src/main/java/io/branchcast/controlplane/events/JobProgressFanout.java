package io.branchcast.controlplane.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.contracts.events.JobProgress;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * JobProgressFanout publishes job progress to the job-progress topic and, on every replica, reads that topic from its
 * end without a consumer group (each replica sees every record) into the {@link JobProgressHub}.
 */
@ApplicationScoped
public class JobProgressFanout {

    private static final Logger LOG = Logger.getLogger(JobProgressFanout.class);

    @Inject
    KafkaClients clients;

    @Inject
    KafkaConfig config;

    @Inject
    JobProgressHub hub;

    @Inject
    ObjectMapper json;

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private BackgroundWorker worker;

    void start(@Observes StartupEvent event) {
        worker = new BackgroundWorker("job-progress-fanout", Duration.ZERO, LOG, this::pollOnce).start();
    }

    /** Progress is ephemeral (the database holds the truth): sent without waiting, a lost update is superseded by the next. */
    public void publish(Collection<JobProgress> progress) {
        for (JobProgress p : progress) {
            try {
                producer().send(new ProducerRecord<>(config.jobProgressTopic(), p.jobId(), json.writeValueAsString(p)),
                        (meta, error) -> {
                            if (error != null) {
                                LOG.debugf("job progress for %s not published: %s", p.jobId(), error.getMessage());
                            }
                        });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean pollOnce() throws Exception {
        for (ConsumerRecord<String, String> record : consumer().poll(Duration.ofMillis(500))) {
            try {
                hub.publish(json.readValue(record.value(), JobProgress.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                LOG.warnf("ignoring a malformed job-progress record at offset %d: %s", record.offset(), e.getOriginalMessage());
            }
        }
        return true;
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            KafkaConsumer<String, String> c = clients.consumer("job-progress", null, 500);
            try {
                List<TopicPartition> partitions = c.partitionsFor(config.jobProgressTopic(), Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToEnd(partitions);
                partitions.forEach(c::position);
            } catch (RuntimeException e) {
                c.close(Duration.ZERO);
                throw e;
            }
            consumer = c;
        }
        return consumer;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = clients.producer("job-progress");
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop();
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
        }
    }
}
