package io.branchcast.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Readiness polls a server's own health signal until it answers, failing fast when the server process dies. */
final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private Readiness() {
    }

    static void await(String what, Duration timeout, ChildProcess process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new StackException(what + " died during start: " + process.lastLine() + " (log: " + process.logFile() + ")");
            }
            if (ready.getAsBoolean()) {
                return;
            }
            pause();
        }
        throw new StackException(what + " was not ready within " + timeout.toSeconds() + " s"
                + (process != null ? "; its log: " + process.logFile() : ""));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for a server to start");
        }
    }
}
