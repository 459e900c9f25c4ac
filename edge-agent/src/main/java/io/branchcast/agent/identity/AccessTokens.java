package io.branchcast.agent.identity;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.time.Clock;

/**
 * AccessTokens gets the agent's access token from Keycloak with the client-credentials grant and caches it until
 * shortly before it expires (a fifth of its lifetime, at least 10 s), so every caller gets a valid token and Keycloak
 * sees one request per token lifetime. Concurrent callers share one request. Thread-safe.
 */
public final class AccessTokens {

    private static final System.Logger LOG = System.getLogger(AccessTokens.class.getName());
    private static final long TIMEOUT_MS = 15_000;

    private final WebClient client;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private Token cached;
    private Future<String> inFlight;

    public AccessTokens(WebClient client, String tokenUrl, String clientId, String clientSecret, Clock clock) {
        this.client = client;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    /** A valid access token, from the cache or freshly requested. */
    public synchronized Future<String> token() {
        if (cached != null && clock.millis() < cached.refreshAt()) {
            return Future.succeededFuture(cached.value());
        }
        if (inFlight == null) {
            Promise<String> promise = Promise.promise();
            inFlight = promise.future();
            request().onComplete(result -> {
                synchronized (this) {
                    inFlight = null;
                }
                promise.handle(result);
            });
        }
        return inFlight;
    }

    private Future<String> request() {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", clientId)
                .add("client_secret", clientSecret);
        long requestedAt = clock.millis();
        return client.postAbs(tokenUrl).timeout(TIMEOUT_MS).sendForm(form)
                .compose(response -> parse(response, requestedAt))
                .onFailure(error -> LOG.log(System.Logger.Level.WARNING,
                        "cannot get an access token for {0} from {1}: {2}; the caller retries", clientId, tokenUrl,
                        error.getMessage()));
    }

    private Future<String> parse(HttpResponse<Buffer> response, long requestedAt) {
        if (response.statusCode() != 200) {
            String reason = response.statusCode() == 400 || response.statusCode() == 401
                    ? " (client unknown, disabled or secret wrong: was the agent revoked?)" : "";
            return Future.failedFuture(new IdentityException("Keycloak answered HTTP " + response.statusCode()
                    + reason + ": " + truncate(response.bodyAsString())));
        }
        JsonObject body = response.bodyAsJsonObject();
        String value = body.getString("access_token");
        long lifetimeMs = body.getLong("expires_in", 60L) * 1000;
        if (value == null) {
            return Future.failedFuture(new IdentityException("Keycloak's token response has no access_token"));
        }
        long margin = Math.max(10_000, lifetimeMs / 5);
        synchronized (this) {
            cached = new Token(value, requestedAt + Math.max(0, lifetimeMs - margin));
        }
        return Future.succeededFuture(value);
    }

    private static String truncate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private record Token(String value, long refreshAt) {
    }
}
