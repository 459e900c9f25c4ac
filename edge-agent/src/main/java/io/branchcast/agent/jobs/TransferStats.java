package io.branchcast.agent.jobs;

/** TransferStats is a snapshot of one job's transfer for progress events and the status endpoint; rates in bytes/s. */
public record TransferStats(long bytesDone, long bytesTotal, long bytesFromPeers, long bytesFromOrigin, int peers,
                            double downloadRate, double uploadRate) {

    public static final TransferStats NONE = new TransferStats(0, 0, 0, 0, 0, 0, 0);
}
