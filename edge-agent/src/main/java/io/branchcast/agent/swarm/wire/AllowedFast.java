package io.branchcast.agent.swarm.wire;

/** AllowedFast is the BEP 6 allowed-fast message: the sender serves {@code pieceIndex} even while choking. */
public record AllowedFast(int pieceIndex) implements PeerMessage {

    public AllowedFast {
        Checks.pieceIndex(pieceIndex);
    }
}
