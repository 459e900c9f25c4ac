package io.branchcast.agent.swarm.peers;

import io.vertx.core.Future;

/**
 * PeerAdmission decides, after a valid handshake, whether a peer may join the swarm session (later: the peer's
 * Keycloak-issued identity must belong to the site). It is not responsible for bans (see {@link PeerBanList}) nor
 * for connection limits.
 */
public interface PeerAdmission {

    /** Succeeds with true to admit, false to refuse; a failure also refuses. */
    Future<Boolean> admit(PeerCandidate candidate);
}
