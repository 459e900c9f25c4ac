package io.branchcast.controlplane.tracker;

import java.util.List;

/** AnnounceResponse tells an agent when to announce next (seconds) and which peers of the job to connect to. */
public record AnnounceResponse(long interval, List<PeerView> peers) {
}
