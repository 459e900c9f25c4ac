package io.branchcast.agent.tracker;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(VertxExtension.class)
class TrackerClientTest {

    private static final String JOB = "aaaaaaaa-0000-4000-8000-000000000001";

    /** One announce as the tracker saw it. */
    record Announce(String remoteHost, String jobId, String port, String event, String numwant, String authorization) {
    }

    /** A tracker answering with a 5 s interval and a fixed peer list, after optionally failing a few announces. */
    static final class FakeTracker {
        final List<Announce> announces = new CopyOnWriteArrayList<>();
        volatile int failures;
        HttpServer server;

        Future<FakeTracker> start(Vertx vertx) {
            server = vertx.createHttpServer().requestHandler(this::handle);
            return server.listen(0, "127.0.0.20").map(s -> this);
        }

        String url() {
            return "http://127.0.0.20:" + server.actualPort();
        }

        private void handle(HttpServerRequest request) {
            announces.add(new Announce(request.remoteAddress().host(), request.getParam("jobId"),
                    request.getParam("port"), request.getParam("event"), request.getParam("numwant"),
                    request.getHeader("Authorization")));
            if (!request.path().equals("/api/v1/tracker/announce")) {
                request.response().setStatusCode(404).end();
            } else if (failures > 0) {
                failures--;
                request.response().setStatusCode(503).end();
            } else {
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("interval", 5)
                        .put("peers", new JsonArray()
                                .add(new JsonObject().put("agentId", "p1").put("ip", "127.0.0.22").put("port", 6881)
                                        .put("siteId", "s").put("complete", false))
                                .add(new JsonObject().put("ip", "127.0.0.23").put("port", "not a port"))
                                .add(new JsonObject().put("ip", "127.0.0.24").put("port", 70000))
                                .add("garbage")
                                .add(new JsonObject().put("agentId", "p2").put("ip", "127.0.0.25").put("port", 6882)
                                        .put("siteId", "s").put("complete", true)))
                        .encode());
            }
        }
    }

    private static TrackerClient client(Vertx vertx, FakeTracker tracker) {
        WebClient web = WebClient.create(vertx, new WebClientOptions().setLocalAddress("127.0.0.21"));
        return new TrackerClient(vertx, web, tracker.url() + "/", () -> Future.succeededFuture("agent-token"), JOB,
                6890);
    }

    @Test
    void announces_started_reports_valid_peers_then_completed_and_stopped_from_the_bound_address(Vertx vertx)
            throws Exception {
        FakeTracker tracker = new FakeTracker().start(vertx).await(10, TimeUnit.SECONDS);
        TrackerClient client = client(vertx, tracker);
        List<SocketAddress> peers = new CopyOnWriteArrayList<>();

        vertx.runOnContext(v -> client.start(peers::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> peers.size() == 2);
        client.completed();
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.announces.size() == 2);
        Future.<Void>future(promise -> vertx.runOnContext(v -> client.stop().onComplete(promise)))
                .await(10, TimeUnit.SECONDS);

        assertThat(peers).extracting(SocketAddress::host, SocketAddress::port)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("127.0.0.22", 6881),
                        org.assertj.core.groups.Tuple.tuple("127.0.0.25", 6882));
        assertThat(tracker.announces).extracting(Announce::event).containsExactly("started", "completed", "stopped");
        assertThat(tracker.announces).allSatisfy(announce -> {
            assertThat(announce.remoteHost()).isEqualTo("127.0.0.21");
            assertThat(announce.jobId()).isEqualTo(JOB);
            assertThat(announce.port()).isEqualTo("6890");
            assertThat(announce.numwant()).isEqualTo("50");
            assertThat(announce.authorization()).isEqualTo("Bearer agent-token");
        });
    }

    @Test
    void a_failed_announce_is_retried_and_the_tracker_interval_drives_re_announces(Vertx vertx) throws Exception {
        FakeTracker tracker = new FakeTracker().start(vertx).await(10, TimeUnit.SECONDS);
        tracker.failures = 1;
        TrackerClient client = client(vertx, tracker);

        vertx.runOnContext(v -> client.start(peer -> { }));

        await().atMost(Duration.ofSeconds(30)).until(() -> tracker.announces.size() >= 3);
        assertThat(tracker.announces).extracting(Announce::event).startsWith("started", "started", "");
        Future.<Void>future(promise -> vertx.runOnContext(v -> client.stop().onComplete(promise)))
                .await(10, TimeUnit.SECONDS);
    }
}
