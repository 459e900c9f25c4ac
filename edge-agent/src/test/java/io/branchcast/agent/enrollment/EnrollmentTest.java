package io.branchcast.agent.enrollment;

import io.branchcast.agent.config.AgentConfig;
import io.branchcast.agent.config.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Enrollment against a stand-in control plane answering as the agreed contract says. */
@ExtendWith(VertxExtension.class)
class EnrollmentTest {

    @TempDir
    Path dir;

    private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<JsonObject> problem = new AtomicReference<>();
    /** Requests still to be answered 429 with Retry-After: 3. */
    private final AtomicInteger throttledAnswers = new AtomicInteger();

    private URI controlPlane(Vertx vertx) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            requests.add(body.toJsonObject());
            if (throttledAnswers.getAndDecrement() > 0) {
                request.response().setStatusCode(429).putHeader("Retry-After", "3")
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 429).put("code", "too-many-requests").encode());
                return;
            }
            JsonObject refusal = problem.get();
            if (!request.path().equals("/api/v1/enrollments") || refusal != null) {
                request.response().setStatusCode(refusal == null ? 404 : refusal.getInteger("status"))
                        .putHeader("Content-Type", "application/problem+json")
                        .end(refusal == null ? "{}" : refusal.encode());
                return;
            }
            request.response().putHeader("Content-Type", "application/json")
                    .end(JsonObject.mapFrom(CredentialsFileTest.credentials()).put("futureField", 1).encode());
        }));
        int port = server.listen(0, "127.0.0.40").await(10, TimeUnit.SECONDS).actualPort();
        return URI.create("http://127.0.0.40:" + port);
    }

    private AgentConfig config(URI controlPlane, String token) {
        return new AgentConfig(controlPlane, token, dir, dir.resolve("payloads"), "0.0.0.0", 6881, "127.0.0.1", 7666,
                "ws-1.branch.example", null);
    }

    @Test
    void enrolls_once_stores_the_credentials_privately_and_later_starts_need_no_token(Vertx vertx) throws Exception {
        URI url = controlPlane(vertx);
        Enrollment enrollment = new Enrollment(new CredentialsFile(dir),
                new EnrollmentClient(WebClient.create(vertx), url));

        Credentials first = enrollment.ensure(config(url, "bct_token"), "machine-0001", "1.2.3");
        Credentials again = enrollment.ensure(config(url, null), "machine-0001", "1.2.3");

        assertThat(first).isEqualTo(CredentialsFileTest.credentials());
        assertThat(again).isEqualTo(first);
        assertThat(requests).singleElement().satisfies(body -> {
            assertThat(body.getString("token")).isEqualTo("bct_token");
            assertThat(body.getString("machineId")).isEqualTo("machine-0001");
            assertThat(body.getString("hostname")).isEqualTo("ws-1.branch.example");
            assertThat(body.getString("agentVersion")).isEqualTo("1.2.3");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("credentials.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void a_refusal_carries_the_problem_code_and_detail_and_stores_nothing(Vertx vertx) throws Exception {
        URI url = controlPlane(vertx);
        problem.set(new JsonObject().put("status", 410).put("code", "enrollment-token-expired")
                .put("title", "Gone").put("detail", "the enrollment token expired at 2026-11-01T00:00:00Z"));
        Enrollment enrollment = new Enrollment(new CredentialsFile(dir),
                new EnrollmentClient(WebClient.create(vertx), url));

        assertThatThrownBy(() -> enrollment.ensure(config(url, "bct_old"), "machine-0001", "1.2.3"))
                .isInstanceOfSatisfying(EnrollmentRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(410);
                    assertThat(refused.code()).isEqualTo("enrollment-token-expired");
                    assertThat(refused.getMessage()).contains("expired at 2026-11-01");
                });
        assertThat(dir.resolve("credentials.json")).doesNotExist();
    }

    @Test
    void a_throttled_enrollment_is_retried_after_the_retry_after_the_control_plane_asked_for(Vertx vertx)
            throws Exception {
        URI url = controlPlane(vertx);
        throttledAnswers.set(1);
        Enrollment enrollment = new Enrollment(new CredentialsFile(dir),
                new EnrollmentClient(WebClient.create(vertx), url));

        long started = System.nanoTime();
        Credentials credentials = enrollment.ensure(config(url, "bct_token"), "machine-0001", "1.2.3");

        assertThat(credentials).isEqualTo(CredentialsFileTest.credentials());
        assertThat(requests).hasSize(2);
        assertThat(System.nanoTime() - started).as("waited the 3 s asked, not the 2 s first backoff")
                .isGreaterThanOrEqualTo(3_000_000_000L);
    }

    @Test
    void without_credentials_or_token_the_agent_says_what_to_configure(Vertx vertx) throws Exception {
        URI url = controlPlane(vertx);
        Enrollment enrollment = new Enrollment(new CredentialsFile(dir),
                new EnrollmentClient(WebClient.create(vertx), url));

        assertThatThrownBy(() -> enrollment.ensure(config(url, null), "machine-0001", "1.2.3"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("set enrollment.token");
        assertThat(requests).isEmpty();
    }

}
