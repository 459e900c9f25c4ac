package io.branchcast.bench;

import java.util.Arrays;

/** Latencies collects request durations and reports percentiles in milliseconds. Thread-safe. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    synchronized void addAll(Latencies other) {
        long[] theirs = other.snapshot();
        for (long n : theirs) {
            add(n);
        }
    }

    synchronized double percentileMillis(double p) {
        long[] sorted = snapshot();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    synchronized int count() {
        return count;
    }

    private synchronized long[] snapshot() {
        return Arrays.copyOf(nanos, count);
    }
}
