package io.branchcast.agent.origin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class WebSeedFetcherTest {

    private static final byte[] PAYLOAD = new byte[300_000];

    static {
        new Random(7).nextBytes(PAYLOAD);
    }

    @Test
    void fetches_a_range_with_a_bearer_token(Vertx vertx, VertxTestContext test) {
        RangeOriginServer.start(vertx, "127.0.0.10", PAYLOAD)
                .compose(origin -> fetcher(vertx, origin, () -> Future.succeededFuture("t0ken"))
                        .fetch(100_000, 65_536).map(body -> {
                            test.verify(() -> {
                                assertThat(body).isEqualTo(Buffer.buffer(PAYLOAD).slice(100_000, 165_536));
                                assertThat(origin.authorizations).containsExactly("Bearer t0ken");
                            });
                            return body;
                        }))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void retries_server_errors_with_backoff(Vertx vertx, VertxTestContext test) {
        RangeOriginServer.start(vertx, "127.0.0.10", PAYLOAD)
                .compose(origin -> fetcher(vertx, origin.failNext(2), null).fetch(0, 1000).map(body -> {
                    test.verify(() -> {
                        assertThat(body.length()).isEqualTo(1000);
                        assertThat(origin.requests.get()).isEqualTo(3);
                    });
                    return body;
                }))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void a_short_body_fails_after_the_last_attempt(Vertx vertx, VertxTestContext test) {
        RangeOriginServer.start(vertx, "127.0.0.10", PAYLOAD).onComplete(test.succeeding(origin ->
                fetcher(vertx, origin.truncateBy(1), null).fetch(0, 1000).onComplete(test.failing(error ->
                        test.verify(() -> {
                            assertThat(error).isInstanceOf(OriginException.class);
                            assertThat(origin.requests.get()).isEqualTo(3);
                            test.completeNow();
                        })))));
    }

    @Test
    void a_client_error_is_not_retried(Vertx vertx, VertxTestContext test) {
        RangeOriginServer.start(vertx, "127.0.0.10", PAYLOAD).onComplete(test.succeeding(origin -> {
            WebSeedFetcher fetcher = new WebSeedFetcher(vertx, WebClient.create(vertx, new WebClientOptions()),
                    new WebSeedOptions().setUrl(origin.url() + "-missing").setInitialBackoffMs(5),
                    new UnlimitedOriginScheduler(), null);
            fetcher.fetch(0, 10).onComplete(test.failing(error -> test.verify(() -> {
                assertThat(((OriginException) error).statusCode()).isEqualTo(404);
                assertThat(origin.requests.get()).isEqualTo(1);
                test.completeNow();
            })));
        }));
    }

    private static WebSeedFetcher fetcher(Vertx vertx, RangeOriginServer origin,
            java.util.function.Supplier<Future<String>> token) {
        return new WebSeedFetcher(vertx, WebClient.create(vertx, new WebClientOptions().setLocalAddress("127.0.0.11")),
                new WebSeedOptions().setUrl(origin.url()).setMaxAttempts(3).setInitialBackoffMs(5),
                new UnlimitedOriginScheduler(), token);
    }
}
