package io.branchcast.agent.origin;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * WebSeedFetcher fetches byte ranges of the payload from the WAN origin, BEP 19 style: an HTTP Range GET per piece,
 * with an optional bearer token, each attempt granted by the {@link OriginScheduler}, retried with exponential backoff
 * and jitter. A response must be 206 with exactly the requested number of bytes. It is not responsible for verifying
 * content: an origin returning wrong bytes is caught by the piece hash upstream.
 */
public final class WebSeedFetcher {

    private final Vertx vertx;
    private final WebClient client;
    private final WebSeedOptions options;
    private final OriginScheduler scheduler;
    private final Supplier<Future<String>> bearerToken;

    /**
     * @param bearerToken supplies the token for each attempt (so a refreshed token is picked up), or null for none
     */
    public WebSeedFetcher(Vertx vertx, WebClient client, WebSeedOptions options, OriginScheduler scheduler,
            Supplier<Future<String>> bearerToken) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.client = Objects.requireNonNull(client, "client");
        this.options = new WebSeedOptions(options);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.bearerToken = bearerToken;
        Objects.requireNonNull(this.options.getUrl(), "url");
    }

    /** Fetches {@code length} bytes at {@code offset} of the payload. */
    public Future<Buffer> fetch(long offset, int length) {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("range " + offset + "+" + length);
        }
        Promise<Buffer> result = Promise.promise();
        attempt(offset, length, 1, result);
        return result.future();
    }

    private void attempt(long offset, int length, int attempt, Promise<Buffer> result) {
        scheduler.acquire(length)
                .compose(v -> bearerToken == null ? Future.succeededFuture((String) null) : bearerToken.get())
                .compose(token -> send(offset, length, token))
                .onSuccess(result::complete)
                .onFailure(error -> {
                    boolean retryable = !(error instanceof OriginException origin) || origin.retryable();
                    if (!retryable || attempt >= options.getMaxAttempts()) {
                        result.fail(error);
                    } else {
                        vertx.setTimer(backoffMs(attempt), id -> attempt(offset, length, attempt + 1, result));
                    }
                });
    }

    private Future<Buffer> send(long offset, int length, String token) {
        HttpRequest<Buffer> request = client.getAbs(options.getUrl())
                .putHeader("Range", "bytes=" + offset + "-" + (offset + length - 1))
                .timeout(options.getRequestTimeoutMs());
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.send().map(response -> body(response, offset, length));
    }

    private static Buffer body(HttpResponse<Buffer> response, long offset, int length) {
        int status = response.statusCode();
        if (status != 206) {
            boolean retryable = status >= 500 || status == 408 || status == 429;
            throw new OriginException("origin answered " + status + " to range " + offset + "+" + length, status,
                    retryable);
        }
        Buffer body = response.body();
        int actual = body == null ? 0 : body.length();
        if (actual != length) {
            throw new OriginException("origin sent " + actual + " bytes for range " + offset + "+" + length, status,
                    true);
        }
        return body;
    }

    /** Exponential backoff with "equal jitter": half fixed, half random. */
    private long backoffMs(int attempt) {
        long ceiling = Math.min(options.getMaxBackoffMs(), options.getInitialBackoffMs() << Math.min(attempt - 1, 20));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }
}
