package io.branchcast.agent.swarm;

/**
 * RateMeter is a byte counter with an exponentially weighted moving rate, sampled by the session's tick. It is not
 * thread-safe (owned by the session's context) and not responsible for limiting anything.
 */
final class RateMeter {

    /** Weight of the newest sample: about the last second of traffic at a 250 ms tick. */
    private static final double ALPHA = 0.4;

    /** Bytes counted since creation. */
    private long total;
    /** Value of {@link #total} at the last sample. */
    private long sampledTotal;
    private long sampledNanos;
    private double bytesPerSecond;

    RateMeter(long nowNanos) {
        this.sampledNanos = nowNanos;
    }

    void add(long bytes) {
        total += bytes;
    }

    /** Folds the bytes counted since the previous sample into the rate. */
    void sample(long nowNanos) {
        long elapsed = nowNanos - sampledNanos;
        if (elapsed <= 0) {
            return;
        }
        double current = (total - sampledTotal) * 1e9 / elapsed;
        bytesPerSecond = bytesPerSecond == 0 ? current : ALPHA * current + (1 - ALPHA) * bytesPerSecond;
        sampledTotal = total;
        sampledNanos = nowNanos;
    }

    long total() {
        return total;
    }

    double bytesPerSecond() {
        return bytesPerSecond;
    }
}
