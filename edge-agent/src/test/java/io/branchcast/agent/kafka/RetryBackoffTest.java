package io.branchcast.agent.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void aStoppedBackoffReturnsAtOnceAndTheDelayDoublesUpToTheCapAndResets() {
        RetryBackoff backoff = new RetryBackoff(4_000);
        backoff.stop();
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            backoff.pause();
        }

        assertThat(System.nanoTime() - started).as("pauses after stop() do not wait").isLessThan(1_000_000_000L);
        assertThat(backoff.stopped()).isTrue();
        assertThat(backoff.nextSeconds()).isEqualTo(4);
        backoff.reset();
        assertThat(backoff.nextSeconds()).isEqualTo(1);
    }

    @Test
    void theDelayGrowsOneTwoFourSecondsUntilTheCap() {
        RetryBackoff backoff = new RetryBackoff(3_000);
        backoff.stop();
        assertThat(backoff.nextSeconds()).isEqualTo(1);
        backoff.pause();
        assertThat(backoff.nextSeconds()).isEqualTo(2);
        backoff.pause();
        assertThat(backoff.nextSeconds()).isEqualTo(3);
    }

    @Test
    void anInterruptedPauseStopsTheWorker() {
        RetryBackoff backoff = new RetryBackoff(30_000);
        Thread.currentThread().interrupt();
        backoff.pause();

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(backoff.stopped()).isTrue();
    }
}
