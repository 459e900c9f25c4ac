package io.branchcast.controlplane.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.TargetState;
import io.branchcast.contracts.events.Topics;
import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.KafkaProbe;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Agent events travel through the real Kafka topic into the job-target rows. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class AgentEventIngestTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    private void send(AgentEvent event) throws Exception {
        KafkaProbe.send(Topics.AGENT_EVENTS.name(), event.agentId(), json.writeValueAsString(event));
    }

    private static AgentEvent progress(UUID agent, String job, long seq, TargetState state, long done, long peers, long origin) {
        return new AgentEvent(agent.toString(), job, seq, state, done, 1000, peers, origin, null, null, System.currentTimeMillis());
    }

    @Test
    void duplicateAndReorderedEventsDoNotMoveATargetBackwards() throws Exception {
        UUID site = fixtures.site("ingest-" + UUID.randomUUID());
        List<UUID> agents = fixtures.agents(site, 2);
        String job = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("artifactId", fixtures.readyArtifact(1000), "targets", Map.of("siteIds", List.of(site))))
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("id");
        UUID a = agents.get(0);

        send(progress(a, job, 5, TargetState.DOWNLOADING, 500, 400, 100));
        send(progress(a, job, 3, TargetState.DOWNLOADING, 300, 300, 0));   // older, arrives late
        send(progress(a, job, 5, TargetState.DOWNLOADING, 500, 400, 100)); // duplicate
        KafkaProbe.send(Topics.AGENT_EVENTS.name(), a.toString(), "{not json");
        KafkaProbe.send(Topics.AGENT_EVENTS.name(), "someone-else", json.writeValueAsString(progress(a, job, 99, TargetState.COMPLETED, 1000, 0, 0)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.viewer()).queryParam("state", "DOWNLOADING").when().get("/api/v1/jobs/" + job + "/targets")
                        .then().statusCode(200).body("total", equalTo(1)).body("items[0].bytesDone", equalTo(500))
                        .body("items[0].bytesFromPeers", equalTo(400)).body("items[0].percent", equalTo(50.0f)));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs/" + job)
                .then().body("state", equalTo("RUNNING")).body("summary.bytesFromOrigin", equalTo(100));

        send(progress(a, job, 6, TargetState.COMPLETED, 1000, 900, 100));
        send(progress(agents.get(1), job, 1, TargetState.COMPLETED, 1000, 1000, 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs/" + job)
                        .then().body("state", equalTo("COMPLETED")).body("summary.percent", equalTo(100.0f))
                        .body("summary.bytesFromPeers", equalTo(1900)).body("summary.bytesFromOrigin", equalTo(100)));
    }

    @Test
    void aFailedTargetCarriesItsCodeAndCanBeRetried() throws Exception {
        UUID site = fixtures.site("retry-" + UUID.randomUUID());
        UUID agent = fixtures.agents(site, 1).get(0);
        String job = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("artifactId", fixtures.readyArtifact(1000), "targets", Map.of("agentIds", List.of(agent))))
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("id");
        send(new AgentEvent(agent.toString(), job, 1, TargetState.FAILED, 0, 1000, 0, 0, "disk-full",
                "no space left on /var/lib/branchcast", System.currentTimeMillis()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs/" + job).then().body("state", equalTo("FAILED")));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs/" + job + "/targets")
                .then().body("items[0].errorCode", equalTo("disk-full"));
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/jobs/" + job + "/retry")
                .then().statusCode(200).body("state", equalTo("RUNNING")).body("summary.targets.QUEUED", equalTo(1));
    }
}
