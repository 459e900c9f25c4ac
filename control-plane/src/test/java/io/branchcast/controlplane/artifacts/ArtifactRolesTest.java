package io.branchcast.controlplane.artifacts;

import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call which artifacts endpoint. Requests that pass the role check are built to fail right after it with a
 * known status (an invalid name: 422, an unknown id: 404), so the matrix changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ArtifactRolesTest {

    private static final String[] ROLES = {"none", "viewer", "operator", "admin"};

    /** Expected status per caller, in the order of {@link #ROLES}, for each endpoint. */
    @Test
    void eachEndpointAdmitsExactlyItsRoles() {
        String one = "/api/v1/artifacts/" + ArtifactResourceTest.uploadReady("roles.img", Payloads.random(1000, 1));
        String unknown = "/api/v1/artifacts/" + UUID.randomUUID();
        List<String> mismatches = new ArrayList<>();
        check(mismatches, "GET  list         ", "401 200 200 200", r -> r.get("/api/v1/artifacts"));
        check(mismatches, "GET  one          ", "401 200 200 200", r -> r.get(one));
        check(mismatches, "GET  signing-key  ", "401 200 200 200", r -> r.get("/api/v1/artifacts/signing-key"));
        check(mismatches, "POST upload       ", "401 403 422 422", r -> r.contentType("application/octet-stream")
                .queryParam("name", "../x").queryParam("version", "1").body(new byte[]{1}).post("/api/v1/artifacts"));
        check(mismatches, "POST registration ", "401 403 422 422", r -> r.contentType("application/json")
                .body("{\"name\":\"x\",\"version\":\"1\",\"path\":\"../x\"}").post("/api/v1/artifacts/registrations"));
        check(mismatches, "DELETE            ", "401 403 404 404", r -> r.delete(unknown));
        check(mismatches, "GET  content      ", "401 403 200 200", r -> r.get(one + "/content"));
        check(mismatches, "HEAD content      ", "401 403 200 200", r -> r.head(one + "/content"));
        check(mismatches, "GET  manifest     ", "401 403 200 200", r -> r.get(one + "/manifest"));
        check(mismatches, "GET  torrent      ", "401 403 200 200", r -> r.get(one + "/torrent"));
        assertThat(mismatches).isEmpty();
    }

    private interface Call {
        io.restassured.response.Response send(RequestSpecification request);
    }

    private static void check(List<String> mismatches, String endpoint, String expected, Call call) {
        String[] statuses = expected.split(" ");
        for (int i = 0; i < ROLES.length; i++) {
            RequestSpecification request = given();
            if (!ROLES[i].equals("none")) {
                request.auth().oauth2(Tokens.of(ROLES[i]));
            }
            int actual = call.send(request.when()).statusCode();
            if (actual != Integer.parseInt(statuses[i])) {
                mismatches.add(endpoint.strip() + " as " + ROLES[i] + ": expected " + statuses[i] + ", got " + actual);
            }
        }
    }
}
