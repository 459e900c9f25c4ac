package io.branchcast.agent.swarm.wire;

/** SuggestPiece is the BEP 6 suggest message: the sender advises downloading {@code pieceIndex} (a hint only). */
public record SuggestPiece(int pieceIndex) implements PeerMessage {

    public SuggestPiece {
        Checks.pieceIndex(pieceIndex);
    }
}
