package io.branchcast.controlplane.events;

import io.branchcast.contracts.events.Topics;
import io.branchcast.controlplane.support.Fixtures;
import io.branchcast.controlplane.support.KafkaProbe;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher does not run by itself here: a committed job change whose publication never happened is what a crash
 * between commit and publish leaves behind. Publishing on the next start must deliver it exactly once.
 */
@QuarkusTest
@TestProfile(OutboxPublisherTest.PublisherStopped.class)
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class OutboxPublisherTest {

    public static class PublisherStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("branchcast.kafka.background-workers", "false");
        }
    }

    @Inject
    OutboxPublisher publisher;

    @Inject
    Fixtures fixtures;

    @Test
    void aCommittedChangeLeftUnpublishedIsPublishedExactlyOnceLater() {
        UUID site = fixtures.site("outbox-" + UUID.randomUUID());
        fixtures.agents(site, 1);
        String job = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("artifactId", fixtures.readyArtifact(100), "targets", Map.of("siteIds", List.of(site))))
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("id");

        assertThat(publisher.lag().messages()).isGreaterThanOrEqualTo(1);
        assertThat(KafkaProbe.recordsWithKey(Topics.JOBS_DESIRED.name(), job, Duration.ofSeconds(1))).isEmpty();

        int published = 0;
        for (int round = publisher.publishPending(); round > 0; round = publisher.publishPending()) {
            published += round;
        }
        assertThat(published).isGreaterThanOrEqualTo(1);
        assertThat(publisher.publishPending()).isZero();
        assertThat(publisher.lag().messages()).isZero();

        List<ConsumerRecord<String, String>> records = KafkaProbe.recordsWithKey(Topics.JOBS_DESIRED.name(), job, Duration.ofSeconds(1));
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).headers().lastHeader(OutboxPublisher.OUTBOX_ID_HEADER).value(), StandardCharsets.US_ASCII))
                .matches("\\d+");
    }
}
