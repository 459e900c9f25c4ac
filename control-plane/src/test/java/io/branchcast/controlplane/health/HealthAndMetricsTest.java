package io.branchcast.controlplane.health;

import io.branchcast.controlplane.support.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class HealthAndMetricsTest {

    @Test
    void readyOnlyWithTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka", "Database connections health check"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void exposesBranchcastMetricsForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("branchcast_jobs{state=\"running\"}"))
                .body(containsString("branchcast_agent_events_ingested_total"))
                .body(containsString("branchcast_outbox_messages"));
    }

    @Test
    void servesTheOpenApiDocumentOfTheV1Api() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/jobs/{id}/stream"));
    }
}
