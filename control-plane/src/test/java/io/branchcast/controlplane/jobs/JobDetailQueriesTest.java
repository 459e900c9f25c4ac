package io.branchcast.controlplane.jobs;

import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** What the console's job and agent pages read: per-site rollups, filtered and sorted targets, an agent's jobs. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class JobDetailQueriesTest {

    private static final long SIZE = 1000;

    @Inject
    Fixtures fixtures;

    private UUID job(List<UUID> agents) {
        String id = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("artifactId", fixtures.readyArtifact(SIZE), "name", "rollout-" + UUID.randomUUID(),
                        "targets", Map.of("agentIds", agents)))
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private void progress(UUID job, UUID agent, String state, long done, long peers, long origin) {
        fixtures.execute("""
                UPDATE job_targets SET state = ?3, bytes_done = ?4, bytes_total = 1000, bytes_from_peers = ?5,
                       bytes_from_origin = ?6, updated_at = now() WHERE job_id = ?1 AND agent_id = ?2
                """, job, agent, state, done, peers, origin);
    }

    private void host(UUID agent, String hostname) {
        fixtures.execute("UPDATE agents SET hostname = ?1 WHERE id = ?2", hostname, agent);
    }

    private ValidatableResponse targets(UUID job, Object... query) {
        var request = given().auth().oauth2(Tokens.viewer());
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam((String) query[i], query[i + 1]);
        }
        return request.when().get("/api/v1/jobs/" + job + "/targets").then();
    }

    @Test
    void sitesRollUpTargetsBytesAndOnlineAgents() {
        String name = "branch-" + UUID.randomUUID();
        UUID site = fixtures.site(name);
        List<UUID> atSite = fixtures.agents(site, 3);
        UUID homeless = fixtures.enrolledAgent("no-site-" + UUID.randomUUID());
        List<UUID> all = new ArrayList<>(atSite);
        all.add(homeless);
        UUID job = job(all);
        progress(job, atSite.get(0), "COMPLETED", 900, 800, 200);
        progress(job, atSite.get(1), "DOWNLOADING", 400, 300, 100);
        fixtures.execute("UPDATE agents SET last_seen_at = now() WHERE id = ANY(?1)", (Object) new UUID[]{atSite.get(0), atSite.get(1)});
        fixtures.execute("UPDATE agents SET last_seen_at = now() - interval '1 hour' WHERE id = ?1", atSite.get(2));

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs/" + job + "/sites").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].siteId", equalTo(site.toString())).body("[0].siteName", equalTo(name))
                .body("[0].onlineAgents", equalTo(2))
                .body("[0].summary.totalTargets", equalTo(3))
                .body("[0].summary.targets.COMPLETED", equalTo(1))
                .body("[0].summary.targets.DOWNLOADING", equalTo(1))
                .body("[0].summary.targets.QUEUED", equalTo(1))
                .body("[0].summary.bytesDone", equalTo(1400))
                .body("[0].summary.bytesTotal", equalTo(3000))
                .body("[0].summary.bytesFromPeers", equalTo(1100))
                .body("[0].summary.bytesFromOrigin", equalTo(300))
                .body("[1].siteId", nullValue()).body("[1].siteName", nullValue())
                .body("[1].onlineAgents", equalTo(0)).body("[1].summary.totalTargets", equalTo(1));
    }

    @Test
    void siteRollupsAreForViewersOfExistingJobs() {
        UUID job = job(fixtures.agents(fixtures.site("roles-" + UUID.randomUUID()), 1));
        given().auth().oauth2(Tokens.clientCredentials("demo-agent", "demo-agent-secret"))
                .when().get("/api/v1/jobs/" + job + "/sites").then().statusCode(403);
        given().when().get("/api/v1/jobs/" + job + "/sites").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/jobs/" + UUID.randomUUID() + "/sites")
                .then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void targetsAreFilteredByAPartOfTheHostNameInAnyCaseWithWildcardsTakenLiterally() {
        List<UUID> agents = fixtures.agents(fixtures.site("hosts-" + UUID.randomUUID()), 4);
        host(agents.get(0), "Kiosk-01.branch");
        host(agents.get(1), "kiosk_02.branch");
        host(agents.get(2), "desk-100%.branch");
        host(agents.get(3), "deskX02.branch");
        UUID job = job(agents);

        targets(job, "host", "KIOSK").statusCode(200).body("total", equalTo(2))
                .body("items.hostname", contains("Kiosk-01.branch", "kiosk_02.branch"));
        targets(job, "host", "_0").statusCode(200).body("items.hostname", contains("kiosk_02.branch"));
        targets(job, "host", "%").statusCode(200).body("items.hostname", contains("desk-100%.branch"));
        targets(job, "host", "\\").statusCode(200).body("total", equalTo(0));
        targets(job, "host", "  ").statusCode(200).body("total", equalTo(4));
        targets(job, "host", "k", "state", "QUEUED", "size", 1).statusCode(200)
                .body("total", equalTo(4)).body("items.size()", equalTo(1));
        targets(job, "host", "x".repeat(254)).statusCode(422).body("detail", containsString("host must be at most 253"));
    }

    @Test
    void targetsAreSortedByTheChosenColumnEitherWay() {
        List<UUID> agents = fixtures.agents(fixtures.site("sorting-" + UUID.randomUUID()), 4);
        for (int i = 0; i < agents.size(); i++) {
            host(agents.get(i), "ws-" + i);
        }
        UUID job = job(agents);
        progress(job, agents.get(0), "DOWNLOADING", 500, 0, 500);
        progress(job, agents.get(1), "COMPLETED", 10, 0, 10);
        progress(job, agents.get(2), "FAILED", 100, 100, 0);
        fixtures.execute("UPDATE job_targets SET updated_at = now() + interval '1 minute' WHERE job_id = ?1 AND agent_id = ?2",
                job, agents.get(3));

        targets(job).statusCode(200).body("items.hostname", contains("ws-0", "ws-1", "ws-2", "ws-3"));
        targets(job, "sort", "host", "order", "desc").statusCode(200).body("items.hostname", contains("ws-3", "ws-2", "ws-1", "ws-0"));
        targets(job, "sort", "progress", "order", "desc").statusCode(200).body("items.hostname", contains("ws-1", "ws-0", "ws-2", "ws-3"));
        targets(job, "sort", "state").statusCode(200).body("items.state", contains("QUEUED", "DOWNLOADING", "COMPLETED", "FAILED"));
        targets(job, "sort", "updated", "order", "desc").statusCode(200).body("items[0].hostname", equalTo("ws-3"));
        targets(job, "sort", "peers", "order", "desc").statusCode(200).body("items[0].hostname", equalTo("ws-2"));
        targets(job, "sort", "origin", "order", "desc").statusCode(200).body("items[0].hostname", equalTo("ws-0"));
        targets(job, "sort", "site").statusCode(200).body("items.hostname", contains("ws-0", "ws-1", "ws-2", "ws-3"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "sort,  percent, 'sort must be one of host, site, state, progress, peers, origin, updated'",
            "sort,  HOST,    'sort must be one of host, site, state, progress, peers, origin, updated'",
            "sort,  'a.id; DROP TABLE jobs', 'sort must be one of host, site, state, progress, peers, origin, updated'",
            "order, up,      order must be asc or desc",
    })
    void refusesUnknownSortsAndOrders(String param, String value, String detail) {
        UUID job = job(fixtures.agents(fixtures.site("bad-sort-" + UUID.randomUUID()), 1));
        targets(job, param, value).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("invalid")).body("detail", equalTo(detail));
    }

    @Test
    void anAgentsJobsAreListedNewestFirstWithItsRowOfEach() {
        UUID agent = fixtures.agents(fixtures.site("agent-jobs-" + UUID.randomUUID()), 1).get(0);
        UUID older = job(List.of(agent));
        UUID newer = job(List.of(agent));
        progress(newer, agent, "DOWNLOADING", 250, 50, 200);
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/jobs/" + older + "/cancel").then().statusCode(200);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/agents/" + agent + "/jobs").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.jobId", contains(newer.toString(), older.toString()))
                .body("items[0].jobName", containsString("rollout-"))
                .body("items[0].jobState", equalTo("SCHEDULED"))
                .body("items[0].target.state", equalTo("DOWNLOADING"))
                .body("items[0].target.percent", equalTo(25.0f))
                .body("items[0].target.bytesFromOrigin", equalTo(200))
                .body("items[1].jobState", equalTo("CANCELLED"));
        given().auth().oauth2(Tokens.viewer()).queryParam("active", true).when().get("/api/v1/agents/" + agent + "/jobs")
                .then().statusCode(200).body("total", equalTo(1)).body("items.jobId", contains(newer.toString()));
        given().auth().oauth2(Tokens.viewer()).queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/agents/" + agent + "/jobs")
                .then().statusCode(200).body("total", equalTo(2)).body("items.jobId", contains(older.toString()));
    }

    @Test
    void anAgentsJobsAreForViewersOfExistingAgents() {
        UUID agent = fixtures.agents(fixtures.site("agent-jobs-roles-" + UUID.randomUUID()), 1).get(0);
        given().auth().oauth2(Tokens.clientCredentials("demo-agent", "demo-agent-secret"))
                .when().get("/api/v1/agents/" + agent + "/jobs").then().statusCode(403);
        given().when().get("/api/v1/agents/" + agent + "/jobs").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/agents/" + UUID.randomUUID() + "/jobs")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(Tokens.viewer()).queryParam("size", 501).when().get("/api/v1/agents/" + agent + "/jobs")
                .then().statusCode(422);
    }

    @Test
    void deliveryStatsSumBytesBySourceOverTheLastDayOrWeek() {
        List<UUID> agents = fixtures.agents(fixtures.site("delivery-" + UUID.randomUUID()), 2);
        UUID job = job(agents);
        JsonPath dayBefore = delivery("24h").extract().jsonPath();
        JsonPath weekBefore = delivery("7d").extract().jsonPath();

        progress(job, agents.get(0), "COMPLETED", 1000, 700, 300);
        progress(job, agents.get(1), "COMPLETED", 1000, 1000, 0);
        fixtures.execute("UPDATE job_targets SET updated_at = now() - interval '3 days' WHERE job_id = ?1 AND agent_id = ?2",
                job, agents.get(1));

        JsonPath day = delivery("24h").body("window", equalTo("24h")).extract().jsonPath();
        JsonPath week = delivery("7d").body("window", equalTo("7d")).extract().jsonPath();
        assertThat(day.getLong("bytesFromPeers") - dayBefore.getLong("bytesFromPeers")).isEqualTo(700);
        assertThat(day.getLong("bytesFromOrigin") - dayBefore.getLong("bytesFromOrigin")).isEqualTo(300);
        assertThat(week.getLong("bytesFromPeers") - weekBefore.getLong("bytesFromPeers")).isEqualTo(1700);
        given().auth().oauth2(Tokens.viewer()).queryParam("window", "1y").when().get("/api/v1/stats/delivery")
                .then().statusCode(422).body("code", equalTo("invalid"));
        given().when().get("/api/v1/stats/delivery").then().statusCode(401);
    }

    private ValidatableResponse delivery(String window) {
        return given().auth().oauth2(Tokens.viewer()).queryParam("window", window).when().get("/api/v1/stats/delivery")
                .then().statusCode(200);
    }
}
