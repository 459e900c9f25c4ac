package io.branchcast.agent.kafka;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * RetryBackoff paces the retries of a Kafka worker thread: 1 s after the first failure, doubling up to a cap, back to
 * 1 s after a success. {@link #stop()} ends the worker's loop and cuts a pause short without interrupting a Kafka call.
 */
public final class RetryBackoff {

    private static final long FIRST_MS = 1000;

    private final long maxMs;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean stopped;
    private long nextMs = FIRST_MS;

    public RetryBackoff(long maxMs) {
        this.maxMs = maxMs;
    }

    public boolean stopped() {
        return stopped;
    }

    /** How long the next {@link #pause()} waits, in seconds, for the log line that announces it. */
    public long nextSeconds() {
        return nextMs / 1000;
    }

    /** After a success: the next failure waits the first delay again. */
    public void reset() {
        nextMs = FIRST_MS;
    }

    /** Waits the current delay (less if stopped meanwhile) and doubles the next one; an interrupt stops the worker. */
    public void pause() {
        try {
            stopping.await(nextMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
        nextMs = Math.min(maxMs, nextMs * 2);
    }

    public void stop() {
        stopped = true;
        stopping.countDown();
    }
}
