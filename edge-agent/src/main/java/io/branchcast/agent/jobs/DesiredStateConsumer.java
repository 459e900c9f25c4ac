package io.branchcast.agent.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.agent.kafka.KafkaConnection;
import io.branchcast.agent.kafka.RetryBackoff;
import io.branchcast.contracts.events.JobDesiredState;
import io.vertx.core.Context;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * DesiredStateConsumer reads the compacted desired-state topic on its own thread (the Kafka consumer blocks) and hands
 * what it reads to a {@link DesiredStateListener} on the listener's Vert.x context.
 *
 * <p>Manual assignment of the topic's single partition, no consumer group: thousands of agents each need every record,
 * so a group would only add coordinator load and rebalances (every agent start or stop would pause all others) for
 * nothing to divide. At every start it reads from the beginning to the end offset of that moment (compaction keeps
 * that to about one record per active job) and hands the result over at once, so jobs that ended while the agent was
 * down are seen as absent even when their tombstones were compacted away; then it follows new records. The offset
 * after the last applied record is kept in {@link PositionFile}; it tells at start how many records are new since the
 * last run and shows a topic that was recreated (saved offset beyond the end).
 *
 * <p>Input is checked: keys must be job ids, values at most 64 Ki characters of valid JSON whose jobId is the key; other records
 * are logged and skipped.
 */
public final class DesiredStateConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DesiredStateConsumer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final int MAX_VALUE_CHARS = 64 * 1024;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROBE = Duration.ofSeconds(10);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final Supplier<Consumer<String, String>> consumers;
    private final TopicPartition partition;
    private final PositionFile position;
    private final KafkaConnection connection;
    private final Context context;
    private final DesiredStateListener listener;
    private final Thread thread;
    private final RetryBackoff backoff = new RetryBackoff(MAX_BACKOFF_MS);
    private volatile Consumer<String, String> consumer;

    public DesiredStateConsumer(Supplier<Consumer<String, String>> consumers, String topic, PositionFile position,
                                KafkaConnection connection, Context context, DesiredStateListener listener) {
        this.consumers = consumers;
        this.partition = new TopicPartition(topic, 0);
        this.position = position;
        this.connection = connection;
        this.context = context;
        this.listener = listener;
        this.thread = new Thread(this::run, "branchcast-desired-state");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        boolean caughtUp = false;
        long next = 0;
        while (!backoff.stopped()) {
            try (Consumer<String, String> opened = consumers.get()) {
                consumer = opened;
                opened.assign(List.of(partition));
                if (!caughtUp) {
                    next = catchUp(opened);
                    caughtUp = true;
                } else {
                    opened.seek(partition, next);
                }
                backoff.reset();
                next = follow(opened, next);
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (Exception e) {
                if (backoff.stopped()) {
                    return;
                }
                connection.markDisconnected();
                LOG.log(System.Logger.Level.WARNING, "reading desired state from Kafka topic {0} failed: {1}; {2},"
                        + " retrying in {3} s", partition.topic(), e.toString(), caughtUp
                        ? "running jobs go on" : "no job starts before the topic has been read", backoff.nextSeconds());
                backoff.pause();
            } finally {
                consumer = null;
            }
        }
    }

    /** Reads from the beginning to the current end and hands the latest state per job over; returns the next offset. */
    private long catchUp(Consumer<String, String> opened) throws Exception {
        long end = opened.endOffsets(List.of(partition), PROBE).get(partition);
        connection.markConnected();
        long saved = position.read();
        if (saved > end) {
            LOG.log(System.Logger.Level.WARNING, "saved desired-state offset {0} is beyond the end {1} of {2}: the"
                    + " topic was recreated; reading it anew", saved, end, partition.topic());
        } else if (saved >= 0) {
            LOG.log(System.Logger.Level.INFO, "{0} desired-state records arrived since the last run", end - saved);
        }
        opened.seekToBeginning(List.of(partition));
        Map<String, JobDesiredState> states = new HashMap<>();
        while (opened.position(partition, PROBE) < end) {
            for (ConsumerRecord<String, String> record : opened.poll(POLL)) {
                if (record.offset() >= end) {
                    break;
                }
                Decoded decoded = decode(record);
                if (decoded != null) {
                    if (decoded.state() == null) {
                        states.remove(decoded.jobId());
                    } else {
                        states.put(decoded.jobId(), decoded.state());
                    }
                }
            }
        }
        opened.seek(partition, end);
        Map<String, JobDesiredState> snapshot = Map.copyOf(states);
        context.runOnContext(v -> listener.caughtUp(snapshot));
        position.write(end);
        return end;
    }

    /** Hands over every new record until stopped or failing; returns the next offset. */
    private long follow(Consumer<String, String> opened, long next) throws Exception {
        long lastProbe = System.nanoTime();
        while (!backoff.stopped()) {
            long before = next;
            for (ConsumerRecord<String, String> record : opened.poll(POLL)) {
                Decoded decoded = decode(record);
                if (decoded != null) {
                    context.runOnContext(v -> listener.changed(decoded.jobId(), decoded.state()));
                }
                next = record.offset() + 1;
            }
            if (next != before) {
                position.write(next);
                connection.markConnected();
            }
            if (System.nanoTime() - lastProbe > PROBE.toNanos()) {
                lastProbe = System.nanoTime();
                opened.endOffsets(List.of(partition), PROBE);
                connection.markConnected();
            }
        }
        return next;
    }

    private Decoded decode(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (key == null || !JOB_ID.matcher(key).matches()) {
            LOG.log(System.Logger.Level.WARNING, "skipping desired-state record at offset {0}: key is not a job id",
                    record.offset());
            return null;
        }
        if (record.value() == null) {
            return new Decoded(key, null);
        }
        if (record.value().length() > MAX_VALUE_CHARS) {
            LOG.log(System.Logger.Level.WARNING, "skipping desired-state record of job {0} at offset {1}: longer than"
                    + " {2} characters", key, record.offset(), MAX_VALUE_CHARS);
            return null;
        }
        try {
            JobDesiredState state = JSON.readValue(record.value(), JobDesiredState.class);
            if (!key.equals(state.jobId())) {
                throw new IllegalArgumentException("jobId " + state.jobId() + " differs from the key");
            }
            return new Decoded(key, state);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "skipping malformed desired-state record of job {0} at offset {1}:"
                    + " {2}", key, record.offset(), e.getMessage());
            return null;
        }
    }


    @Override
    public void close() throws InterruptedException {
        backoff.stop();
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(10_000);
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    private record Decoded(String jobId, JobDesiredState state) {
    }
}
