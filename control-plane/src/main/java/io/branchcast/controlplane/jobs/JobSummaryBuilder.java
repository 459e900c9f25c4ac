package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;

import java.util.EnumMap;
import java.util.Map;

/** JobSummaryBuilder adds up grouped target rows (per state) into a {@link JobSummary}. */
final class JobSummaryBuilder {

    private final Map<TargetState, Long> counts = new EnumMap<>(TargetState.class);
    private final long artifactSize;
    private long bytesDone;
    private long fromPeers;
    private long fromOrigin;

    JobSummaryBuilder(long artifactSize) {
        this.artifactSize = artifactSize;
    }

    void add(TargetState state, long targets, long bytesDone, long fromPeers, long fromOrigin) {
        counts.merge(state, targets, Long::sum);
        // a completed target holds the whole artifact, whatever its last progress event said
        this.bytesDone += state == TargetState.COMPLETED ? targets * artifactSize : bytesDone;
        this.fromPeers += fromPeers;
        this.fromOrigin += fromOrigin;
    }

    JobSummary build() {
        return JobSummary.of(counts, bytesDone, fromPeers, fromOrigin, artifactSize);
    }
}
