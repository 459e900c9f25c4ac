package io.branchcast.controlplane.artifacts;

import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Uploads far larger than memory, in the same JVM as the server: a 1 GiB body generated on the fly must pass with the
 * heap's live set staying flat, and a body larger than the free disk space must be refused before it is read. Runs
 * with max-size raised to 2 TiB through a test profile, hence only in its own surefire execution (a second Quarkus
 * application in one JVM breaks the Kafka SASL login), which sets {@value #ENABLED} and bounds the heap with -Xmx.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = LargeUploadTest.ENABLED, matches = "true")
@TestProfile(LargeUploadTest.LargeUploads.class)
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class LargeUploadTest {

    static final String ENABLED = "branchcast.large-upload-test";
    private static final long GIB = 1024L * 1024 * 1024;
    private static final long HEAP_GROWTH_LIMIT = 256L * 1024 * 1024;

    /** Lets bodies up to 2 TiB through, both our check and the HTTP layer's. */
    public static class LargeUploads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("branchcast.artifacts.max-size", "2T", "quarkus.http.limits.max-body-size", "2T");
        }
    }

    @Inject
    ArtifactsConfig config;

    @Test
    @Timeout(120)
    void uploadsOneGibibyteWithoutGrowingTheHeap() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = liveHeap(memory);
        List<Long> liveDuringUpload = new ArrayList<>();
        PseudoRandomPayload payload = new PseudoRandomPayload(GIB, GIB / 4, sent -> liveDuringUpload.add(liveHeap(memory)));

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                        + "/api/v1/artifacts?name=big.img&version=1"))
                .header("Authorization", "Bearer " + Tokens.operator())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> payload), GIB))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonPath artifact = JsonPath.from(response.body());
        assertThat(artifact.getLong("sizeBytes")).isEqualTo(GIB);
        assertThat(artifact.getString("sha256")).isEqualTo(HexFormat.of().formatHex(payload.sha256()));
        assertThat(artifact.getInt("pieceLength")).isEqualTo(512 * 1024);
        assertThat(liveDuringUpload).hasSize(4).allSatisfy(live -> assertThat(live - baseline)
                .as("live heap growth during the upload, baseline %d MiB", baseline >> 20).isLessThan(HEAP_GROWTH_LIMIT));

        String content = "/api/v1/artifacts/" + artifact.getString("id") + "/content";
        byte[] tail = given().auth().oauth2(Tokens.operator()).header("Range", "bytes=" + (GIB - 64) + "-")
                .when().get(content).then().statusCode(206).extract().asByteArray();
        for (int i = 0; i < tail.length; i++) {
            assertThat(tail[i]).as("byte %d", GIB - 64 + i).isEqualTo(PseudoRandomPayload.byteAt(GIB - 64 + i));
        }
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/artifacts/" + artifact.getString("id"))
                .then().statusCode(204);
    }

    @Test
    void refusesABodyLargerThanTheFreeSpaceBeforeReadingIt() throws Exception {
        long declared = Files.getFileStore(config.root()).getUsableSpace() + GIB;
        assumeTrue(declared < config.maxSize().asLongValue(), "the volume has more free space than max-size");
        try (RawHttp http = RawHttp.open()) {
            RawHttp.Response response = http.start("POST /api/v1/artifacts?name=too-big.img&version=1",
                    "Authorization: Bearer " + Tokens.operator(), "Content-Type: application/octet-stream",
                    "Content-Length: " + declared).response();
            assertThat(response.status()).isEqualTo(507);
            assertThat(response.body()).contains("insufficient-storage");
        }
    }

    /** Heap in use right after a full collection: what is really retained. */
    private static long liveHeap(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
