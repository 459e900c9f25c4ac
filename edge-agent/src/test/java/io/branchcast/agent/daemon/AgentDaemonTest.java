package io.branchcast.agent.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.agent.config.AgentConfig;
import io.branchcast.agent.enrollment.Credentials;
import io.branchcast.agent.enrollment.CredentialsFile;
import io.branchcast.agent.kafka.TestTopics;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.JobDesiredState;
import io.branchcast.contracts.events.TargetState;
import io.branchcast.contracts.manifest.Ed25519Keys;
import io.branchcast.contracts.manifest.ManifestSigner;
import io.branchcast.contracts.manifest.PieceHasher;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One agent daemon in this JVM against the real Kafka and Keycloak of the shared stack (logged in as the realm's
 * demo-agent, with an enrolled agent's ACLs on per-test topics) and a stand-in control plane serving the manifest,
 * the content and the tracker: a job published on the desired-state topic is downloaded, installed, reported
 * COMPLETED through Kafka with its byte counts, shown by the status endpoint, and its record is dropped when the job
 * ends while the payload stays.
 */
@ExtendWith(VertxExtension.class)
class AgentDaemonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = "a9e0c1a2-0000-4000-8000-0000000000d1";
    private static final String JOB = "aaaaaaaa-0000-4000-8000-0000000000d1";
    private static final String HOST = "127.0.0.62";
    private static final int SIZE = 3 * 1024 * 1024 + 12345;

    @TempDir
    Path dir;

    private TestTopics topics;
    private AgentDaemon.Handle daemon;
    private final byte[] content = new byte[SIZE];
    private final KeyPair keys = Ed25519Keys.generate();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
    private final List<String> announces = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> heartbeats = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        topics = new TestTopics();
        new Random(42).nextBytes(content);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        topics.close();
    }

    private String controlPlane(Vertx vertx) throws Exception {
        PieceHasher hasher = new PieceHasher(256 * 1024, SIZE);
        hasher.update(ByteBuffer.wrap(content));
        byte[] manifest = new ManifestSigner("k1", keys.getPrivate()).sign(hasher.finish(), "payload.bin", List.of())
                .encode();
        int port = vertx.createHttpServer().requestHandler(request -> {
            authorizations.add(String.valueOf(request.getHeader("Authorization")));
            switch (request.path()) {
                case "/manifest" -> request.response().end(Buffer.buffer(manifest));
                case "/content" -> range(request);
                case "/api/v1/tracker/announce" -> {
                    announces.add(request.getParam("event") + "@" + request.remoteAddress().host());
                    request.response().putHeader("Content-Type", "application/json")
                            .end("{\"interval\":30,\"peers\":[]}");
                }
                case "/api/v1/agents/me/heartbeat" -> {
                    heartbeats.add(request.method() + "@" + request.remoteAddress().host());
                    request.response().setStatusCode(204).end();
                }
                default -> request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.61").await(10, TimeUnit.SECONDS).actualPort();
        return "http://127.0.0.61:" + port;
    }

    private void range(HttpServerRequest request) {
        String[] bounds = request.getHeader("Range").substring("bytes=".length()).split("-");
        int from = Integer.parseInt(bounds[0]);
        int to = Integer.parseInt(bounds[1]);
        request.response().setStatusCode(206).end(Buffer.buffer(content).slice(from, to + 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private void publish(String key, JobDesiredState state) throws Exception {
        Map<String, Object> settings = new HashMap<>(topics.internal());
        settings.put("key.serializer", StringSerializer.class.getName());
        settings.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(topics.desired, key,
                    state == null ? null : JSON.writeValueAsString(state))).get(30, TimeUnit.SECONDS);
        }
    }

    private List<AgentEvent> events(KafkaConsumer<String, String> consumer, List<AgentEvent> seen) throws IOException {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            seen.add(JSON.readValue(record.value(), AgentEvent.class));
        }
        return seen;
    }

    @Test
    void a_job_from_kafka_is_downloaded_installed_and_reported(Vertx vertx) throws Exception {
        String cp = controlPlane(vertx);
        Path state = dir.resolve("state");
        Path data = dir.resolve("data");
        Credentials credentials = topics.credentials(AGENT, TestTopics.CLIENT_SECRET);
        new CredentialsFile(state).write(new Credentials(AGENT, "site-1", List.of(), credentials.clientId(),
                credentials.clientSecret(), credentials.realmUrl(), credentials.tokenUrl(),
                credentials.kafkaBootstrap(), topics.desired, topics.events, cp,
                Map.of("k1", Ed25519Keys.encodePublicKey(keys.getPublic()))));
        int statusPort = freePort();
        daemon = new AgentDaemon(new AgentConfig(URI.create(cp), null, state, data, HOST, freePort(), HOST,
                statusPort, "ws-1", "machine-d1")).start();

        publish(JOB, new JobDesiredState(JOB, 1, "artifact-1", cp + "/manifest", cp + "/content", SIZE,
                List.of("site-1"), List.of(), List.of(), 0, 0, 0, 0, 600, false));

        Path payload = data.resolve(JOB).resolve("payload.bin");
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(payload));
        assertThat(Files.readAllBytes(payload)).isEqualTo(content);

        Map<String, Object> settings = new HashMap<>(topics.internal());
        settings.put("key.deserializer", StringDeserializer.class.getName());
        settings.put("value.deserializer", StringDeserializer.class.getName());
        List<AgentEvent> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            TopicPartition partition = new TopicPartition(topics.events, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(60)).until(() -> events(consumer, seen).stream()
                    .anyMatch(event -> event.state() == TargetState.COMPLETED));
        }
        assertThat(seen).extracting(AgentEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(seen).extracting(AgentEvent::state).startsWith(TargetState.QUEUED, TargetState.DOWNLOADING)
                .endsWith(TargetState.COMPLETED);
        AgentEvent completed = seen.get(seen.size() - 1);
        assertThat(completed.agentId()).isEqualTo(AGENT);
        assertThat(completed.bytesDone()).isEqualTo(SIZE);
        assertThat(completed.bytesFromOrigin()).isEqualTo(SIZE);
        assertThat(authorizations).allSatisfy(header -> assertThat(header).startsWith("Bearer ey"));
        await().atMost(Duration.ofSeconds(10)).until(() -> announces.contains("completed@" + HOST));
        assertThat(announces).first().isEqualTo("started@" + HOST);
        assertThat(heartbeats).as("a heartbeat at start, from the bind address").contains("POST@" + HOST);

        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + HOST + ":" + statusPort + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject body = new JsonObject(status.body());
        assertThat(body.getString("agentId")).isEqualTo(AGENT);
        assertThat(body.getString("kafka")).isEqualTo("connected");
        assertThat(body.getJsonArray("jobs").getJsonObject(0).getString("state")).isEqualTo("SEEDING");

        publish(JOB, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(state.resolve("jobs").resolve(JOB + ".json")));
        assertThat(payload).exists();
        await().atMost(Duration.ofSeconds(10)).until(() -> announces.contains("stopped@" + HOST));
    }
}
