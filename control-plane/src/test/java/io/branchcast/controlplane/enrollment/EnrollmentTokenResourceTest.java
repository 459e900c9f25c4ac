package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Enrollment tokens: only admins manage them, the secret appears once, and bad requests get field-level problems. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class EnrollmentTokenResourceTest {

    private static final String PATH = "/api/v1/enrollment-tokens";

    @Inject
    Fixtures fixtures;

    private static Map<String, Object> body(UUID siteId) {
        return Map.of("siteId", siteId, "expiresInSeconds", 86400, "maxUses", 3, "labels", List.of("lab", "floor-2"));
    }

    @Test
    void anAdminCreatesAToken_andItsSecretIsShownOnlyOnce() {
        UUID site = fixtures.site("tokens-" + UUID.randomUUID());
        var created = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body(site))
                .when().post(PATH).then().statusCode(201).header("Cache-Control", "no-store")
                .body("token", matchesPattern("bct_[A-Za-z0-9_-]{43}"))
                .body("siteId", equalTo(site.toString()))
                .body("labels", equalTo(List.of("lab", "floor-2")))
                .body("maxUses", equalTo(3)).body("uses", equalTo(0))
                .body("createdBy", equalTo("admin")).body("revokedAt", nullValue())
                .extract();
        String id = created.path("id");
        String secret = created.path("token");
        assertThat(created.header("Location")).endsWith(PATH + "/" + id);
        assertThat((String) created.path("installCommand"))
                .matches("curl -fsSL http://127\\.0\\.0\\.1:\\d+/install\\.sh \\| sudo sh -s -- --token " + secret);
        Instant expires = Instant.parse(created.path("expiresAt"));
        assertThat(expires).isBetween(Instant.now().plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MINUTES),
                Instant.now().plus(1, ChronoUnit.DAYS));

        given().auth().oauth2(Tokens.admin()).when().get(PATH + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("$", not(org.hamcrest.Matchers.hasKey("token")))
                .body("$", not(org.hamcrest.Matchers.hasKey("installCommand")));
        String list = given().auth().oauth2(Tokens.admin()).queryParam("siteId", site).when().get(PATH)
                .then().statusCode(200).body("items.id", hasItem(id)).body("total", equalTo(1)).extract().asString();
        assertThat(list).doesNotContain(secret);
        String audit = given().auth().oauth2(Tokens.admin()).queryParam("targetId", id).when().get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItem("enrollment-token.create")).extract().asString();
        assertThat(audit).doesNotContain(secret);
    }

    @Test
    void onlyAdminsManageTokens() {
        UUID site = fixtures.site("roles-" + UUID.randomUUID());
        String id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body(site))
                .when().post(PATH).then().statusCode(201).extract().path("id");
        String agent = Tokens.clientCredentials("demo-agent", "demo-agent-secret");
        for (String token : List.of(Tokens.viewer(), Tokens.operator(), agent)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body(site)).when().post(PATH).then().statusCode(403);
            given().auth().oauth2(token).when().get(PATH).then().statusCode(403);
            given().auth().oauth2(token).when().get(PATH + "/" + id).then().statusCode(403);
            given().auth().oauth2(token).when().delete(PATH + "/" + id).then().statusCode(403);
        }
        given().when().get(PATH).then().statusCode(401).body("code", equalTo("unauthenticated"));
        given().contentType(ContentType.JSON).body(body(site)).when().post(PATH).then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).when().get(PATH + "/" + id).then().statusCode(200).body("revokedAt", nullValue());
    }

    @Test
    void revokingIsAuditedAndRepeatable() {
        UUID site = fixtures.site("revoke-" + UUID.randomUUID());
        String id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body(site))
                .when().post(PATH).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin()).when().delete(PATH + "/" + id).then().statusCode(204);
        String revokedAt = given().auth().oauth2(Tokens.admin()).when().get(PATH + "/" + id).then().statusCode(200)
                .body("revokedAt", notNullValue()).extract().path("revokedAt");
        given().auth().oauth2(Tokens.admin()).when().delete(PATH + "/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get(PATH + "/" + id).then().body("revokedAt", equalTo(revokedAt));
        given().auth().oauth2(Tokens.admin()).queryParam("targetId", id).queryParam("action", "enrollment-token.revoke")
                .when().get("/api/v1/audit").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(Tokens.admin()).when().delete(PATH + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("not-found"));
    }

    @Test
    void refusesInvalidRequestsFieldByField() {
        UUID site = fixtures.site("invalid-" + UUID.randomUUID());
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", site, "expiresInSeconds", 2_592_001, "maxUses", 0, "labels", List.of("bad label")))
                .when().post(PATH).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("invalid"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("expiresInSeconds", "maxUses"))
                .body("errors.size()", equalTo(3));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", UUID.randomUUID(), "expiresInSeconds", 60, "maxUses", 1))
                .when().post(PATH).then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("does not exist"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"siteId\": 5")
                .when().post(PATH).then().statusCode(400).body("code", equalTo("malformed"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"siteId\": \"x\", \"maxUses\": 1}")
                .when().post(PATH).then().statusCode(400).body("code", equalTo("malformed"));
    }
}
