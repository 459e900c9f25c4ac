package io.branchcast.agent.origin;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class TokenBucketOriginSchedulerTest {

    @Test
    void grants_a_burst_at_once_then_paces_to_the_rate(Vertx vertx, VertxTestContext test) {
        TokenBucketOriginScheduler bucket = new TokenBucketOriginScheduler(vertx, 1_000_000);
        long start = System.nanoTime();

        bucket.acquire(1_000_000)
                .onSuccess(v -> test.verify(() -> assertThat(elapsedMs(start)).isLessThan(100)))
                .compose(v -> bucket.acquire(300_000))
                .onComplete(test.succeeding(v -> test.verify(() -> {
                    assertThat(elapsedMs(start)).isBetween(250L, 1000L);
                    test.completeNow();
                })));
    }

    @Test
    void grants_a_request_larger_than_the_bucket(Vertx vertx, VertxTestContext test) {
        TokenBucketOriginScheduler bucket = new TokenBucketOriginScheduler(vertx, 1000);

        bucket.acquire(1_000_000).onComplete(test.succeedingThenComplete());
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
