package io.branchcast.agent.swarm.picker;

/**
 * FreshOrder holds the pieces nobody has started (no block requested or received, not verified) in the order a
 * strategy prefers them, and finds the first one a given peer has.
 */
interface FreshOrder {

    void add(int piece);

    void remove(int piece);

    boolean contains(int piece);

    int size();

    /** The piece's availability (seeds excluded) went from {@code from} to {@code from + delta}, delta = ±1. */
    void availabilityChanged(int piece, int from, int delta);

    /** The preferred fresh piece the peer has, or -1. */
    int pick(PeerPieces peer);
}
