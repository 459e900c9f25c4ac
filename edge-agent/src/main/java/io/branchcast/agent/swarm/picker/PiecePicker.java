package io.branchcast.agent.swarm.picker;

import io.branchcast.agent.swarm.wire.BlockRef;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * PiecePicker decides which blocks to request from which peer and keeps the request bookkeeping that decision needs:
 * per-piece availability from the peers' bitfields and haves, which blocks are requested from whom and since when,
 * which are received, and which pieces are verified. It is not responsible for sending or receiving anything, nor for
 * storing or hashing data: the session does that and reports back.
 *
 * <p>Order of preference: blocks of pieces already started (finish what is started), then whole new pieces in the
 * strategy's order; in endgame, when every missing block is already requested, blocks requested from other peers are
 * requested again and {@link #blockReceived} names the duplicates to cancel.
 *
 * <p>The HTTP origin can take part as one more peer that has every piece ({@link #peerHasAll}); pieces no LAN peer has
 * are then the rarest and go to it first.
 *
 * <p>Not thread-safe, by design: a picker belongs to the swarm's event loop, which is the only caller.
 *
 * @param <P> the peer handle; any type with value equality (a connection object works)
 */
public interface PiecePicker<P> {

    /** Registers a connected peer that has nothing yet (no bitfield, or have-none). */
    void addPeer(P peer);

    /** The peer's bitfield message: it has these pieces (added to what is known). */
    void peerHasPieces(P peer, BitSet pieces);

    /** The peer's have message. */
    void peerHas(P peer, int piece);

    /** The peer's have-all message, or a complete bitfield: it is a seed. O(1). */
    void peerHasAll(P peer);

    /** The peer left: its pieces no longer count and its outstanding requests go back to the pool. */
    void removePeer(P peer);

    /** The peer choked us (or dropped our requests): its outstanding requests go back to the pool. */
    void peerChoked(P peer);

    /** Whether the peer has a piece we still need (send interested / not interested accordingly). */
    boolean isInteresting(P peer);

    /** Picks up to maxBlocks blocks to request from the peer now and records them as requested at nowMillis. */
    List<BlockRef> pick(P peer, int maxBlocks, long nowMillis);

    /** A block arrived from the peer: whether to store it, what to cancel, and whether its piece is complete. */
    BlockReceipt<P> blockReceived(P peer, BlockRef block);

    /** The peer rejected (or we cancelled) a request: the block may be picked again. */
    void requestRejected(P peer, BlockRef block);

    /**
     * Gives up on requests older than timeoutMillis: they are forgotten and their blocks may be picked again, from any
     * peer. Returns them so the session can cancel them and lower its opinion of the peers. nowMillis must come from a
     * monotonic clock and never decrease.
     */
    List<Request<P>> expireRequests(long nowMillis, long timeoutMillis);

    /** The piece passed its hash check. Returns outstanding requests for its blocks, to cancel. */
    List<Request<P>> pieceVerified(int piece);

    /** The piece failed its hash check: all its blocks are needed again. Returns the peers that sent its blocks. */
    Set<P> pieceFailed(int piece);

    /** Peers owning the piece, seeds included. */
    int availability(int piece);

    /** True when every missing block is requested from some peer, so duplicate requests are allowed. */
    boolean inEndgame();

    /** True when every piece is verified. */
    boolean isComplete();

    /** A copy of the verified pieces. */
    BitSet verifiedPieces();
}
