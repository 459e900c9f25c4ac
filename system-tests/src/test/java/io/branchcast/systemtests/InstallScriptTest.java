package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchcast.devstack.AgentSpec;
import io.branchcast.devstack.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one-line install served by the control plane, run into a temporary root, yields an agent that enrolls. */
class InstallScriptTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @Test
    void theServedInstallScriptInstallsAnAgentThatStartsWithItsOwnRuntimeAndEnrolls() throws Exception {
        SystemUnderTest sut = SystemUnderTest.get();
        try (Office office = Office.open("Install office", 0)) {
            String token = office.enrollmentToken(1);
            AgentSpec spec = sut.newAgent(token);
            Path script = root.resolve("install.sh");
            HttpResponse<Path> download = HTTP.send(HttpRequest.newBuilder(URI.create(sut.baseUrl() + "/install.sh")).build(),
                    HttpResponse.BodyHandlers.ofFile(script));
            assertThat(download.statusCode()).isEqualTo(200);
            Path target = root.resolve("target-root");

            ChildProcess install = ChildProcess.start("install.sh", List.of("sh", script.toString(), "--token", token,
                    "--root", target.toString(), "--no-start", "--bind-address", spec.address()), root, Map.of(),
                    root.resolve("install.log"));
            assertThat(install.awaitExit(Duration.ofMinutes(2))).as(Files.readString(root.resolve("install.log"))).isZero();

            Path launcher = target.resolve("opt/branchcast-agent/bin/branchcast-agent");
            ChildProcess agent = ChildProcess.start("installed agent", List.of(launcher.toString(), "run",
                    "--config", target.resolve("etc/branchcast-agent/agent.properties").toString(),
                    "--state.dir", target.resolve("var/lib/branchcast-agent").toString(),
                    "--peer.port", Integer.toString(spec.peerPort()),
                    "--status.address", spec.address(), "--status.port", Integer.toString(spec.statusPort()),
                    "--hostname", spec.name(), "--machine.id", "installed-" + spec.name()), root, Map.of(),
                    root.resolve("agent.log"));
            try {
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                        .until(() -> statusAnswers(spec.statusUrl()));
                JsonNode agents = sut.admin.get("/api/v1/agents?q=" + spec.name()).path("items");
                assertThat(agents).hasSize(1);
                assertThat(agents.get(0).path("siteId").asText()).isEqualTo(office.siteId);
                assertThat(agents.get(0).path("state").asText()).isEqualTo("ACTIVE");
            } finally {
                agent.stop(Duration.ofSeconds(10));
            }
        }
    }

    private static boolean statusAnswers(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
