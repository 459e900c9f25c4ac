package io.branchcast.agent.progress;

import io.branchcast.contracts.events.TargetState;

/** JobReport is one observation of a job on this agent, before the {@link ProgressReporter} decides to send it. */
public record JobReport(String jobId, TargetState state, long bytesDone, long bytesTotal, long bytesFromPeers,
                        long bytesFromOrigin, String errorCode, String errorMessage) {

    public static JobReport of(String jobId, TargetState state) {
        return new JobReport(jobId, state, 0, 0, 0, 0, null, null);
    }

    /** Done bytes as a fraction of the total; 0 when the total is unknown. */
    public double fraction() {
        return bytesTotal == 0 ? 0 : (double) bytesDone / bytesTotal;
    }

    boolean changedFrom(JobReport other) {
        return bytesDone != other.bytesDone || bytesFromPeers != other.bytesFromPeers
                || bytesFromOrigin != other.bytesFromOrigin || bytesTotal != other.bytesTotal;
    }
}
