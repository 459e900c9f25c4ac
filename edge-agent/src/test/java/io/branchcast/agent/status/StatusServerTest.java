package io.branchcast.agent.status;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class StatusServerTest {

    private static AgentStatus status() {
        return new AgentStatus("agent-1", "site-1", "1.2.3", "connected", 4, List.of(new JobStatus(
                "aaaaaaaa-0000-4000-8000-000000000001", "artifact-1", "DOWNLOADING", 3 << 20, 8 << 20, 2 << 20,
                1 << 20, 3, 1_500_000, 200_000, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.5", "192.168.1.10", "::", "localhost", "example.com"})
    void refuses_to_listen_off_loopback(String host, Vertx vertx) {
        assertThatThrownBy(() -> new StatusServer(vertx, host, 0, StatusServerTest::status))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void answers_get_status_with_json_and_nothing_else(Vertx vertx) throws Exception {
        StatusServer server = new StatusServer(vertx, "127.0.0.30", 0, StatusServerTest::status);
        int port = server.start().await(10, TimeUnit.SECONDS);
        WebClient client = WebClient.create(vertx);

        HttpResponse<Buffer> ok = client.get(port, "127.0.0.30", "/status").send().await(10, TimeUnit.SECONDS);
        JsonObject body = ok.bodyAsJsonObject();
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(body.getString("agentId")).isEqualTo("agent-1");
        assertThat(body.getString("kafka")).isEqualTo("connected");
        assertThat(body.getInteger("bufferedEvents")).isEqualTo(4);
        assertThat(body.getJsonArray("jobs").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("jobId",
                "artifactId", "state", "bytesDone", "bytesTotal", "bytesFromPeers", "bytesFromOrigin", "peers",
                "downloadRate", "uploadRate", "error");

        assertThat(client.get(port, "127.0.0.30", "/").send().await(10, TimeUnit.SECONDS).statusCode())
                .isEqualTo(404);
        assertThat(client.get(port, "127.0.0.30", "/status/../admin").send().await(10, TimeUnit.SECONDS)
                .statusCode()).isEqualTo(404);
        assertThat(client.request(HttpMethod.POST, port, "127.0.0.30", "/status").send()
                .await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(405);

        String table = StatusTable.render(body);
        assertThat(table).contains("agent-1", "connected, 4 events buffered", "DOWNLOADING", "37.5%",
                "3.0 MiB/8.0 MiB", "1.4 MiB");
        server.stop().await(10, TimeUnit.SECONDS);
    }
}
