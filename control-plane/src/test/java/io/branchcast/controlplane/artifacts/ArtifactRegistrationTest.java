package io.branchcast.controlplane.artifacts;

import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.ManifestVerifier;
import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ArtifactRegistrationTest {

    private static final byte[] PAYLOAD = Payloads.random(3 * 1024 * 1024 + 7, 99);

    @Inject
    ArtifactsConfig config;

    @Inject
    ArtifactEventsProbe events;

    static ValidatableResponse register(String name, String path) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "version", "1.0", "path", path))
                .when().post("/api/v1/artifacts/registrations").then();
    }

    @Test
    void registersAnImportedFileAndHashesItInTheBackground() throws IOException {
        Path file = Files.createDirectories(config.importRoot().resolve("win11")).resolve("win11.wim");
        Files.write(file, PAYLOAD);
        events.clear();

        String id = register("win11.wim", "win11/win11.wim")
                .statusCode(202).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/artifacts/"))
                .body("state", equalTo("HASHING")).body("sizeBytes", equalTo(PAYLOAD.length))
                .extract().path("id");
        HashingEnded hashed = events.nextHashing();
        assertThat(hashed.artifactId().toString()).isEqualTo(id);
        assertThat(hashed.state()).isEqualTo(ArtifactState.READY);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/" + id)
                .then().statusCode(200).body("state", equalTo("READY")).body("hashedBytes", equalTo(PAYLOAD.length))
                .body("sha256", equalTo(Payloads.sha256Hex(PAYLOAD))).body("pieceLength", equalTo(256 * 1024));
        assertThat(file).doesNotExist();
        assertThat(given().auth().oauth2(Tokens.operator()).when().get("/api/v1/artifacts/" + id + "/content")
                .then().statusCode(200).extract().asByteArray()).isEqualTo(PAYLOAD);
        Map<String, String> key = given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/artifacts/signing-key")
                .then().extract().as(Map.class);
        byte[] manifest = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/artifacts/" + id + "/manifest")
                .then().statusCode(200).extract().asByteArray();
        assertThat(ManifestVerifier.ofEncodedKeys(Map.of(key.get("keyId"), key.get("publicKey")))
                .decodeAndVerify(manifest, Manifest.DEFAULT_MAX_BYTES).info().length()).isEqualTo(PAYLOAD.length);
        given().auth().oauth2(Tokens.admin()).queryParam("action", "artifact.register").queryParam("targetId", id)
                .when().get("/api/v1/audit").then().body("total", equalTo(1)).body("items[0].actor", equalTo("operator"));
    }

    @Test
    void refusesPathsThatLeaveTheImportDirectory() throws IOException {
        Path outside = Files.write(config.root().resolve("outside.bin"), PAYLOAD);
        Files.createSymbolicLink(config.importRoot().resolve("escape.bin"), outside);
        Files.createDirectories(config.importRoot().resolve("folder"));

        register("escape", "../outside.bin").statusCode(422).body("detail", containsString("'..'"));
        register("escape", "folder/../../outside.bin").statusCode(422);
        register("escape", outside.toString()).statusCode(422).body("detail", containsString("relative"));
        register("escape", "escape.bin").statusCode(422).body("detail", containsString("outside the import directory"));
        register("escape", "missing.bin").statusCode(422).body("detail", containsString("no file"));
        register("escape", "folder").statusCode(422).body("detail", containsString("not a regular file"));
        register("escape", "").statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("path"));
        assertThat(outside).exists();
    }

    @Test
    void refusesAnEmptyFileAndATakenNameAndVersion() throws IOException {
        Files.write(config.importRoot().resolve("empty.bin"), new byte[0]);
        register("empty", "empty.bin").statusCode(422).body("detail", containsString("empty"));

        Files.write(config.importRoot().resolve("first.bin"), PAYLOAD);
        Files.write(config.importRoot().resolve("second.bin"), PAYLOAD);
        events.clear();
        register("taken", "first.bin").statusCode(202);
        events.nextHashing();
        register("taken", "second.bin").statusCode(409);
        assertThat(config.importRoot().resolve("second.bin")).exists();
    }
}
