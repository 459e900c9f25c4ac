package io.branchcast.controlplane.artifacts;

import io.branchcast.contracts.manifest.InfoDictionary;
import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.ManifestVerifier;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ArtifactResourceTest {

    private static final int PIECE = 256 * 1024;
    /** Five pieces, the last one short. */
    private static final byte[] PAYLOAD = Payloads.random(4 * PIECE + 12_345, 42);
    /**
     * The body of uploads refused before their body is read. The server answers at once and closes the connection;
     * a body this small is sent whole before that, so the HTTP client never writes into a closed socket. That the
     * connection closes is asserted with RawHttp.
     */
    private static final byte[] REFUSED_BODY = Payloads.random(1024, 7);

    @Inject
    ArtifactsConfig config;

    @Inject
    ArtifactEventsProbe events;

    @Inject
    EntityManager em;

    static ValidatableResponse upload(String name, String version, byte[] body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.BINARY)
                .queryParam("name", name).queryParam("version", version).body(body)
                .when().post("/api/v1/artifacts").then();
    }

    static String uploadReady(String name, byte[] body) {
        return upload(name, "1.0", body).statusCode(201).extract().path("id");
    }

    @Test
    void uploadHashesStoresAndListsTheArtifact() {
        var created = upload("ubuntu-24.04.iso", "2024.1", PAYLOAD)
                .statusCode(201).header("Location", containsString("/api/v1/artifacts/"))
                .body("state", equalTo("READY"))
                .body("sizeBytes", equalTo(PAYLOAD.length))
                .body("sha256", equalTo(Payloads.sha256Hex(PAYLOAD)))
                .body("pieceLength", equalTo(PIECE))
                .body("pieceCount", equalTo(5))
                .body("createdBy", equalTo("operator"))
                .body("links.content", endsWith("/content"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/artifacts/" + id);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/" + id)
                .then().statusCode(200).body("name", equalTo("ubuntu-24.04.iso")).body("version", equalTo("2024.1"))
                .body("hashedBytes", equalTo(PAYLOAD.length));
        given().auth().oauth2(Tokens.viewer()).queryParam("name", "ubuntu-24.04.iso").queryParam("state", "ready")
                .when().get("/api/v1/artifacts")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        assertThat(Files.exists(objects().resolve(id))).isTrue();
    }

    @Test
    void takesNameAndVersionFromHeadersToo() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.BINARY)
                .header("X-Artifact-Name", "headers.img").header("X-Artifact-Version", "7").body(PAYLOAD)
                .when().post("/api/v1/artifacts")
                .then().statusCode(201).body("name", equalTo("headers.img")).body("version", equalTo("7"));
    }

    @Test
    void torrentDecodesAndVerifiesWithThePublishedSigningKey() {
        String id = uploadReady("signed.img", PAYLOAD);
        Map<String, String> key = given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/signing-key")
                .then().statusCode(200).body("algorithm", equalTo("Ed25519")).extract().as(Map.class);
        byte[] torrent = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/artifacts/" + id + "/torrent")
                .then().statusCode(200).contentType("application/x-bittorrent")
                .header("Content-Disposition", containsString("signed.img-1.0.torrent"))
                .extract().asByteArray();

        Manifest manifest = ManifestVerifier.ofEncodedKeys(Map.of(key.get("keyId"), key.get("publicKey")))
                .decodeAndVerify(torrent, Manifest.DEFAULT_MAX_BYTES);
        InfoDictionary info = manifest.info();
        assertThat(info.name()).isEqualTo("signed.img");
        assertThat(info.length()).isEqualTo(PAYLOAD.length);
        for (int i = 0; i < info.pieceCount(); i++) {
            assertThat(info.pieceHashMatches(i, Payloads.pieceSha1(PAYLOAD, PIECE, i))).as("piece %d", i).isTrue();
        }
        assertThat(HexFormat.of().formatHex(manifest.sha256())).isEqualTo(Payloads.sha256Hex(PAYLOAD));
        assertThat(manifest.webSeeds()).singleElement().satisfies(seed -> {
            assertThat(seed.isAbsolute()).isTrue();
            assertThat(seed.getPath()).isEqualTo("/api/v1/artifacts/" + id + "/content");
        });
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/" + id)
                .then().body("infoHash", equalTo(HexFormat.of().formatHex(info.infoHash())));
        byte[] forAgents = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/artifacts/" + id + "/manifest")
                .then().statusCode(200).extract().asByteArray();
        assertThat(forAgents).isEqualTo(torrent);
    }

    @Test
    void generatesAnOwnerOnlySigningKeyWhoseIdDerivesFromThePublicKey() throws IOException {
        Map<String, String> key = given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/signing-key")
                .then().statusCode(200).extract().as(Map.class);
        byte[] publicKey = Base64.getDecoder().decode(key.get("publicKey"));
        String expectedId = HexFormat.of().formatHex(Payloads.digest("SHA-256").digest(publicKey), 0, 8);
        assertThat(key.get("keyId")).isEqualTo(expectedId);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.signingKeyPath())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(config.signingKeyPath())).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void servesSingleByteRangesWithExactBytes() {
        String id = uploadReady("ranges.img", PAYLOAD);
        String content = "/api/v1/artifacts/" + id + "/content";
        String etag = "\"" + Payloads.sha256Hex(PAYLOAD) + "\"";

        byte[] middle = given().auth().oauth2(Tokens.operator()).header("Range", "bytes=300000-300999").when().get(content)
                .then().statusCode(206).header("Content-Range", "bytes 300000-300999/" + PAYLOAD.length)
                .header("Accept-Ranges", "bytes").header("ETag", etag).header("Content-Length", "1000")
                .extract().asByteArray();
        assertThat(middle).isEqualTo(Arrays.copyOfRange(PAYLOAD, 300_000, 301_000));

        byte[] tail = given().auth().oauth2(Tokens.operator()).header("Range", "bytes=-100").when().get(content)
                .then().statusCode(206).extract().asByteArray();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(PAYLOAD, PAYLOAD.length - 100, PAYLOAD.length));

        byte[] whole = given().auth().oauth2(Tokens.operator()).when().get(content)
                .then().statusCode(200).header("Accept-Ranges", "bytes").extract().asByteArray();
        assertThat(whole).isEqualTo(PAYLOAD);

        given().auth().oauth2(Tokens.operator()).header("Range", "bytes=0-9").header("If-Range", "\"stale\"")
                .when().get(content).then().statusCode(200).header("Content-Length", String.valueOf(PAYLOAD.length));
        given().auth().oauth2(Tokens.operator()).header("Range", "bytes=10-19").when().head(content)
                .then().statusCode(206).header("Content-Length", "10").header("Content-Range", "bytes 10-19/" + PAYLOAD.length);
        given().auth().oauth2(Tokens.operator()).when().head(content)
                .then().statusCode(200).header("Content-Length", String.valueOf(PAYLOAD.length)).header("ETag", etag);
    }

    @Test
    void answersARangeBeyondTheEndWith416() {
        String id = uploadReady("short.img", PAYLOAD);
        given().auth().oauth2(Tokens.operator()).header("Range", "bytes=" + PAYLOAD.length + "-")
                .when().get("/api/v1/artifacts/" + id + "/content")
                .then().statusCode(416).contentType("application/problem+json")
                .header("Content-Range", "bytes */" + PAYLOAD.length).body("code", equalTo("range-not-satisfiable"));
    }

    @Test
    void refusesUnsafeNamesAndVersionsWith422() {
        String tooLong = "x".repeat(201);
        for (String name : List.of("a/b", "a\\b", "..", "a..b", "bad\u0007bell", "", " lead", "trail ", ".hidden", tooLong)) {
            upload(name, "1.0", REFUSED_BODY).statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("invalid")).body("errors.field", hasItem("name"));
        }
        upload("fine.img", "1/2", REFUSED_BODY).statusCode(422).body("errors.field", hasItem("version"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.BINARY).body(REFUSED_BODY)
                .when().post("/api/v1/artifacts")
                .then().statusCode(422).body("errors.field", hasItem("name")).body("errors.field", hasItem("version"));
        assertNoPartialFiles();
    }

    @Test
    void refusesADuplicateNameAndVersionWith409() {
        uploadReady("twice.img", PAYLOAD);
        upload("twice.img", "1.0", REFUSED_BODY).statusCode(409).body("detail", containsString("already exists"));
        upload("twice.img", "1.1", PAYLOAD).statusCode(201);
    }

    @Test
    void refusesAnEmptyBodyWith422() {
        upload("empty.img", "1.0", new byte[0]).statusCode(422).body("detail", containsString("empty"));
        assertNoPartialFiles();
    }

    @Test
    void refusesADeclaredLengthAboveMaxSizeBeforeReadingTheBody() {
        long tooLarge = config.maxSize().asLongValue() + 1;
        try (RawHttp http = RawHttp.open()) {
            RawHttp.Response response = http.start("POST /api/v1/artifacts?name=huge.img&version=1",
                    "Authorization: Bearer " + Tokens.operator(), "Content-Type: application/octet-stream",
                    "Content-Length: " + tooLarge).response();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("payload-too-large");
        }
        assertNoPartialFiles();
    }

    @Test
    void stopsAChunkedBodyThatGrowsBeyondMaxSizeAndRemovesItsPartialFile() {
        events.clear();
        byte[] chunk = Payloads.random(1024 * 1024, 7);
        long chunks = config.maxSize().asLongValue() / chunk.length + 1;
        try (RawHttp http = RawHttp.open()) {
            http.start("POST /api/v1/artifacts?name=growing.img&version=1", "Authorization: Bearer " + Tokens.operator(),
                    "Content-Type: application/octet-stream", "Transfer-Encoding: chunked");
            for (int i = 0; i < chunks; i++) {
                http.chunk(chunk);
            }
            RawHttp.Response response = http.response();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(http.atEnd()).as("connection closed after the error").isTrue();
        }
        assertThat(events.nextUpload().outcome()).isEqualTo(UploadEnded.Outcome.REJECTED);
        assertNoPartialFiles();
        assertNotListed("growing.img");
    }

    @Test
    void anUploadCutOffMidwayLeavesNoRowAndNoFile() {
        events.clear();
        try (RawHttp http = RawHttp.open()) {
            http.start("POST /api/v1/artifacts?name=cut.img&version=1", "Authorization: Bearer " + Tokens.operator(),
                    "Content-Type: application/octet-stream", "Content-Length: " + 4 * PAYLOAD.length);
            http.send(PAYLOAD);
        }
        UploadEnded ended = events.nextUpload();
        assertThat(ended.outcome()).isEqualTo(UploadEnded.Outcome.ABORTED);
        assertThat(ended.bytesReceived()).isLessThan(4L * PAYLOAD.length);
        assertNoPartialFiles();
        assertNotListed("cut.img");
    }

    @Test
    void countsTheBytesTheOriginSendsAndAnswers404WhenThePayloadFileVanished() throws IOException {
        String id = uploadReady("vanishing.img", PAYLOAD);
        String content = "/api/v1/artifacts/" + id + "/content";
        double before = originBytesServed();
        given().auth().oauth2(Tokens.operator()).header("Range", "bytes=0-999").when().get(content).then().statusCode(206);
        given().auth().oauth2(Tokens.operator()).when().head(content).then().statusCode(200);
        assertThat(originBytesServed() - before).isEqualTo(1000);

        Files.delete(objects().resolve(id));

        given().auth().oauth2(Tokens.operator()).when().get(content)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"))
                .body("detail", containsString("no longer on the origin"));
    }

    private static double originBytesServed() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("branchcast_origin_bytes_served_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void deletesAnUnusedArtifactAndItsPayload() {
        String id = uploadReady("gone.img", PAYLOAD);
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/artifacts/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/" + id).then().statusCode(404);
        assertThat(Files.exists(objects().resolve(id))).isFalse();
        given().auth().oauth2(Tokens.admin()).queryParam("action", "artifact.delete").queryParam("targetId", id)
                .when().get("/api/v1/audit").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void refusesToDeleteAnArtifactAnActiveJobUses() {
        String id = uploadReady("busy.img", PAYLOAD);
        job(UUID.fromString(id), "RUNNING");
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/artifacts/" + id)
                .then().statusCode(409).body("detail", containsString("1 active job"));
        assertThat(Files.exists(objects().resolve(id))).isTrue();
    }

    @Test
    void keepsTheRecordOfADeletedArtifactThatFinishedJobsName() {
        String id = uploadReady("history.img", PAYLOAD);
        job(UUID.fromString(id), "COMPLETED");
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/artifacts/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/" + id)
                .then().statusCode(200).body("state", equalTo("DELETED"));
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/artifacts/" + id + "/content").then().statusCode(404);
        assertThat(Files.exists(objects().resolve(id))).isFalse();
        upload("history.img", "1.0", REFUSED_BODY).statusCode(409);
    }

    @Test
    void answersUnknownIdsWith404() {
        String unknown = "/api/v1/artifacts/" + UUID.randomUUID();
        for (String path : List.of(unknown, unknown + "/content", unknown + "/manifest", unknown + "/torrent")) {
            given().auth().oauth2(Tokens.operator()).when().get(path)
                    .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        }
        given().auth().oauth2(Tokens.operator()).when().delete(unknown).then().statusCode(404);
    }

    private void job(UUID artifactId, String state) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO jobs (id, name, artifact_id, state, created_by, created_at, updated_at)
                        VALUES (?1, 'uses it', ?2, ?3, 'test', now(), now())
                        """)
                .setParameter(1, UUID.randomUUID()).setParameter(2, artifactId).setParameter(3, state).executeUpdate());
    }

    private Path objects() {
        return config.root().resolve("objects");
    }

    private void assertNoPartialFiles() {
        try (Stream<Path> files = Files.list(objects())) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNotListed(String name) {
        given().auth().oauth2(Tokens.viewer()).queryParam("name", name).when().get("/api/v1/artifacts")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
