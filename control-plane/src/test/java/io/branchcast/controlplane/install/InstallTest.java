package io.branchcast.controlplane.install;

import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The public install endpoints; packages come from target/test-dist (the test profile's branchcast.install.dist-dir). */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class InstallTest {

    private static final Path DIST = Path.of("target/test-dist");
    private static final Path SECRET = Path.of("target/install-test-secret.txt");

    @Test
    void theInstallScriptIsPublicAndCarriesThisControlPlanesUrl() {
        String url = ConfigProvider.getConfig().getValue("branchcast.public-url", String.class).replaceAll("/+$", "");
        for (RequestSpecification request : List.of(given(), given().auth().oauth2(Tokens.viewer()))) {
            request.when().get("/install.sh").then().statusCode(200)
                    .contentType(startsWith("text/x-shellscript"))
                    .body(startsWith("#!/bin/sh"))
                    .body(containsString("CONTROL_PLANE_URL='" + url + "'"))
                    .body(not(containsString("@CONTROL_PLANE_URL@")));
        }
    }

    @Test
    void servesTheBuiltPackages() throws IOException {
        byte[] tarball = new byte[300_000];
        new Random(7).nextBytes(tarball);
        Files.createDirectories(DIST);
        Files.write(DIST.resolve(AgentPackages.TARBALL), tarball);
        Files.writeString(DIST.resolve("branchcast-agent_0.1.0_amd64.deb"), "!<arch>\n");

        byte[] got = given().when().get("/downloads/" + AgentPackages.TARBALL).then().statusCode(200)
                .contentType("application/gzip")
                .header("Content-Disposition", "attachment; filename=\"" + AgentPackages.TARBALL + "\"")
                .extract().asByteArray();
        assertThat(got).isEqualTo(tarball);
        given().when().get("/downloads/branchcast-agent_0.1.0_amd64.deb").then().statusCode(200)
                .contentType("application/vnd.debian.binary-package").body(equalTo("!<arch>\n"));
    }

    @Test
    void aPackageThatWasNotBuiltIsAClearNotFound() {
        given().when().get("/downloads/branchcast-agent_9.9.9_amd64.deb").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"))
                .body("detail", containsString("the agent package was not built/installed on this control plane"));
        given().when().get("/downloads/notes.txt").then().statusCode(404).body("code", equalTo("not-found"));
    }

    /** Sent byte for byte (no client-side normalisation); none may reach a file outside target/test-dist. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/downloads/../install-test-secret.txt",
            "/downloads/..%2Finstall-test-secret.txt",
            "/downloads/%2e%2e%2Finstall-test-secret.txt",
            "/downloads/%2e%2e/install-test-secret.txt",
            "/downloads/%2E%2E%2F%2E%2E%2Ftarget%2Finstall-test-secret.txt",
            "/downloads/..%5Cinstall-test-secret.txt",
            "/downloads/%2Fetc%2Fpasswd",
            "/downloads//etc/passwd",
            "/downloads/{absolute secret}",
            "/downloads/branchcast-agent_1%2F..%2F..%2Finstall-test-secret.txt_amd64.deb",
            "/downloads/branchcast-agent-linux-x64.tar.gz%00.txt",
            "/downloads/branchcast-agent-linux-x64.tar.gz%2F..%2F..%2Finstall-test-secret.txt",
    })
    void pathTraversalFindsNothing(String rawPath) throws Exception {
        Files.writeString(SECRET, "TOP-SECRET");
        String path = rawPath.replace("{absolute secret}", URLEncoder.encode(SECRET.toAbsolutePath().toString(), StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + RestAssured.port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(rawPath).isBetween(400, 404);
        assertThat(response.body()).doesNotContain("TOP-SECRET").doesNotContain("root:");
    }
}
