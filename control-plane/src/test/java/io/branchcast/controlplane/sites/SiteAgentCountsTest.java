package io.branchcast.controlplane.sites;

import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class SiteAgentCountsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void sitesCountTheirAgentsOnlineOfflineAndRevoked() {
        String name = "counted-" + UUID.randomUUID();
        UUID site = fixtures.site(name);
        List<UUID> agents = fixtures.agents(site, 5);
        fixtures.execute("UPDATE agents SET last_seen_at = now() WHERE id = ANY(?1)", (Object) new UUID[]{agents.get(0), agents.get(1)});
        fixtures.execute("UPDATE agents SET last_seen_at = now() - interval '10 minutes' WHERE id = ?1", agents.get(2));
        fixtures.execute("UPDATE agents SET state = 'REVOKED', revoked_at = now(), last_seen_at = now() WHERE id = ?1", agents.get(3));

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/sites/" + site).then().statusCode(200)
                .body("agents.online", equalTo(2)).body("agents.offline", equalTo(2)).body("agents.revoked", equalTo(1));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/sites").then().statusCode(200)
                .body("find { it.name == '" + name + "' }.agents.online", equalTo(2))
                .body("find { it.name == '" + name + "' }.agents.offline", equalTo(2));
    }

    @Test
    void aNewSiteHasNoAgentsAndItsAuditRecordNoCounts() {
        String name = "fresh-" + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "subnets", List.of("10.250.7.0/24"), "wanBudgetBytesPerSecond", 1000))
                .when().post("/api/v1/sites").then().statusCode(201)
                .body("agents.online", equalTo(0)).body("agents.offline", equalTo(0)).body("agents.revoked", equalTo(0))
                .extract().path("id");
        given().auth().oauth2(Tokens.admin()).queryParam("targetId", id).when().get("/api/v1/audit").then().statusCode(200)
                .body("items[0].action", equalTo("site.create"))
                .body("items[0].after", not(hasKey("agents")));
    }
}
