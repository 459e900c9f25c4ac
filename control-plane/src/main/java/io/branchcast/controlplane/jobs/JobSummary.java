package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;

import java.util.EnumMap;
import java.util.Map;

/**
 * JobSummary is a job's progress over all its targets: how many are in each state, bytes delivered and where they came
 * from. {@code bytesTotal} is the artifact size times the number of targets.
 */
public record JobSummary(Map<TargetState, Long> targets, long totalTargets, long bytesDone, long bytesTotal,
                         long bytesFromPeers, long bytesFromOrigin, double percent) {

    public static JobSummary empty() {
        return of(new EnumMap<>(TargetState.class), 0, 0, 0, 0);
    }

    public static JobSummary of(Map<TargetState, Long> counts, long bytesDone, long bytesFromPeers, long bytesFromOrigin,
                                long artifactSize) {
        Map<TargetState, Long> all = new EnumMap<>(TargetState.class);
        for (TargetState s : TargetState.values()) {
            all.put(s, counts.getOrDefault(s, 0L));
        }
        long total = all.values().stream().mapToLong(Long::longValue).sum();
        long bytesTotal = total * artifactSize;
        double percent = bytesTotal == 0 ? 0 : Math.min(100.0, Math.round(bytesDone * 10000.0 / bytesTotal) / 100.0);
        return new JobSummary(Map.copyOf(all), total, bytesDone, bytesTotal, bytesFromPeers, bytesFromOrigin, percent);
    }

    public long count(TargetState state) {
        return targets.getOrDefault(state, 0L);
    }

    /** Every target reached a terminal state (and there is at least one). */
    public boolean allTerminal() {
        return totalTargets > 0 && count(TargetState.COMPLETED) + count(TargetState.FAILED) + count(TargetState.CANCELLED) == totalTargets;
    }
}
