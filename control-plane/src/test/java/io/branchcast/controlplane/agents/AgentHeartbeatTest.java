package io.branchcast.controlplane.agents;

import io.branchcast.controlplane.support.Enrollments;
import io.branchcast.controlplane.support.Enrollments.EnrolledAgent;
import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** An idle agent stays "online" through its heartbeat; only an active agent's own token may send one. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class AgentHeartbeatTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aHeartbeatMarksTheCallingAgentOnline() {
        EnrolledAgent agent = Enrollments.enrolledAgent(fixtures.site("heartbeat-" + UUID.randomUUID()));
        fixtures.execute("UPDATE agents SET last_seen_at = now() - interval '1 hour' WHERE id = ?1", agent.agentId());
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/agents/" + agent.agentId())
                .then().statusCode(200).body("online", equalTo(false));

        given().auth().oauth2(agent.accessToken()).when().post("/api/v1/agents/me/heartbeat").then().statusCode(204);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/agents/" + agent.agentId())
                .then().statusCode(200).body("online", equalTo(true)).body("lastSeenAt", notNullValue());
    }

    @Test
    void peopleAndRevokedAgentsCannotSendHeartbeats() {
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/agents/me/heartbeat").then().statusCode(403);
        given().when().post("/api/v1/agents/me/heartbeat").then().statusCode(401);

        EnrolledAgent agent = Enrollments.enrolledAgent(fixtures.site("heartbeat-revoked-" + UUID.randomUUID()));
        String token = agent.accessToken();
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/agents/" + agent.agentId() + "/revoke").then().statusCode(200);

        given().auth().oauth2(token).when().post("/api/v1/agents/me/heartbeat")
                .then().statusCode(403).body("code", equalTo("agent-revoked"));
    }
}
