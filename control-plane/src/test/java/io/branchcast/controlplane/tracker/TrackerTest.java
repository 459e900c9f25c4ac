package io.branchcast.controlplane.tracker;

import io.branchcast.controlplane.security.Roles;
import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.KeycloakClients;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The tracker against real Keycloak identities and the real database: three agents with clients of their own (two in
 * office A, one in office B) announce over HTTP; bulk and stale peers are written straight into swarm_peers.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class TrackerTest {

    private static final String ANNOUNCE = "/api/v1/tracker/announce";
    private static final String SECRET = "tracker-test-secret";
    private static final List<String> CLIENTS = new ArrayList<>();
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, UUID> AGENTS = new HashMap<>();
    private static UUID siteA;
    private static UUID siteB;

    @Inject
    Fixtures fixtures;

    @Inject
    SwarmPeerCleanup cleanup;

    @AfterAll
    static void deleteClients() {
        CLIENTS.forEach(KeycloakClients::delete);
    }

    /** The agents a1 and a2 in office A and b1 in office B, each with its own Keycloak client and agent row. */
    private synchronized void agents() {
        if (siteA != null) {
            return;
        }
        siteA = fixtures.site("tracker-A-" + UUID.randomUUID());
        siteB = fixtures.site("tracker-B-" + UUID.randomUUID());
        for (String name : List.of("a1", "a2", "b1")) {
            String clientId = "tracker-test-" + name + "-" + UUID.randomUUID();
            KeycloakClients.create(clientId, SECRET, Roles.AGENT, 0);
            CLIENTS.add(clientId);
            UUID id = fixtures.enrolledAgent(clientId);
            fixtures.execute("UPDATE agents SET site_id = ?1 WHERE id = ?2", name.startsWith("a") ? siteA : siteB, id);
            AGENTS.put(name, id);
            TOKENS.put(name, Tokens.clientCredentials(clientId, SECRET));
        }
    }

    /** A job for the three agents plus {@code extra}. */
    private UUID job(UUID... extra) {
        agents();
        List<UUID> targets = new ArrayList<>(AGENTS.values());
        targets.addAll(List.of(extra));
        String id = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("artifactId", fixtures.readyArtifact(1000), "targets", Map.of("agentIds", targets)))
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static ValidatableResponse announce(String agent, UUID job, Object... query) {
        return announce(given(), TOKENS.get(agent), job, query);
    }

    private static ValidatableResponse announce(RequestSpecification request, String token, UUID job, Object... query) {
        Map<String, Object> params = new HashMap<>(Map.of("jobId", job.toString(), "port", "6881"));
        for (int i = 0; i < query.length; i += 2) {
            params.put((String) query[i], query[i + 1]);
        }
        return request.auth().oauth2(token).queryParams(params).when().get(ANNOUNCE).then();
    }

    /** A peer written straight into the table, announced {@code secondsAgo}. */
    private void peer(UUID job, UUID agent, String ip, int secondsAgo) {
        fixtures.execute("""
                INSERT INTO swarm_peers (job_id, agent_id, ip, port, complete, announced_at)
                VALUES (?1, ?2, ?3, 6881, false, now() - make_interval(secs => ?4))
                """, job, agent, ip, secondsAgo);
    }

    @Test
    void anAgentLearnsTheOtherLivePeersOfItsJobButNeverItself() {
        UUID job = job();
        announce("a1", job, "event", "started").statusCode(200)
                .body("interval", equalTo(30)).body("peers", empty());
        announce("b1", job, "event", "started", "port", "7000").statusCode(200)
                .body("peers.agentId", equalTo(List.of(AGENTS.get("a1").toString())))
                .body("peers[0].ip", equalTo("127.0.0.1")).body("peers[0].port", equalTo(6881))
                .body("peers[0].siteId", equalTo(siteA.toString())).body("peers[0].complete", equalTo(false));
        announce("a1", job).statusCode(200)
                .body("peers.agentId", equalTo(List.of(AGENTS.get("b1").toString())))
                .body("peers[0].port", equalTo(7000)).body("peers[0].siteId", equalTo(siteB.toString()));
    }

    @Test
    void peersOfTheCallersSiteComeFirstAndNumwantCapsTheAnswer() {
        List<UUID> inA = fixtures.agents(siteA, 4);
        List<UUID> inB = fixtures.agents(siteB, 20);
        List<UUID> extra = new ArrayList<>(inA);
        extra.addAll(inB);
        UUID job = job(extra.toArray(UUID[]::new));
        extra.forEach(agent -> peer(job, agent, "10.0.0.1", 5));
        announce("a2", job, "event", "started").statusCode(200);

        List<String> sites = announce("a1", job, "numwant", "8").statusCode(200).extract().jsonPath().getList("peers.siteId");
        assertThat(sites).hasSize(8);
        assertThat(sites.subList(0, 5)).containsOnly(siteA.toString());
        assertThat(sites.subList(5, 8)).containsOnly(siteB.toString());

        List<String> all = announce("a1", job, "numwant", "200").statusCode(200).extract().jsonPath().getList("peers.agentId");
        assertThat(all).hasSize(25).doesNotContain(AGENTS.get("a1").toString()).doesNotHaveDuplicates();
        announce("a1", job, "numwant", "0").statusCode(200).body("peers", empty());
    }

    @Test
    void theOtherTierIsShuffledSoLoadSpreadsOverTheSwarm() {
        List<UUID> inB = fixtures.agents(siteB, 30);
        UUID job = job(inB.toArray(UUID[]::new));
        inB.forEach(agent -> peer(job, agent, "10.0.0.2", 1));
        List<Object> firsts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firsts.add(announce("a1", job, "numwant", "1").statusCode(200).extract().path("peers[0].agentId"));
        }
        assertThat(firsts.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void peersSilentForThreeIntervalsAreNeitherReturnedNorKept() {
        List<UUID> others = fixtures.agents(siteA, 2);
        UUID job = job(others.toArray(UUID[]::new));
        peer(job, others.get(0), "10.0.0.3", 80);
        peer(job, others.get(1), "10.0.0.4", 91);
        announce("a2", job).statusCode(200);
        fixtures.execute("UPDATE swarm_peers SET announced_at = now() - interval '5 minutes' WHERE agent_id = ?1 AND job_id = ?2",
                AGENTS.get("a2"), job);

        announce("a1", job).statusCode(200).body("peers.agentId", equalTo(List.of(others.get(0).toString())));
        cleanup.purge();
        assertThat(fixtures.execute("DELETE FROM swarm_peers WHERE job_id = ?1", job))
                .as("only the live peers a1 and the 80 s old one remain").isEqualTo(2);
    }

    @Test
    void stoppedRemovesThePeerAndCompletedMarksIt() {
        UUID job = job();
        announce("a1", job, "event", "started").statusCode(200);
        announce("a2", job, "event", "completed").statusCode(200);
        announce("b1", job, "event", "").statusCode(200);
        announce("b1", job).statusCode(200)
                .body("peers.find { it.agentId == '" + AGENTS.get("a2") + "' }.complete", equalTo(true))
                .body("peers.find { it.agentId == '" + AGENTS.get("a1") + "' }.complete", equalTo(false));
        announce("a2", job).statusCode(200);
        announce("b1", job).statusCode(200).body("peers.find { it.agentId == '" + AGENTS.get("a2") + "' }.complete", equalTo(true));

        announce("a2", job, "event", "stopped").statusCode(200).body("peers", empty());
        announce("b1", job).statusCode(200).body("peers.agentId", equalTo(List.of(AGENTS.get("a1").toString())));
    }

    @Test
    void thePeerAddressIsTheOneTheAnnounceCameFrom() throws UnknownHostException {
        UUID job = job();
        RequestSpecification from127002 = given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.route.local-address", InetAddress.getByName("127.0.0.2"))));
        announce(from127002, TOKENS.get("a2"), job, "port", "6999").statusCode(200);
        announce("a1", job).statusCode(200).body("peers[0].ip", equalTo("127.0.0.2")).body("peers[0].port", equalTo(6999));
    }

    @Test
    void onlyTargetsOfAnExistingJobMayAnnounceIt() {
        agents();
        UUID others = fixtures.site("tracker-other-" + UUID.randomUUID());
        UUID foreign = UUID.fromString(given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("artifactId", fixtures.readyArtifact(1000), "targets", Map.of("agentIds", fixtures.agents(others, 1))))
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("id"));
        announce("a1", foreign).statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("forbidden")).body("detail", containsString("not a target"));
        announce("a1", UUID.randomUUID()).statusCode(404).body("code", equalTo("not-found"));
        assertThat(fixtures.execute("DELETE FROM swarm_peers WHERE job_id = ?1", foreign)).isZero();
    }

    @Test
    void onlyEnrolledActiveAgentsMayAnnounce() {
        UUID job = job();
        String unenrolled = "tracker-test-unenrolled-" + UUID.randomUUID();
        KeycloakClients.create(unenrolled, SECRET, Roles.AGENT, 0);
        CLIENTS.add(unenrolled);
        announce(given(), Tokens.clientCredentials(unenrolled, SECRET), job).statusCode(403)
                .body("detail", containsString("no enrolled agent"));

        List<UUID> revoked = fixtures.agents(siteA, 1);
        String clientId = "tracker-test-revoked-" + UUID.randomUUID();
        KeycloakClients.create(clientId, SECRET, Roles.AGENT, 0);
        CLIENTS.add(clientId);
        fixtures.execute("UPDATE agents SET client_id = ?1, state = 'REVOKED', revoked_at = now() WHERE id = ?2", clientId, revoked.get(0));
        announce(given(), Tokens.clientCredentials(clientId, SECRET), job).statusCode(403).body("code", equalTo("agent-revoked"));
    }

    @Test
    void usersMayNotAnnounceWhateverTheirRole() {
        UUID job = job();
        for (String user : List.of("viewer", "operator", "admin")) {
            announce(given(), Tokens.of(user), job).statusCode(403).body("code", equalTo("forbidden"));
        }
        given().queryParam("jobId", job.toString()).queryParam("port", "6881").when().get(ANNOUNCE)
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
            "numwant, 10000,   422, numwant must be at most 200",
            "numwant, 201,     422, numwant must be at most 200",
            "numwant, -1,      400, numwant must be a non-negative whole number",
            "port,    0,       422, port must be between 1 and 65535",
            "port,    65536,   422, port must be between 1 and 65535",
            "port,    http,    400, port must be a non-negative whole number",
            "port,    '',      422, port is required",
            "event,   paused,  422, 'event must be started, completed, stopped or empty'",
            "event,   STARTED, 422, 'event must be started, completed, stopped or empty'",
            "jobId,   '',      422, jobId is required",
            "jobId,   1-2-3-4-5, 400, jobId must be a UUID",
    })
    void refusesBadQueries(String param, String value, int status, String detail) {
        UUID job = job();
        announce("a1", job, param, value).statusCode(status).contentType("application/problem+json")
                .body("detail", equalTo(detail));
        assertThat(fixtures.execute("DELETE FROM swarm_peers WHERE job_id = ?1", job)).as("nothing recorded").isZero();
    }

    @Test
    void announcesAreCountedByEvent() {
        UUID job = job();
        announce("a1", job, "event", "started").statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("branchcast_tracker_announces_total{event=\"started\"}"));
    }
}
