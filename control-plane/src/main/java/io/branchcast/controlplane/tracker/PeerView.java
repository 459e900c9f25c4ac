package io.branchcast.controlplane.tracker;

import java.util.UUID;

/** PeerView is one peer of an announce answer: where its peer listener is, its site, and whether it holds the whole payload. */
public record PeerView(UUID agentId, String ip, int port, UUID siteId, boolean complete) {
}
