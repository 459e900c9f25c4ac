package io.branchcast.agent.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.agent.enrollment.Credentials;
import io.branchcast.agent.jobs.DesiredStateConsumer;
import io.branchcast.agent.jobs.DesiredStateListener;
import io.branchcast.agent.jobs.PositionFile;
import io.branchcast.agent.progress.EventOutbox;
import io.branchcast.agent.progress.EventSender;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.JobDesiredState;
import io.branchcast.contracts.events.TargetState;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent's Kafka clients against the real broker of the shared stack, logged in through Keycloak with the
 * client-credentials grant (SASL/OAUTHBEARER), under the ACLs an enrolled agent gets.
 */
@ExtendWith(VertxExtension.class)
class AgentKafkaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = "a9e0c1a2-0000-4000-8000-00000000000a";
    private static final String JOB_A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String JOB_B = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final String JOB_C = "cccccccc-0000-4000-8000-000000000003";
    private static final String JOB_D = "dddddddd-0000-4000-8000-000000000004";

    @TempDir
    Path dir;

    private TestTopics topics;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void createTopics() throws Exception {
        topics = new TestTopics();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        topics.close();
    }

    private static AgentEvent event(long seq, TargetState state) {
        return new AgentEvent(AGENT, JOB_A, seq, state, seq * 100, 1000, seq * 50, seq * 50, null, null, seq);
    }

    private static JobDesiredState desired(String jobId, long revision) {
        return new JobDesiredState(jobId, revision, "artifact", "http://cp/m", "http://cp/c", 1000, List.of("site-1"),
                List.of(), List.of(), 0, 0, 0, 0, 60, false);
    }

    private List<ConsumerRecord<String, String>> readEvents(int expected) {
        Map<String, Object> settings = new HashMap<>(topics.internal());
        settings.put("key.deserializer", StringDeserializer.class.getName());
        settings.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            TopicPartition partition = new TopicPartition(topics.events, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    @Test
    void buffered_events_reach_kafka_in_order_keyed_by_agent_and_leave_the_outbox(Vertx vertx) throws Exception {
        EventOutbox outbox = EventOutbox.open(dir.resolve("outbox"), 100);
        outbox.append(event(1, TargetState.QUEUED));
        outbox.append(event(2, TargetState.DOWNLOADING));
        outbox.append(event(3, TargetState.COMPLETED));
        Credentials credentials = topics.credentials(AGENT, TestTopics.CLIENT_SECRET);
        KafkaConnection connection = new KafkaConnection();
        EventSender sender = new EventSender(outbox,
                () -> new KafkaProducer<>(KafkaClientSettings.producer(credentials)), topics.events, connection);
        closeables.add(sender);

        sender.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> outbox.size() == 0);
        assertThat(connection.connected()).isTrue();
        List<ConsumerRecord<String, String>> records = readEvents(3);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(AGENT);
        assertThat(records).extracting(record -> JSON.readValue(record.value(), AgentEvent.class))
                .containsExactly(event(1, TargetState.QUEUED), event(2, TargetState.DOWNLOADING),
                        event(3, TargetState.COMPLETED));
    }

    @Test
    void events_stay_buffered_while_kafka_refuses_the_agent(Vertx vertx) throws Exception {
        EventOutbox outbox = EventOutbox.open(dir.resolve("outbox"), 100);
        outbox.append(event(1, TargetState.QUEUED));
        Credentials forged = topics.credentials(AGENT, "not-the-secret");
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Producer<String, String>> producers = () -> {
            attempts.incrementAndGet();
            return new KafkaProducer<>(KafkaClientSettings.producer(forged));
        };
        EventSender sender = new EventSender(outbox, producers, topics.events, new KafkaConnection());
        closeables.add(sender);

        sender.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts.get() >= 2);
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void reads_the_compacted_topic_to_its_end_first_then_follows_changes(Vertx vertx) throws Exception {
        Map<String, Object> settings = new HashMap<>(topics.internal());
        settings.put("key.serializer", StringSerializer.class.getName());
        settings.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(topics.desired, JOB_A, JSON.writeValueAsString(desired(JOB_A, 1))));
            producer.send(new ProducerRecord<>(topics.desired, JOB_B, JSON.writeValueAsString(desired(JOB_B, 1))));
            producer.send(new ProducerRecord<>(topics.desired, JOB_B, null));
            producer.send(new ProducerRecord<>(topics.desired, JOB_C, "{not json"));
            producer.send(new ProducerRecord<>(topics.desired, "../../etc", JSON.writeValueAsString(desired(JOB_D, 1))));
            producer.send(new ProducerRecord<>(topics.desired, JOB_A, JSON.writeValueAsString(desired(JOB_A, 2))));
            producer.flush();

            AtomicReference<Map<String, JobDesiredState>> snapshot = new AtomicReference<>();
            List<String> changes = new CopyOnWriteArrayList<>();
            Credentials credentials = topics.credentials(AGENT, TestTopics.CLIENT_SECRET);
            KafkaConnection connection = new KafkaConnection();
            PositionFile position = new PositionFile(dir.resolve("desired-state.offset"));
            DesiredStateConsumer consumer = new DesiredStateConsumer(
                    () -> new KafkaConsumer<>(KafkaClientSettings.consumer(credentials)), topics.desired, position,
                    connection, vertx.getOrCreateContext(), new DesiredStateListener() {
                        @Override
                        public void caughtUp(Map<String, JobDesiredState> states) {
                            snapshot.set(states);
                        }

                        @Override
                        public void changed(String jobId, JobDesiredState state) {
                            changes.add(jobId + "@" + (state == null ? "tombstone" : state.revision()));
                        }
                    });
            closeables.add(consumer);
            consumer.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> snapshot.get() != null);
            assertThat(snapshot.get()).containsOnlyKeys(JOB_A);
            assertThat(snapshot.get().get(JOB_A).revision()).isEqualTo(2);
            assertThat(changes).isEmpty();
            assertThat(connection.connected()).isTrue();
            assertThat(position.read()).isEqualTo(6);

            producer.send(new ProducerRecord<>(topics.desired, JOB_D, JSON.writeValueAsString(desired(JOB_D, 1))));
            producer.send(new ProducerRecord<>(topics.desired, JOB_A, null));
            producer.flush();

            await().atMost(Duration.ofSeconds(30)).until(() -> changes.size() == 2);
            assertThat(changes).containsExactly(JOB_D + "@1", JOB_A + "@tombstone");
            await().atMost(Duration.ofSeconds(10)).until(() -> position.read() == 8);
        }
    }
}
