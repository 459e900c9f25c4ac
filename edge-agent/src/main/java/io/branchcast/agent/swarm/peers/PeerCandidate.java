package io.branchcast.agent.swarm.peers;

import io.branchcast.agent.swarm.wire.PeerId;
import io.vertx.core.net.SocketAddress;

import java.util.Objects;

/**
 * PeerCandidate is what is known about a peer when its admission is decided: its address, the peer id from its
 * handshake and whether it connected to us.
 */
public record PeerCandidate(SocketAddress remoteAddress, PeerId peerId, boolean inbound) {

    public PeerCandidate {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(peerId, "peerId");
    }
}
