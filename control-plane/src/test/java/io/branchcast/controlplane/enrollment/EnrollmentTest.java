package io.branchcast.controlplane.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.controlplane.support.AgentKafka;
import io.branchcast.controlplane.support.Enrollments;
import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.KafkaProbe;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.branchcast.devstack.SharedStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.branchcast.controlplane.support.Enrollments.enroll;
import static io.branchcast.controlplane.support.Enrollments.newMachineId;
import static io.branchcast.controlplane.support.Enrollments.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Enrollment against the real stack: the credentials it hands out really work, and every bad token is refused. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class EnrollmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Fixtures fixtures;

    @Inject
    EnrollmentLedger ledger;

    @Inject
    AgentIdentities identities;

    private UUID site() {
        return fixtures.site("enroll-" + UUID.randomUUID());
    }

    @Test
    void theCredentialsOfAnEnrolledAgentWorkWithKeycloakKafkaAndTheControlPlane() throws Exception {
        UUID site = site();
        String machine = newMachineId();
        var answer = enroll(token(site, 1, 3600, "lab"), machine).statusCode(200).header("Cache-Control", "no-store")
                .body("siteId", equalTo(site.toString()))
                .body("labels", equalTo(List.of("lab")))
                .body("realmUrl", equalTo(SharedStack.get().realmUrl()))
                .body("tokenUrl", equalTo(SharedStack.get().tokenUrl()))
                .body("kafkaBootstrap", equalTo(SharedStack.get().kafkaBootstrap()))
                .body("desiredStateTopic", equalTo("branchcast.jobs.desired"))
                .body("agentEventsTopic", equalTo("branchcast.agent-events"))
                .body("controlPlaneUrl", startsWith("http://127.0.0.1:"))
                .extract();
        String agentId = answer.path("agentId");
        String clientId = answer.path("clientId");
        String secret = answer.path("clientSecret");
        assertThat(clientId).isEqualTo("agent-" + agentId);
        Map<String, String> keys = answer.path("signingKeys");
        var signingKey = given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/signing-key").then().extract();
        assertThat(keys).containsExactly(Map.entry(signingKey.path("keyId"), signingKey.path("publicKey")));

        String accessToken = Tokens.clientCredentials(clientId, secret);
        JsonNode claims = claims(accessToken);
        assertThat(claims.path("azp").asText()).isEqualTo(clientId);
        assertThat(claims.path("agent_id").asText()).isEqualTo(agentId);
        assertThat(claims.path("site_id").asText()).isEqualTo(site.toString());
        assertThat(claims.path("aud").toString()).contains("\"kafka\"").contains("\"control-plane\"");
        assertThat(claims.path("roles").toString()).contains("\"agent\"").doesNotContain("viewer");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);

        given().auth().oauth2(accessToken).when().get("/api/v1/agents/me").then().statusCode(200)
                .body("id", equalTo(agentId)).body("state", equalTo("ACTIVE")).body("machineId", equalTo(machine))
                .body("hostname", equalTo("ws-" + machine.substring(0, 8))).body("agentVersion", equalTo("0.1.0"));

        try (KafkaProducer<String, String> producer = AgentKafka.producer(clientId, secret)) {
            String event = AgentKafka.progressEvent(agentId);
            assertThat(AgentKafka.send(producer, "branchcast.agent-events", agentId, event).offset()).isNotNegative();
            assertThatThrownBy(() -> AgentKafka.send(producer, "branchcast.job-progress", agentId, "{}"))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        String removedJob = UUID.randomUUID().toString();
        KafkaProbe.send("branchcast.jobs.desired", removedJob, null);
        assertThat(AgentKafka.readUntilKey(clientId, secret, "branchcast.jobs.desired", removedJob, Duration.ofSeconds(30))
                .value()).isNull();

        String audit = given().auth().oauth2(Tokens.admin()).queryParam("targetId", agentId).when().get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItem("agent.enroll")).extract().asString();
        assertThat(audit).doesNotContain(secret);
    }

    @Test
    void anEnrollmentInterruptedAfterItsIdentityIsFinishedByTheRetry() throws Exception {
        UUID site = site();
        String token = token(site, 1, 3600);
        String machine = newMachineId();
        // the first attempt got as far as the Keycloak client, then Kafka failed
        EnrollmentClaim claim = ledger.claim(new EnrollmentRequest(token, machine, "ws-interrupted", "0.1.0"));
        String secret = identities.ensure(claim.principal(), false);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/agents/" + claim.agentId())
                .then().statusCode(200).body("state", equalTo("ENROLLING"));
        given().auth().oauth2(Tokens.clientCredentials(claim.clientId(), secret)).when().get("/api/v1/agents/me")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("targets", Map.of("siteIds", List.of(site))))
                .when().post("/api/v1/jobs/target-preview").then().statusCode(200).body("agents", equalTo(0));

        var retry = enroll(token, machine).statusCode(200).extract();
        assertThat((String) retry.path("agentId")).isEqualTo(claim.agentId().toString());
        assertThat((String) retry.path("clientSecret")).isEqualTo(secret);
        given().auth().oauth2(Tokens.clientCredentials(claim.clientId(), secret)).when().get("/api/v1/agents/me")
                .then().statusCode(200).body("state", equalTo("ACTIVE"));
        try (KafkaProducer<String, String> producer = AgentKafka.producer(claim.clientId(), secret)) {
            String agentId = claim.agentId().toString();
            assertThat(AgentKafka.send(producer, "branchcast.agent-events", agentId, AgentKafka.progressEvent(agentId))
                    .offset()).isNotNegative();
        }
        given().auth().oauth2(Tokens.admin()).queryParam("siteId", site).when().get("/api/v1/enrollment-tokens")
                .then().body("items[0].uses", equalTo(1));
    }

    @Test
    void enrollingAgainWithTheSameTokenIsIdempotent() {
        UUID site = site();
        String token = token(site, 1, 3600);
        String machine = newMachineId();
        var first = enroll(token, machine).statusCode(200).extract();
        var again = enroll(token, machine).statusCode(200).extract();
        assertThat((String) again.path("agentId")).isEqualTo(first.path("agentId"));
        assertThat((String) again.path("clientId")).isEqualTo(first.path("clientId"));
        assertThat((String) again.path("clientSecret")).isEqualTo(first.path("clientSecret"));
        given().auth().oauth2(Tokens.admin()).queryParam("siteId", site).when().get("/api/v1/enrollment-tokens")
                .then().body("items[0].uses", equalTo(1));
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).when().get("/api/v1/agents")
                .then().body("total", equalTo(1));
        enroll(token, newMachineId()).statusCode(410).body("code", equalTo("enrollment-token-used-up"));
    }

    @Test
    void aMachineEnrollingWithAnotherTokenMovesAndGetsANewSecret() {
        String machine = newMachineId();
        var first = enroll(token(site(), 1, 3600), machine).statusCode(200).extract();
        UUID otherSite = site();
        var moved = enroll(token(otherSite, 1, 3600, "kiosk"), machine).statusCode(200).extract();
        assertThat((String) moved.path("agentId")).isEqualTo(first.path("agentId"));
        assertThat((String) moved.path("siteId")).isEqualTo(otherSite.toString());
        assertThat((String) moved.path("clientSecret")).isNotEqualTo(first.path("clientSecret"));
        String clientId = moved.path("clientId");
        tokenRequest(clientId, first.path("clientSecret")).statusCode(401);
        assertThat(claims(Tokens.clientCredentials(clientId, moved.path("clientSecret"))).path("site_id").asText())
                .isEqualTo(otherSite.toString());
    }

    @Test
    void concurrentEnrollmentsNeverExceedTheTokensUses() throws Exception {
        UUID site = site();
        String token = token(site, 1, 3600);
        int machines = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(machines);
        try {
            List<Future<ExtractableResponse<Response>>> results = new ArrayList<>();
            for (int i = 0; i < machines; i++) {
                String machine = newMachineId();
                Callable<ExtractableResponse<Response>> attempt = () -> {
                    start.await();
                    return enroll(token, machine).extract();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> result : results) {
                ExtractableResponse<Response> response = result.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 410) {
                    assertThat((String) response.path("code")).isEqualTo("enrollment-token-used-up");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 410, 410, 410);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).when().get("/api/v1/agents")
                .then().body("total", equalTo(1));
    }

    @Test
    void refusesUnknownMalformedExpiredAndRevokedTokens() {
        UUID site = site();
        String fresh = "bct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        enroll(fresh, newMachineId()).statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("enrollment-token-invalid"));
        enroll("not-a-token", newMachineId()).statusCode(401).body("code", equalTo("enrollment-token-invalid"));

        var shortLived = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", site, "maxUses", 5, "expiresInSeconds", 1))
                .when().post("/api/v1/enrollment-tokens").then().statusCode(201).extract();
        Instant expiresAt = Instant.parse(shortLived.path("expiresAt"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt));
        enroll(shortLived.path("token"), newMachineId()).statusCode(410).body("code", equalTo("enrollment-token-expired"));

        var revoked = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", site, "maxUses", 5, "expiresInSeconds", 3600))
                .when().post("/api/v1/enrollment-tokens").then().statusCode(201).extract();
        given().auth().oauth2(Tokens.admin()).when().delete("/api/v1/enrollment-tokens/" + revoked.path("id"))
                .then().statusCode(204);
        enroll(revoked.path("token"), newMachineId()).statusCode(410).body("code", equalTo("enrollment-token-revoked"));

        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).when().get("/api/v1/agents")
                .then().body("total", equalTo(0));
    }

    @Test
    void floodingTheEndpointFromOneAddressIsAnsweredWith429AndRetryAfterWhileOtherAddressesGoOn() throws Exception {
        String body = "{\"token\": \"bct_flood\", \"machineId\": \"" + newMachineId()
                + "\", \"hostname\": \"ws\", \"agentVersion\": \"1\"}";
        List<String> answer = List.of("");
        for (int i = 0; i < 2_000 && !answer.get(0).contains(" 429 "); i++) {
            answer = rawEnrollment("127.0.0.9", body);
            if (i == 0) {
                assertThat(answer.get(0)).contains(" 401 ");
            }
        }
        assertThat(answer.get(0)).contains(" 429 ");
        assertThat(answer).anySatisfy(header -> assertThat(header.toLowerCase()).matches("retry-after: [1-9][0-9]*"));
        assertThat(answer).anySatisfy(header -> assertThat(header).contains("application/problem+json"));
        assertThat(answer.get(answer.size() - 1)).contains("too-many-requests");

        enroll("bct_flood", newMachineId()).statusCode(401).body("code", equalTo("enrollment-token-invalid"));
    }

    /** One enrollment request from {@code localHost}: the status line, the headers and the body as the last element. */
    private static List<String> rawEnrollment(String localHost, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localHost, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", io.restassured.RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /api/v1/enrollments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + json.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(json);
            String[] parts = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split("\r\n\r\n", 2);
            List<String> lines = new ArrayList<>(List.of(parts[0].split("\r\n")));
            lines.add(parts.length > 1 ? parts[1] : "");
            return lines;
        }
    }

    @Test
    void agentsAreListedBySiteHostnameSearchLabelAndState() {
        UUID site = site();
        String labelled = newMachineId();
        enroll(token(site, 1, 3600, "floor-2"), labelled).statusCode(200);
        enroll(token(site, 1, 3600), newMachineId()).statusCode(200);
        String hostPart = ("ws-" + labelled.substring(0, 8)).substring(1).toUpperCase();

        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).when().get("/api/v1/agents")
                .then().body("total", equalTo(2));
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).queryParam("q", hostPart)
                .when().get("/api/v1/agents").then().body("total", equalTo(1))
                .body("items[0].machineId", equalTo(labelled));
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).queryParam("label", "floor-2")
                .when().get("/api/v1/agents").then().body("total", equalTo(1))
                .body("items[0].machineId", equalTo(labelled));
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).queryParam("state", "ACTIVE")
                .queryParam("q", " ").when().get("/api/v1/agents").then().body("total", equalTo(2));
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).queryParam("state", "REVOKED")
                .when().get("/api/v1/agents").then().body("total", equalTo(0));
    }

    @Test
    void refusesMalformedAndInvalidBodies() {
        String token = token(site(), 1, 3600);
        post("{\"token\": ").statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed"));
        post("").statusCode(400).body("code", equalTo("malformed"));
        post("null").statusCode(400).body("code", equalTo("malformed"));
        post(JSON.valueToTree(Map.of("token", token, "machineId", newMachineId(), "hostname", "ws", "agentVersion", "1",
                "admin", true)).toString()).statusCode(400).body("code", equalTo("malformed"));
        post(JSON.valueToTree(Map.of("token", token, "machineId", "short", "hostname", "bad host;rm",
                "agentVersion", "x".repeat(65))).toString())
                .statusCode(422).body("code", equalTo("invalid"))
                .body("errors.field", equalTo(List.of("agentVersion", "hostname", "machineId")));
        post(JSON.valueToTree(Map.of("machineId", newMachineId())).toString())
                .statusCode(422).body("errors.field", equalTo(List.of("agentVersion", "hostname", "token")));
        String huge = JSON.valueToTree(Map.of("token", token, "machineId", newMachineId(), "hostname", "ws",
                "agentVersion", "1", "padding", "x".repeat(5000))).toString();
        post(huge).statusCode(413).body("code", equalTo("payload-too-large"));
        // none of these spent the single use
        enroll(token, newMachineId()).statusCode(200);
    }

    @Test
    void aRevokedMachineCannotEnrollAgain() {
        UUID site = site();
        String token = token(site, 2, 3600);
        String machine = newMachineId();
        String agentId = enroll(token, machine).statusCode(200).extract().path("agentId");
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/agents/" + agentId + "/revoke").then().statusCode(200);
        enroll(token, machine).statusCode(403).body("code", equalTo("agent-revoked"));
        enroll(token(site, 1, 3600), machine).statusCode(403).body("code", equalTo("agent-revoked"));
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/enrollments").then();
    }

    private static io.restassured.response.ValidatableResponse tokenRequest(String clientId, String secret) {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .when().post(SharedStack.get().tokenUrl()).then();
    }

    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
