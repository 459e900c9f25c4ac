package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.support.AgentKafka;
import io.branchcast.controlplane.support.Enrollments;
import io.branchcast.controlplane.support.Enrollments.EnrolledAgent;
import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.branchcast.devstack.SharedStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.AuthorizationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Revoking an agent locks it out of Keycloak, Kafka and the control plane, even with a token issued before. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class AgentRevocationTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aRevokedAgentIsRefusedEverywhere() throws Exception {
        EnrolledAgent agent = Enrollments.enrolledAgent(fixtures.site("revocation-" + UUID.randomUUID()));
        String stillValid = agent.accessToken();
        String artifact = given().auth().oauth2(Tokens.operator()).contentType(ContentType.BINARY)
                .queryParam("name", "revocation-" + UUID.randomUUID()).queryParam("version", "1").body(new byte[4096])
                .when().post("/api/v1/artifacts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(stillValid).when().get("/api/v1/artifacts/" + artifact + "/content").then().statusCode(200);
        given().auth().oauth2(stillValid).when().get("/api/v1/artifacts/" + artifact + "/manifest").then().statusCode(200);

        try (KafkaProducer<String, String> producer = AgentKafka.producer(agent.clientId(), agent.clientSecret())) {
            String key = agent.agentId().toString();
            AgentKafka.send(producer, "branchcast.agent-events", key, AgentKafka.progressEvent(key));

            given().auth().oauth2(Tokens.admin()).when().post("/api/v1/agents/" + agent.agentId() + "/revoke")
                    .then().statusCode(200).body("state", equalTo("REVOKED")).body("revokedAt", notNullValue());

            given().formParams(Map.of("grant_type", "client_credentials", "client_id", agent.clientId(),
                            "client_secret", agent.clientSecret()))
                    .when().post(SharedStack.get().tokenUrl()).then().statusCode(greaterThanOrEqualTo(400));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThatThrownBy(() -> AgentKafka.send(producer, "branchcast.agent-events", key,
                            AgentKafka.progressEvent(key)))
                            .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AuthorizationException.class));
        }
        for (String path : List.of("/api/v1/agents/me", "/api/v1/artifacts/" + artifact + "/content",
                "/api/v1/artifacts/" + artifact + "/manifest", "/api/v1/artifacts/" + artifact + "/torrent",
                "/api/v1/artifacts/signing-key")) {
            given().auth().oauth2(stillValid).when().get(path).then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("agent-revoked"));
        }
        given().auth().oauth2(Tokens.admin()).queryParam("targetId", agent.agentId()).when().get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItem("agent.revoke"));
        // revoking again repeats the Keycloak and Kafka steps and changes nothing else
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/agents/" + agent.agentId() + "/revoke")
                .then().statusCode(200).body("state", equalTo("REVOKED"));
        given().auth().oauth2(Tokens.admin()).queryParam("targetId", agent.agentId()).queryParam("action", "agent.revoke")
                .when().get("/api/v1/audit").then().body("total", equalTo(1));
    }

    @Test
    void onlyAdminsRevoke() {
        EnrolledAgent agent = Enrollments.enrolledAgent(fixtures.site("revoke-roles-" + UUID.randomUUID()));
        String path = "/api/v1/agents/" + agent.agentId() + "/revoke";
        for (String token : List.of(Tokens.viewer(), Tokens.operator(), agent.accessToken())) {
            given().auth().oauth2(token).when().post(path).then().statusCode(403);
        }
        given().when().post(path).then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/agents/" + UUID.randomUUID() + "/revoke")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(agent.accessToken()).when().get("/api/v1/agents/me").then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
    }
}
