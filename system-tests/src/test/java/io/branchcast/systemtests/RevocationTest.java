package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchcast.devstack.FixedTokenLogin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A revoked agent loses Keycloak, Kafka, the origin and the tracker, even with a token issued before the revocation. */
class RevocationTest {

    @Test
    void aRevokedAgentIsRefusedEverywhereEvenWithATokenIssuedBeforeTheRevocation() throws Exception {
        try (Office office = Office.open("Revocation office", 1)) {
            Workstation workstation = office.workstations.get(0);
            JsonNode artifact = Payloads.upload("revocation.img", 4L << 20, 2);
            String jobId = Jobs.forSite(artifact, office.siteId, Map.of());
            Jobs.awaitState(jobId, "COMPLETED", Duration.ofMinutes(2));

            AgentCredentials credentials = AgentCredentials.of(workstation);
            String token = credentials.accessToken();
            String base = SystemUnderTest.get().baseUrl();
            String content = base + "/api/v1/artifacts/" + artifact.path("id").asText() + "/content";
            String announce = base + "/api/v1/tracker/announce?jobId=" + jobId + "&port=6881";
            String kafka = SystemUnderTest.get().sandbox.stack().kafkaBootstrap();
            assertThat(AgentCredentials.get(content, token)).isEqualTo(200);
            assertThat(AgentCredentials.get(announce, token)).isEqualTo(200);
            produce(kafka, token, credentials.agentId());

            SystemUnderTest.get().admin.postEmpty("/api/v1/agents/" + workstation.agentId + "/revoke");

            assertThat(credentials.requestToken().statusCode()).as("Keycloak issues no new token").isIn(400, 401);
            assertThat(AgentCredentials.get(content, token)).as("origin").isEqualTo(403);
            assertThat(AgentCredentials.get(announce, token)).as("tracker").isEqualTo(403);
            assertThat(AgentCredentials.get(base + "/api/v1/agents/me", token)).as("own record").isEqualTo(403);
            assertThatThrownBy(() -> produce(kafka, token, credentials.agentId()))
                    .hasRootCauseInstanceOf(AuthorizationException.class);
            assertThat(SystemUnderTest.get().admin.get("/api/v1/agents/" + workstation.agentId).path("state").asText())
                    .isEqualTo("REVOKED");
        }
    }

    private static void produce(String bootstrap, String token, String agentId)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap, token))) {
            producer.send(new ProducerRecord<>("branchcast.agent-events", agentId, "{}")).get(20, TimeUnit.SECONDS);
        }
    }

    /** A producer that presents the agent's (revoked) token itself, as no Keycloak login would issue it again. */
    private static Map<String, Object> producerConfig(String bootstrap, String token) {
        Map<String, Object> config = FixedTokenLogin.clientConfig(bootstrap, token);
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("enable.idempotence", "false");
        config.put("max.block.ms", "10000");
        config.put("delivery.timeout.ms", "15000");
        config.put("request.timeout.ms", "10000");
        return config;
    }
}
