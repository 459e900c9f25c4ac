package io.branchcast.agent.origin;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;

/**
 * TokenBucketOriginScheduler limits origin traffic to {@code bytesPerSecond} with a burst of one second, granting in
 * FIFO order. A request larger than the bucket is granted when the bucket is full and drives it into debt, so huge
 * pieces are never starved. Thread-safe: sessions on several contexts may share one bucket; each grant completes on
 * the context that asked. It is not responsible for the per-site budget policy.
 */
public final class TokenBucketOriginScheduler implements OriginScheduler {

    private final Vertx vertx;
    private final long bytesPerSecond;
    /** Waiting requests, oldest first; guarded by this. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Available bytes, at most bytesPerSecond; negative while in debt; guarded by this. */
    private double tokens;
    private long lastRefillNanos = System.nanoTime();
    /** True while a timer is scheduled to grant the head waiter; guarded by this. */
    private boolean timerPending;

    private record Waiter(long bytes, Context context, Promise<Void> promise) {
    }

    public TokenBucketOriginScheduler(Vertx vertx, long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be positive");
        }
        this.vertx = vertx;
        this.bytesPerSecond = bytesPerSecond;
        this.tokens = bytesPerSecond;
    }

    @Override
    public synchronized Future<Void> acquire(long bytes) {
        Promise<Void> promise = Promise.promise();
        waiters.add(new Waiter(bytes, vertx.getOrCreateContext(), promise));
        grantReady();
        return promise.future();
    }

    private synchronized void grantReady() {
        refill();
        while (!waiters.isEmpty()) {
            Waiter head = waiters.peek();
            if (tokens < Math.min(head.bytes, bytesPerSecond)) {
                scheduleRetry(Math.min(head.bytes, bytesPerSecond) - tokens);
                return;
            }
            waiters.poll();
            tokens -= head.bytes;
            head.context.runOnContext(v -> head.promise.complete());
        }
    }

    private void scheduleRetry(double missingBytes) {
        if (timerPending) {
            return;
        }
        timerPending = true;
        long delayMs = Math.max(1, (long) Math.ceil(missingBytes * 1000 / bytesPerSecond));
        vertx.setTimer(delayMs, id -> {
            synchronized (this) {
                timerPending = false;
            }
            grantReady();
        });
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(bytesPerSecond, tokens + (now - lastRefillNanos) * bytesPerSecond / 1e9);
        lastRefillNanos = now;
    }
}
