package io.branchcast.controlplane.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Enrollments drives the real enrollment API: an admin creates a token, a "machine" enrolls with it, and gets back a
 * Keycloak client of its own that works against Keycloak, Kafka and the control plane.
 */
public final class Enrollments {

    private Enrollments() {
    }

    /** A credential-bearing enrollment answer: what an agent stores. */
    public record EnrolledAgent(UUID agentId, UUID siteId, String clientId, String clientSecret) {

        public String accessToken() {
            return Tokens.clientCredentials(clientId, clientSecret);
        }
    }

    /** An admin-made token for the site; returns the token secret. */
    public static String token(UUID siteId, int maxUses, long expiresInSeconds, String... labels) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", siteId, "maxUses", maxUses, "expiresInSeconds", expiresInSeconds,
                        "labels", List.of(labels)))
                .when().post("/api/v1/enrollment-tokens").then().statusCode(201).extract().path("token");
    }

    public static ValidatableResponse enroll(String token, String machineId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "machineId", machineId, "hostname", "ws-" + machineId.substring(0, 8),
                        "agentVersion", "0.1.0"))
                .when().post("/api/v1/enrollments").then();
    }

    /** A fresh machine enrolled into the site with a single-use token. */
    public static EnrolledAgent enrolledAgent(UUID siteId) {
        var answer = enroll(token(siteId, 1, 3600), newMachineId()).statusCode(200).extract();
        return new EnrolledAgent(UUID.fromString(answer.path("agentId")), UUID.fromString(answer.path("siteId")),
                answer.path("clientId"), answer.path("clientSecret"));
    }

    public static String newMachineId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
