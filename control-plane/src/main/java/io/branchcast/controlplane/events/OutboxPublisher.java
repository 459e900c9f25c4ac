package io.branchcast.controlplane.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * OutboxPublisher sends committed outbox rows to Kafka in id order and deletes them once the broker acknowledged them
 * (idempotent producer, acks=all). One replica publishes at a time (a PostgreSQL advisory lock), so per-key order
 * holds across replicas. A crash after the ack but before the delete re-sends the row: every record carries its
 * outbox id in the header {@value #OUTBOX_ID_HEADER}, and desired-state values carry a revision, so consumers see
 * each change once.
 */
@ApplicationScoped
public class OutboxPublisher {

    public static final String OUTBOX_ID_HEADER = "branchcast-outbox-id";
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final int BATCH = 500;
    /** Arbitrary but fixed: the advisory lock that elects the publishing replica. */
    private static final long PUBLISHER_LOCK = 0x6272616e6368L;

    @Inject
    KafkaClients clients;

    @Inject
    KafkaConfig config;

    @Inject
    EntityManager em;

    private KafkaProducer<String, String> producer;
    private BackgroundWorker worker;

    void start(@Observes StartupEvent event) {
        if (config.backgroundWorkers()) {
            worker = new BackgroundWorker("outbox-publisher", Duration.ofSeconds(1), LOG, () -> publishPending() == BATCH).start();
        }
    }

    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Enqueued event) {
        if (worker != null) {
            worker.wake();
        }
    }

    /** Publishes up to one batch of pending rows; returns how many were published (0 when another replica publishes). */
    public int publishPending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + PUBLISHER_LOCK + ")").getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxMessage> batch = em.createQuery("FROM OutboxMessage ORDER BY id", OutboxMessage.class)
                    .setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxMessage m : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(m.topic, m.key, m.payload);
                record.headers().add(OUTBOX_ID_HEADER, m.id.toString().getBytes(StandardCharsets.US_ASCII));
                acks.add(producer().send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
            em.createQuery("DELETE FROM OutboxMessage WHERE id IN :ids")
                    .setParameter("ids", batch.stream().map(m -> m.id).toList()).executeUpdate();
            return batch.size();
        });
    }

    /** Rows waiting for publication and the age of the oldest, for metrics. */
    public Lag lag() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox").getSingleResult();
        return new Lag(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
    }

    /** The outbox backlog. */
    public record Lag(long messages, double oldestSeconds) {
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = clients.producer("outbox");
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop();
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }
}
