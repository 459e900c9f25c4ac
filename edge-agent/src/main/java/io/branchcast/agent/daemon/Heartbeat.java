package io.branchcast.agent.daemon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

import java.util.function.Supplier;

/**
 * Heartbeat tells the control plane once a minute that the agent is alive, so an agent without jobs (which sends no
 * progress events) still shows as online in the console. The control plane counts an agent online for two minutes.
 */
final class Heartbeat {

    static final long INTERVAL_MS = 60_000;
    private static final long TIMEOUT_MS = 10_000;
    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());

    private final Vertx vertx;
    private final WebClient client;
    private final Supplier<Future<String>> bearerToken;
    private final String url;
    private boolean failing;

    Heartbeat(Vertx vertx, WebClient client, Supplier<Future<String>> bearerToken, String controlPlaneUrl) {
        this.vertx = vertx;
        this.client = client;
        this.bearerToken = bearerToken;
        this.url = controlPlaneUrl.replaceAll("/+$", "") + "/api/v1/agents/me/heartbeat";
    }

    /** Beats now and then every minute, on the caller's context, until Vert.x closes. */
    void start() {
        beat();
        vertx.setPeriodic(INTERVAL_MS, id -> beat());
    }

    private void beat() {
        bearerToken.get()
                .compose(token -> client.postAbs(url).bearerTokenAuthentication(token).timeout(TIMEOUT_MS).send())
                .onSuccess(response -> {
                    if (response.statusCode() == 204) {
                        recovered();
                    } else {
                        failed("HTTP " + response.statusCode() + " " + response.bodyAsString());
                    }
                })
                .onFailure(error -> failed(error.getMessage()));
    }

    private void recovered() {
        if (failing) {
            LOG.log(System.Logger.Level.INFO, "heartbeat to the control plane works again");
        }
        failing = false;
    }

    private void failed(String why) {
        if (!failing) {
            LOG.log(System.Logger.Level.WARNING, "heartbeat to {0} failed ({1}); the console shows this agent offline"
                    + " until it works again; retrying every {2} s", url, why, INTERVAL_MS / 1000);
        }
        failing = true;
    }
}
