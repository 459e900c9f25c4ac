package io.branchcast.agent.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.agent.kafka.KafkaConnection;
import io.branchcast.agent.kafka.RetryBackoff;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * EventSender moves events from the {@link EventOutbox} to the agent-events topic on its own thread, oldest first,
 * keyed by agent id, and removes them from the outbox only after Kafka acknowledged them (idempotent producer,
 * {@code acks=all}). On a failure the unacknowledged events stay buffered, the producer is replaced (a fatal producer
 * error cannot poison later sends) and the batch is retried with backoff; a retried event may reach Kafka twice, which
 * the control plane ignores by {@code seq}.
 */
public final class EventSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventSender.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 200;
    private static final long ACK_TIMEOUT_MS = 60_000;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final EventOutbox outbox;
    private final Supplier<Producer<String, String>> producers;
    private final String topic;
    private final KafkaConnection connection;
    private final Thread thread;
    private final RetryBackoff backoff = new RetryBackoff(MAX_BACKOFF_MS);
    private Producer<String, String> producer;

    public EventSender(EventOutbox outbox, Supplier<Producer<String, String>> producers, String topic,
                       KafkaConnection connection) {
        this.outbox = outbox;
        this.producers = producers;
        this.topic = topic;
        this.connection = connection;
        this.thread = new Thread(this::run, "branchcast-event-sender");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!backoff.stopped()) {
            try {
                if (!outbox.awaitEvents(1000)) {
                    continue;
                }
                List<BufferedEvent> batch = outbox.oldest(BATCH);
                List<Long> acked = send(batch);
                outbox.remove(acked);
                if (acked.size() == batch.size()) {
                    connection.markConnected();
                    backoff.reset();
                    continue;
                }
                throw new IllegalStateException("only " + acked.size() + " of " + batch.size() + " events acknowledged");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (backoff.stopped()) {
                    return;
                }
                connection.markDisconnected();
                closeProducer();
                LOG.log(System.Logger.Level.WARNING, "sending agent events to Kafka topic {0} failed: {1}; {2} events"
                        + " stay buffered on disk, retrying in {3} s", topic, rootMessage(e), outbox.size(),
                        backoff.nextSeconds());
                backoff.pause();
            }
        }
    }

    /** Sends the batch in order and returns the positions of the acknowledged prefix. */
    private List<Long> send(List<BufferedEvent> batch) throws JsonProcessingException, InterruptedException {
        if (producer == null) {
            producer = producers.get();
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (BufferedEvent buffered : batch) {
            sent.add(producer.send(new ProducerRecord<>(topic, buffered.event().agentId(),
                    JSON.writeValueAsString(buffered.event()))));
        }
        producer.flush();
        List<Long> acked = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                acked.add(batch.get(i).position());
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(System.Logger.Level.DEBUG, "event not acknowledged: {0}", e);
                break;
            }
        }
        return acked;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // the producer failed already; a new one is created for the next attempt
            }
            producer = null;
        }
    }


    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error.getMessage() + " (" + root + ")";
    }

    /** Stops after the batch in flight; events not yet acknowledged stay in the outbox for the next start. */
    @Override
    public void close() throws InterruptedException {
        backoff.stop();
        thread.join(10_000);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(10_000);
        }
        closeProducer();
    }
}
