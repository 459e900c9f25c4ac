package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.PeerConnection;
import io.branchcast.agent.swarm.wire.PeerId;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * SwarmPeer is the session's record of one admitted connection: what the peer has, how many of our requests it holds,
 * how fast it sends and receives. It holds state only; the session's collaborators decide and act on it. Owned by the
 * session's context.
 */
final class SwarmPeer {

    final PeerConnection connection;
    final boolean inbound;
    /** Pieces the peer announced (bitfield, have-all, have); only grows. */
    final BitSet has;
    final RateMeter download;
    final RateMeter upload;
    /** Rendezvous-hash seed of the peer's id, see {@link OriginFallback}. */
    final long rank;
    /** Blocks of our requests to the peer not yet answered, rejected, cancelled or taken back. */
    final Set<BlockRef> requested = new HashSet<>();
    /**
     * Blocks we cancelled at this peer (endgame duplicates, expired requests): a piece message for one of them may
     * still arrive and is then dropped, not treated as unrequested.
     */
    final Set<BlockRef> cancelled = new HashSet<>();

    /** Current request pipeline depth, between the options' min and max. */
    int pipelineDepth;
    /** The peer's BEP 10 "reqq", 0 when unknown; our pipeline never exceeds it. */
    int peerQueueLimit;
    /** The longest request we send the peer: 16 KiB unless both BEP 10 handshakes agreed on more. */
    int requestLength = BlockRef.MAX_BLOCK_LENGTH;
    /** Last time the peer announced a piece; a stalled origin owner loses its pieces to others. */
    long lastHaveNanos;
    /** The peer said in its BEP 10 handshake that it fetches from the origin (so it owns a share of the pieces). */
    boolean fetchesFromOrigin;
    /** The peer's BEP 10 handshake arrived (so fetchesFromOrigin is known). */
    boolean introduced;
    /** Port the peer accepts connections on: the dialled port, or the BEP 10 "p" of an inbound peer; 0 unknown. */
    int listenPort;

    SwarmPeer(PeerConnection connection, boolean inbound, int pieceCount, int pipelineDepth, long nowNanos) {
        this.connection = connection;
        this.inbound = inbound;
        this.has = new BitSet(pieceCount);
        this.download = new RateMeter(nowNanos);
        this.upload = new RateMeter(nowNanos);
        this.pipelineDepth = pipelineDepth;
        this.lastHaveNanos = nowNanos;
        this.rank = OriginFallback.seed(connection.remotePeerId());
        this.listenPort = inbound ? 0 : connection.remoteAddress().port();
    }

    PeerId id() {
        return connection.remotePeerId();
    }

    String host() {
        return connection.remoteAddress().host();
    }

    boolean isSeed(int pieceCount) {
        return has.cardinality() == pieceCount;
    }

    /** Blocks the peer can take requests for now: the pipeline depth, capped by the peer's own queue limit. */
    int requestRoom() {
        int queueBlocks = peerQueueLimit * (requestLength / BlockRef.MAX_BLOCK_LENGTH);
        int depth = peerQueueLimit > 0 ? Math.min(pipelineDepth, queueBlocks) : pipelineDepth;
        return depth - requested.size();
    }

    PeerStats stats() {
        return new PeerStats(connection.remoteAddress().toString(), download.total(), upload.total(),
                download.bytesPerSecond(), upload.bytesPerSecond(), has.cardinality(), requested.size());
    }

    @Override
    public String toString() {
        return connection.remoteAddress().toString();
    }
}
