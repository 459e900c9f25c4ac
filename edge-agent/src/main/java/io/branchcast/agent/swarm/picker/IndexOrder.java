package io.branchcast.agent.swarm.picker;

import java.util.BitSet;

/**
 * IndexOrder prefers fresh pieces by index, lowest first: the "sequential" strategy, for debugging and for streaming
 * a file in order. Picking leapfrogs between the fresh set and the peer's bitfield.
 */
final class IndexOrder implements FreshOrder {

    /** The fresh pieces. */
    private final BitSet members = new BitSet();

    @Override
    public void add(int piece) {
        members.set(piece);
    }

    @Override
    public void remove(int piece) {
        members.clear(piece);
    }

    @Override
    public boolean contains(int piece) {
        return members.get(piece);
    }

    @Override
    public int size() {
        return members.cardinality();
    }

    @Override
    public void availabilityChanged(int piece, int from, int delta) {
        // Order by index does not depend on availability.
    }

    @Override
    public int pick(PeerPieces peer) {
        int piece = members.nextSetBit(0);
        while (piece >= 0 && !peer.has(piece)) {
            int next = peer.pieces.nextSetBit(piece);
            piece = next < 0 ? -1 : members.nextSetBit(next);
        }
        return piece;
    }
}
