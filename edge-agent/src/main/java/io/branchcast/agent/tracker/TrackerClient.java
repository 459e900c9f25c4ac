package io.branchcast.agent.tracker;

import io.branchcast.agent.swarm.peers.PeerSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.function.Supplier;

/**
 * TrackerClient is a {@link PeerSource} backed by the control plane's tracker
 * ({@code GET /api/v1/tracker/announce}): it announces {@code started} when the swarm starts, again every interval the
 * tracker asks for, {@code completed} once the download is complete and {@code stopped} when the swarm stops, and
 * reports the peers of each answer. The web client must be bound to the agent's address: the tracker records the
 * request's source address as the peer's IP. Failed announces are logged and retried with backoff.
 */
public final class TrackerClient implements PeerSource {

    private static final System.Logger LOG = System.getLogger(TrackerClient.class.getName());
    static final int NUMWANT = 50;
    private static final long MIN_INTERVAL_S = 5;
    private static final long MAX_INTERVAL_S = 3600;
    private static final long TIMEOUT_MS = 15_000;

    private final Vertx vertx;
    private final WebClient client;
    private final String announceUrl;
    private final Supplier<Future<String>> bearerToken;
    private final String jobId;
    private final int port;
    private Context context;
    private Handler<SocketAddress> onPeer;
    private long timer = -1;
    private long retryDelayS = MIN_INTERVAL_S;
    private boolean stopped;

    public TrackerClient(Vertx vertx, WebClient client, String controlPlaneUrl, Supplier<Future<String>> bearerToken,
                         String jobId, int port) {
        this.vertx = vertx;
        this.client = client;
        this.announceUrl = controlPlaneUrl.replaceAll("/+$", "") + "/api/v1/tracker/announce";
        this.bearerToken = bearerToken;
        this.jobId = jobId;
        this.port = port;
    }

    @Override
    public Future<Void> start(Handler<SocketAddress> onPeer) {
        this.context = vertx.getOrCreateContext();
        this.onPeer = onPeer;
        announce("started");
        return Future.succeededFuture();
    }

    /** Tells the tracker that this agent now has the whole file. */
    public void completed() {
        if (context != null) {
            context.runOnContext(v -> announce("completed"));
        }
    }

    @Override
    public Future<Void> stop() {
        if (context == null || stopped) {
            return Future.succeededFuture();
        }
        stopped = true;
        vertx.cancelTimer(timer);
        return send("stopped").<Void>mapEmpty().otherwiseEmpty();
    }

    private void announce(String event) {
        if (stopped) {
            return;
        }
        vertx.cancelTimer(timer);
        send(event).onComplete(result -> {
            if (stopped) {
                return;
            }
            if (result.succeeded()) {
                retryDelayS = MIN_INTERVAL_S;
                timer = vertx.setTimer(accept(result.result()) * 1000, id -> announce(""));
            } else {
                LOG.log(System.Logger.Level.WARNING, "tracker announce ({0}) for job {1} failed: {2}; retrying in {3} s",
                        event.isEmpty() ? "regular" : event, jobId, result.cause().getMessage(), retryDelayS);
                String retryEvent = event;
                timer = vertx.setTimer(retryDelayS * 1000, id -> announce(retryEvent));
                retryDelayS = Math.min(MAX_INTERVAL_S / 12, retryDelayS * 2);
            }
        });
    }

    private Future<JsonObject> send(String event) {
        return bearerToken.get().compose(token -> client.getAbs(announceUrl)
                .addQueryParam("jobId", jobId)
                .addQueryParam("port", Integer.toString(port))
                .addQueryParam("event", event)
                .addQueryParam("numwant", Integer.toString(NUMWANT))
                .bearerTokenAuthentication(token)
                .timeout(TIMEOUT_MS)
                .send())
                .compose(TrackerClient::body);
    }

    private static Future<JsonObject> body(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            JsonObject problem = null;
            try {
                problem = response.bodyAsJsonObject();
            } catch (RuntimeException notJson) {
                // reported by status alone
            }
            return Future.failedFuture(new IllegalStateException("tracker answered HTTP " + response.statusCode()
                    + (problem == null ? "" : " " + problem.getString("code", "") + ": "
                    + problem.getString("detail", ""))));
        }
        try {
            return Future.succeededFuture(response.bodyAsJsonObject());
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalStateException("tracker answered with invalid JSON"));
        }
    }

    /** Reports the answer's peers (at most {@link #NUMWANT}, malformed entries skipped); returns the interval in s. */
    private long accept(JsonObject body) {
        Object peers = body.getValue("peers");
        if (peers instanceof JsonArray list) {
            for (int i = 0; i < Math.min(list.size(), NUMWANT); i++) {
                if (list.getValue(i) instanceof JsonObject peer && peer.getValue("ip") instanceof String ip
                        && peer.getValue("port") instanceof Integer port && port > 0 && port <= 65535
                        && ip.length() <= 45) {
                    onPeer.handle(SocketAddress.inetSocketAddress(port, ip));
                }
            }
        }
        long interval = body.getValue("interval") instanceof Number number ? number.longValue() : 30;
        return Math.max(MIN_INTERVAL_S, Math.min(MAX_INTERVAL_S, interval));
    }
}
