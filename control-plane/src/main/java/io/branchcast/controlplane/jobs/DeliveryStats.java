package io.branchcast.controlplane.jobs;

import java.time.Instant;

/**
 * DeliveryStats are the bytes delivered by job targets that made progress within a window, by source: what the LAN
 * (peers) carried and what crossed the WAN (origin). A target counts whole once it was updated in the window.
 */
public record DeliveryStats(String window, Instant since, long bytesFromPeers, long bytesFromOrigin, long targets,
                            long targetsCompleted) {
}
