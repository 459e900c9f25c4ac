package io.branchcast.controlplane.security;

import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.KeycloakClients;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.branchcast.devstack.SharedStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Who may call what: every role against every read and write endpoint of sites, agents, jobs and audit. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class AccessControlTest {

    @Inject
    Fixtures fixtures;

    private static String token(String who) {
        return switch (who) {
            case "agent" -> Tokens.clientCredentials("demo-agent", "demo-agent-secret");
            default -> Tokens.of(who);
        };
    }

    /** Expected status per caller: viewer, operator, admin, agent. Writes use bodies that fail validation (422) once allowed. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,    /api/v1/sites,                200, 200, 200, 403",
            "POST,   /api/v1/sites,                403, 403, 422, 403",
            "GET,    /api/v1/agents,               200, 200, 200, 403",
            "GET,    /api/v1/jobs,                 200, 200, 200, 403",
            "POST,   /api/v1/jobs,                 403, 422, 422, 403",
            "POST,   /api/v1/jobs/target-preview,  403, 200, 200, 403",
            "GET,    /api/v1/audit,                403, 403, 200, 403",
    })
    void rolesDecideWhoMayCallWhat(String method, String path, int viewer, int operator, int admin, int agent) {
        Map<String, Integer> expected = Map.of("viewer", viewer, "operator", operator, "admin", admin, "agent", agent);
        expected.forEach((who, status) -> {
            var request = given().auth().oauth2(token(who));
            var response = method.equals("GET") ? request.when().get(path)
                    : request.contentType(ContentType.JSON).body("{}").when().post(path);
            response.then().statusCode(status);
        });
        var anonymous = method.equals("GET") ? given().when().get(path) : given().contentType(ContentType.JSON).body("{}").when().post(path);
        anonymous.then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    void anAgentReadsItsOwnRecordOnlyOnceEnrolled() {
        given().auth().oauth2(token("agent")).when().get("/api/v1/agents/me")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"))
                .body("detail", containsString("demo-agent"));
        fixtures.enrolledAgent("demo-agent");
        given().auth().oauth2(token("agent")).when().get("/api/v1/agents/me")
                .then().statusCode(200).body("clientId", equalTo("demo-agent"));
        given().auth().oauth2(token("operator")).when().get("/api/v1/agents/me").then().statusCode(403);
    }

    @Test
    void actionsOnJobsNeedTheOperatorRole() {
        String path = "/api/v1/jobs/" + UUID.randomUUID() + "/cancel";
        given().auth().oauth2(token("viewer")).when().post(path).then().statusCode(403);
        given().auth().oauth2(token("agent")).when().post(path).then().statusCode(403);
        given().auth().oauth2(token("operator")).when().post(path).then().statusCode(404);
    }

    @Test
    void refusesATokenOfAnotherRealm() {
        String master = RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post(SharedStack.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(master).when().get("/api/v1/sites").then().statusCode(401);
    }

    @Test
    void refusesATokenOnceItExpired() {
        String clientId = "short-lived-" + UUID.randomUUID();
        KeycloakClients.create(clientId, "short-lived-secret", Roles.VIEWER, 2);
        String token = Tokens.clientCredentials(clientId, "short-lived-secret");
        given().auth().oauth2(token).when().get("/api/v1/sites").then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/sites").then().statusCode(401));
    }
}
