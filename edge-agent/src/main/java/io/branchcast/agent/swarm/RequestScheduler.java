package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.picker.BlockReceipt;
import io.branchcast.agent.swarm.picker.PiecePicker;
import io.branchcast.agent.swarm.picker.Request;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.Cancel;
import io.branchcast.agent.swarm.wire.DisconnectReason;
import io.branchcast.agent.swarm.wire.Piece;
import io.branchcast.agent.swarm.wire.ProtocolViolation;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * RequestScheduler turns the {@link PiecePicker}'s choices into request messages and keeps each unchoked peer's
 * pipeline full, sized to the peer's measured rate. It enforces that a piece message answers a request we sent to
 * that very peer (UNREQUESTED_BLOCK otherwise; a late answer to a request we cancelled is dropped quietly), and sends
 * the cancels the picker asks for (endgame duplicates, expired requests, blocks of a piece verified meanwhile). It is
 * not responsible for choosing blocks (the picker) nor for storing data ({@link PieceWriter}). Owned by the session's
 * context.
 */
final class RequestScheduler {

    private static final System.Logger LOG = System.getLogger(RequestScheduler.class.getName());
    /** Seconds of a peer's rate kept in flight: covers the round trip plus the peer's disk and queueing delays. */
    private static final double PIPELINE_SECONDS = 0.25;
    /**
     * Requests a peer may hold in endgame, when every missing block is already requested and new requests duplicate
     * others': a short pipeline keeps the duplicated (wasted) bytes small while still finishing fast.
     */
    private static final int ENDGAME_DEPTH = 16;

    private final PiecePicker<SwarmPeer> picker;
    private final SwarmOptions options;

    RequestScheduler(PiecePicker<SwarmPeer> picker, SwarmOptions options) {
        this.picker = picker;
        this.options = options;
    }

    /** Sends as many requests to the peer as its pipeline has room for. */
    void fill(SwarmPeer peer) {
        if (peer.connection.peerChoking() || !peer.connection.amInterested() || peer.connection.isClosed()) {
            return;
        }
        int room = picker.inEndgame() ? Math.min(peer.requestRoom(), ENDGAME_DEPTH - peer.requested.size())
                : peer.requestRoom();
        if (room <= 0) {
            return;
        }
        for (BlockRef block : picker.pick(peer, room, System.nanoTime() / 1_000_000L)) {
            peer.requested.add(block);
            peer.connection.send(new io.branchcast.agent.swarm.wire.Request(block));
        }
    }

    /**
     * Checks that the block answers our request to this peer and asks the picker about it. Returns the receipt when
     * the data is to be written, or null when it is to be dropped (duplicate, or a late answer to a cancel).
     *
     * @throws ProtocolViolation UNREQUESTED_BLOCK for a block never requested from the peer
     */
    BlockReceipt<SwarmPeer> accept(SwarmPeer peer, Piece piece) {
        BlockRef block = piece.block();
        if (!peer.requested.remove(block)) {
            if (peer.cancelled.remove(block)) {
                return null;
            }
            throw new ProtocolViolation(DisconnectReason.UNREQUESTED_BLOCK,
                    "piece " + block.pieceIndex() + " offset " + block.begin() + " length " + block.length());
        }
        BlockReceipt<SwarmPeer> receipt = picker.blockReceived(peer, block);
        cancel(receipt.cancels());
        return receipt.outcome() == BlockReceipt.Outcome.ACCEPTED ? receipt : null;
    }

    /** The peer rejected a request (BEP 6), or acknowledged our cancel with a reject. */
    void onReject(SwarmPeer peer, BlockRef block) {
        if (peer.requested.remove(block)) {
            picker.requestRejected(peer, block);
        } else {
            peer.cancelled.remove(block);
        }
    }

    /**
     * The peer choked us. Without the fast extension that silently drops our requests; with it, rejects follow for
     * each, so the requests stay until then.
     */
    void onChoke(SwarmPeer peer) {
        if (!peer.connection.fastEnabled()) {
            picker.peerChoked(peer);
            peer.requested.clear();
        }
    }

    /** The piece is verified (from peers or the origin): outstanding requests for it are cancelled. */
    void verified(int piece) {
        cancel(picker.pieceVerified(piece));
    }

    /** The piece failed its hash check; returns the peers that sent its blocks. */
    Set<SwarmPeer> failed(int piece) {
        return picker.pieceFailed(piece);
    }

    /** The peer left: its requests go back to the pool. */
    void removed(SwarmPeer peer) {
        picker.removePeer(peer);
        peer.requested.clear();
    }

    /** Re-sizes pipelines to measured rates and takes back requests that waited longer than the request timeout. */
    void tick(Collection<SwarmPeer> peers, long nowNanos) {
        for (SwarmPeer peer : peers) {
            int wanted = (int) (peer.download.bytesPerSecond() * PIPELINE_SECONDS / BlockRef.MAX_BLOCK_LENGTH);
            peer.pipelineDepth = Math.max(options.getMinPipelineDepth(), Math.min(options.getMaxPipelineDepth(), wanted));
        }
        List<Request<SwarmPeer>> expired = picker.expireRequests(nowNanos / 1_000_000L, options.getRequestTimeoutMs());
        if (!expired.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "{0} requests unanswered for {1} ms; asking other peers",
                    expired.size(), options.getRequestTimeoutMs());
            cancel(expired);
            for (Request<SwarmPeer> request : expired) {
                request.peer().pipelineDepth = options.getMinPipelineDepth();
            }
        }
    }

    private void cancel(List<Request<SwarmPeer>> requests) {
        for (Request<SwarmPeer> request : requests) {
            SwarmPeer peer = request.peer();
            if (peer.requested.remove(request.block()) && !peer.connection.isClosed()) {
                peer.cancelled.add(request.block());
                peer.connection.send(new Cancel(request.block()));
            }
        }
    }
}
