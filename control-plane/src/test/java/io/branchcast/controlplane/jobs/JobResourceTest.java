package io.branchcast.controlplane.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.contracts.events.Topics;
import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.KafkaProbe;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class JobResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    private UUID siteWithAgents(int agents) {
        UUID site = fixtures.site("office-" + UUID.randomUUID());
        fixtures.agents(site, agents);
        return site;
    }

    private String createJob(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/jobs")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void operatorCreatesAJobForASiteAndItIsAnnouncedOnTheDesiredStateTopic() throws Exception {
        UUID artifact = fixtures.readyArtifact(1_000_000);
        UUID site = siteWithAgents(3);
        String id = createJob(Map.of("artifactId", artifact, "targets", Map.of("siteIds", List.of(site)), "priority", 5));

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs/" + id)
                .then().statusCode(200)
                .body("state", equalTo("SCHEDULED"))
                .body("summary.totalTargets", equalTo(3))
                .body("summary.targets.QUEUED", equalTo(3))
                .body("summary.bytesTotal", equalTo(3_000_000))
                .body("createdBy", equalTo("operator"));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs/" + id + "/targets")
                .then().statusCode(200).body("total", equalTo(3)).body("items[0].state", equalTo("QUEUED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = KafkaProbe.recordsWithKey(Topics.JOBS_DESIRED.name(), id, Duration.ZERO);
            assertThat(records).hasSize(1);
            JsonNode desired = json.readTree(records.get(0).value());
            assertThat(desired.path("siteIds").get(0).asText()).isEqualTo(site.toString());
            assertThat(desired.path("contentUrl").asText()).endsWith("/api/v1/artifacts/" + artifact + "/content");
            assertThat(desired.path("paused").asBoolean()).isFalse();
        });
    }

    @Test
    void pauseResumeAndCancelFollowTheStateMachine() throws Exception {
        UUID artifact = fixtures.readyArtifact(10);
        String id = createJob(Map.of("artifactId", artifact, "targets", Map.of("siteIds", List.of(siteWithAgents(2)))));
        String operator = Tokens.operator();

        given().auth().oauth2(operator).when().post("/api/v1/jobs/" + id + "/pause").then().statusCode(200).body("state", equalTo("PAUSED"));
        given().auth().oauth2(operator).when().post("/api/v1/jobs/" + id + "/pause").then().statusCode(409)
                .body("code", equalTo("conflict")).body("detail", containsString("is PAUSED"));
        given().auth().oauth2(operator).when().post("/api/v1/jobs/" + id + "/resume").then().statusCode(200).body("state", equalTo("SCHEDULED"));
        given().auth().oauth2(operator).when().post("/api/v1/jobs/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("summary.targets.CANCELLED", equalTo(2));
        given().auth().oauth2(operator).when().post("/api/v1/jobs/" + id + "/resume").then().statusCode(409);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = KafkaProbe.recordsWithKey(Topics.JOBS_DESIRED.name(), id, Duration.ZERO);
            assertThat(records).hasSize(4);
            assertThat(json.readTree(records.get(1).value()).path("paused").asBoolean()).isTrue();
            assertThat(records.get(3).value()).as("a cancelled job leaves a tombstone").isNull();
        });
        var audit = given().auth().oauth2(Tokens.admin()).queryParam("targetId", id).when().get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(4)).body("items[0].action", equalTo("job.cancel"))
                .extract();
        given().auth().oauth2(Tokens.admin()).queryParam("targetId", id).queryParam("action", "job.cancel")
                .queryParam("targetType", audit.<String>path("items[0].targetType"))
                .queryParam("actor", audit.<String>path("items[0].actor"))
                .when().get("/api/v1/audit").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(Tokens.admin()).queryParam("targetId", id).queryParam("targetType", "no-such-type")
                .when().get("/api/v1/audit").then().statusCode(200).body("total", equalTo(0));
        String since = audit.path("items[1].at");
        List<String> times = audit.path("items.at");
        given().auth().oauth2(Tokens.admin()).queryParam("targetId", id).queryParam("since", since)
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo((int) times.stream().filter(at -> Instant.parse(at).compareTo(Instant.parse(since)) >= 0).count()));
    }

    @Test
    void aDraftIsNotAnnouncedUntilScheduled() {
        String id = createJob(Map.of("artifactId", fixtures.readyArtifact(10), "draft", true,
                "targets", Map.of("siteIds", List.of(siteWithAgents(1)))));
        assertThat(KafkaProbe.recordsWithKey(Topics.JOBS_DESIRED.name(), id, Duration.ofSeconds(2))).isEmpty();
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/jobs/" + id + "/schedule").then().statusCode(200)
                .body("state", equalTo("SCHEDULED"));
    }

    @Test
    void listsJobsInAnyOfSeveralStates() {
        UUID artifact = fixtures.readyArtifact(10);
        Map<String, Object> targets = Map.of("siteIds", List.of(siteWithAgents(1)));
        String draft = createJob(Map.of("artifactId", artifact, "draft", true, "targets", targets));
        String scheduled = createJob(Map.of("artifactId", artifact, "targets", targets));
        String paused = createJob(Map.of("artifactId", artifact, "targets", targets));
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/jobs/" + paused + "/pause").then().statusCode(200);

        given().auth().oauth2(Tokens.viewer()).queryParam("artifactId", artifact)
                .queryParam("state", "DRAFT").queryParam("state", "PAUSED")
                .when().get("/api/v1/jobs").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(draft, paused));
        given().auth().oauth2(Tokens.viewer()).queryParam("artifactId", artifact).queryParam("state", "SCHEDULED")
                .when().get("/api/v1/jobs").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(scheduled));
        given().auth().oauth2(Tokens.viewer()).queryParam("artifactId", artifact)
                .when().get("/api/v1/jobs").then().statusCode(200).body("total", equalTo(3));

        String named = createJob(Map.of("artifactId", artifact, "name", "Patch_Tuesday 100% " + artifact,
                "targets", targets));
        given().auth().oauth2(Tokens.viewer()).queryParam("artifactId", artifact).queryParam("q", "patch_tuesday 100%")
                .when().get("/api/v1/jobs").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(named));
        given().auth().oauth2(Tokens.viewer()).queryParam("artifactId", artifact).queryParam("q", "patch%tuesday")
                .when().get("/api/v1/jobs").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void refusesJobsThatCannotRun() {
        UUID artifact = fixtures.readyArtifact(10);
        UUID site = siteWithAgents(1);
        String operator = Tokens.operator();
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("artifactId", artifact, "targets", Map.of()))
                .when().post("/api/v1/jobs").then().statusCode(422).body("detail", containsString("needs targets"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("artifactId", artifact, "targets", Map.of("siteIds", List.of(UUID.randomUUID()))))
                .when().post("/api/v1/jobs").then().statusCode(422).body("detail", containsString("match no active agent"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("artifactId", UUID.randomUUID(), "targets", Map.of("siteIds", List.of(site))))
                .when().post("/api/v1/jobs").then().statusCode(422).body("detail", containsString("does not exist"));
        Instant start = Instant.now().plusSeconds(7200);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("artifactId", artifact, "targets", Map.of("siteIds", List.of(site)),
                        "startAt", start.toString(), "deadline", start.minusSeconds(60).toString()))
                .when().post("/api/v1/jobs").then().statusCode(422).body("detail", containsString("is not after startAt"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("artifactId", artifact, "targets", Map.of("siteIds", List.of(site)), "wanCapBytesPerSecond", -1))
                .when().post("/api/v1/jobs").then().statusCode(422).body("errors[0].field", equalTo("wanCapBytesPerSecond"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("artifactId", "not-a-uuid", "targets", Map.of()))
                .when().post("/api/v1/jobs").then().statusCode(400).body("code", equalTo("malformed"));
        given().auth().oauth2(operator).when().get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void viewersReadJobsButCannotCreateOrSteerThem() {
        UUID artifact = fixtures.readyArtifact(10);
        UUID site = siteWithAgents(1);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("artifactId", artifact, "targets", Map.of("siteIds", List.of(site))))
                .when().post("/api/v1/jobs").then().statusCode(403);
        String id = createJob(Map.of("artifactId", artifact, "targets", Map.of("siteIds", List.of(site))));
        for (String action : List.of("pause", "resume", "cancel", "retry", "schedule")) {
            given().auth().oauth2(Tokens.viewer()).when().post("/api/v1/jobs/" + id + "/" + action).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs").then().statusCode(200);
        given().when().get("/api/v1/jobs").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void previewCountsTheAgentsTargetsSelect() {
        UUID site = siteWithAgents(4);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("siteIds", List.of(site)))
                .when().post("/api/v1/jobs/target-preview").then().statusCode(200).body("agents", equalTo(4));
    }
}
