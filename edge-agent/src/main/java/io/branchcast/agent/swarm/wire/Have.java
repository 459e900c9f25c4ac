package io.branchcast.agent.swarm.wire;

/** Have is the BitTorrent have message: the sender just completed and verified piece {@code pieceIndex}. */
public record Have(int pieceIndex) implements PeerMessage {

    public Have {
        Checks.pieceIndex(pieceIndex);
    }
}
