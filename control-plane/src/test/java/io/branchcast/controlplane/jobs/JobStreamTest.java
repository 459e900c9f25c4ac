package io.branchcast.controlplane.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.TargetState;
import io.branchcast.contracts.events.Topics;
import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.KafkaProbe;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Live progress reaches a Server-Sent Events client through the job-progress topic. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class JobStreamTest {

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    @Test
    void streamsTheCurrentStateThenEveryUpdate() throws Exception {
        UUID site = fixtures.site("sse-" + UUID.randomUUID());
        UUID agent = fixtures.agents(site, 1).get(0);
        String job = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("artifactId", fixtures.readyArtifact(1000), "targets", Map.of("siteIds", List.of(site))))
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("id");

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(jobs.resolve(job + "/stream"))
                .header("Authorization", "Bearer " + Tokens.viewer()).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("data:")).forEach(events::add));
        reader.setDaemon(true);
        reader.start();

        String first = events.poll(20, TimeUnit.SECONDS);
        assertThat(first).as("the snapshot comes first").isNotNull().contains("\"state\":\"SCHEDULED\"");

        KafkaProbe.send(Topics.AGENT_EVENTS.name(), agent.toString(), json.writeValueAsString(new AgentEvent(
                agent.toString(), job, 1, TargetState.DOWNLOADING, 250, 1000, 200, 50, null, null, System.currentTimeMillis())));
        String update = events.poll(30, TimeUnit.SECONDS);
        assertThat(update).isNotNull().contains("\"state\":\"RUNNING\"").contains("\"bytesFromPeers\":200")
                .contains("\"percent\":25.0");
        response.body().close();
    }

    @Test
    void refusesAStreamWithoutAToken() {
        given().when().get("/api/v1/jobs/" + UUID.randomUUID() + "/stream").then().statusCode(401);
    }
}
