package io.branchcast.agent.status;

import io.branchcast.agent.config.AgentConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.function.Supplier;

/**
 * StatusServer answers {@code GET /status} with the agent's {@link AgentStatus} as JSON, and nothing else (404, or 405
 * for another method on /status). It refuses to listen anywhere but on a loopback address: the status shows job ids
 * and peers, and there is no authentication. Request bodies are not read.
 */
public final class StatusServer {

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final Supplier<AgentStatus> status;
    private HttpServer server;

    /** @throws IllegalArgumentException when {@code host} is not a loopback IP address */
    public StatusServer(Vertx vertx, String host, int port, Supplier<AgentStatus> status) {
        if (!AgentConfigLoader.isLoopback(host)) {
            throw new IllegalArgumentException("the status endpoint may only listen on a loopback address, not '"
                    + host + "'");
        }
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.status = status;
    }

    /** Listens; call it on the context whose state {@code status} reads (handlers run there). */
    public Future<Integer> start() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
                .setMaxInitialLineLength(1024).setMaxHeaderSize(8192));
        return server.requestHandler(this::handle).listen().map(HttpServer::actualPort);
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void handle(HttpServerRequest request) {
        if (!"/status".equals(request.path())) {
            request.response().setStatusCode(404).end();
        } else if (request.method() != HttpMethod.GET) {
            request.response().setStatusCode(405).putHeader("Allow", "GET").end();
        } else {
            request.response().putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(JsonObject.mapFrom(status.get()).encode());
        }
    }
}
