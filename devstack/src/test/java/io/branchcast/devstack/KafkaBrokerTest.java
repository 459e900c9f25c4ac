package io.branchcast.devstack;

import io.branchcast.contracts.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaBrokerTest {

    private final StackInfo stack = SharedStack.get();

    @Test
    void producesAndConsumesThroughTheOAuthListenerWithAKeycloakToken() throws Exception {
        Map<String, Object> client = SharedStack.kafkaOAuthClient(stack, "control-plane", StackInfo.CONTROL_PLANE_SECRET);
        String topic = Topics.AGENT_EVENTS.name();
        String key = "probe-" + UUID.randomUUID();
        TopicPartition partition;
        long offset;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(with(client, Map.of("acks", "all")),
                new StringSerializer(), new StringSerializer())) {
            var metadata = producer.send(new ProducerRecord<>(topic, key, "{\"hello\":\"kafka\"}")).get(30, TimeUnit.SECONDS);
            partition = new TopicPartition(topic, metadata.partition());
            offset = metadata.offset();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(client, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).extracting(ConsumerRecord::key).contains(key);
            assertThat(received).extracting(ConsumerRecord::value).contains("{\"hello\":\"kafka\"}");
        }
    }

    @Test
    void refusesATokenNotSignedByTheRealm() throws Exception {
        String forged = forgedToken();
        Map<String, Object> attacker = FixedTokenLogin.clientConfig(stack.kafkaBootstrap(), forged);
        attacker.put("default.api.timeout.ms", 15000);
        attacker.put("request.timeout.ms", 10000);
        try (Admin admin = Admin.create(attacker)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void createsTheDesiredStateTopicCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaInternalBootstrap()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.JOBS_DESIRED.name());
            Config config = admin.describeConfigs(List.of(resource)).all().get(20, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(Topics.AGENT_EVENTS.name())).allTopicNames().get(20, TimeUnit.SECONDS)
                    .get(Topics.AGENT_EVENTS.name()).partitions()).hasSize(Topics.AGENT_EVENTS.partitions());
        }
    }

    /** A JWT with every claim the broker expects, signed by a key the realm never had. */
    private String forgedToken() throws Exception {
        String kid = TestTokens.get(stack.jwksUrl()).path("keys").get(0).path("kid").asText();
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        PrivateKey attackerKey = keys.generateKeyPair().getPrivate();
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
        String claims = b64("{\"iss\":\"" + stack.realmUrl() + "\",\"aud\":[\"kafka\"],\"azp\":\"control-plane\",\"sub\":\"x\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 300) + "}");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(attackerKey);
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> extra) {
        Map<String, Object> all = new HashMap<>(base);
        all.putAll(extra);
        return all;
    }
}
