package io.branchcast.agent.swarm.peers;

import io.vertx.core.Future;

/** OpenAdmission admits every peer with a valid handshake: the policy until peer identities exist. */
public final class OpenAdmission implements PeerAdmission {

    @Override
    public Future<Boolean> admit(PeerCandidate candidate) {
        return Future.succeededFuture(true);
    }
}
