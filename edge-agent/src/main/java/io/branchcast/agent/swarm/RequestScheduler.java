package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.picker.BlockReceipt;
import io.branchcast.agent.swarm.picker.PiecePicker;
import io.branchcast.agent.swarm.picker.Request;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.Cancel;
import io.branchcast.agent.swarm.wire.DisconnectReason;
import io.branchcast.agent.swarm.wire.Piece;
import io.branchcast.agent.swarm.wire.ProtocolViolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RequestScheduler turns the {@link PiecePicker}'s choices into request messages and keeps each unchoked peer's
 * pipeline full, sized to the peer's measured rate. The picker and the pipeline count 16 KiB blocks; a peer that agreed
 * on longer requests in its BEP 10 handshake gets consecutive blocks in one request (8x fewer messages, picker calls
 * on its side and system calls at 128 KiB). It enforces that a piece message answers a request we sent to
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

    /**
     * Sends as many requests to the peer as its pipeline has room for. The picker works in 16 KiB blocks; consecutive
     * ones go out as one request of up to the peer's request length (see {@link #runs}).
     */
    void fill(SwarmPeer peer) {
        if (peer.connection.peerChoking() || !peer.connection.amInterested() || peer.connection.isClosed()) {
            return;
        }
        int room = picker.inEndgame() ? Math.min(peer.requestRoom(), ENDGAME_DEPTH - peer.requested.size())
                : peer.requestRoom();
        if (room <= 0) {
            return;
        }
        List<BlockRef> picked = picker.pick(peer, room, System.nanoTime() / 1_000_000L);
        peer.requested.addAll(picked);
        for (BlockRef run : runs(picked, peer.requestLength)) {
            peer.connection.send(new io.branchcast.agent.swarm.wire.Request(run));
        }
    }

    /**
     * Takes over a piece message from the peer: the blocks it answers go to {@code sink} (the data it was given, or a
     * part of it when some blocks are dropped), duplicates and late answers to cancels are released. A message may
     * answer a request of several blocks; each of its 16 KiB blocks must be one we asked this peer for.
     *
     * @throws ProtocolViolation UNREQUESTED_BLOCK for a block never requested from the peer (the piece is released)
     */
    void accept(SwarmPeer peer, Piece piece, BlockSink sink) {
        List<BlockRef> blocks = blocksOf(piece.block());
        for (BlockRef block : blocks) {
            if (!peer.requested.contains(block) && !peer.cancelled.contains(block)) {
                piece.release();
                throw new ProtocolViolation(DisconnectReason.UNREQUESTED_BLOCK,
                        "piece " + block.pieceIndex() + " offset " + block.begin() + " length " + block.length());
            }
        }
        boolean[] accepted = new boolean[blocks.size()];
        int acceptedCount = 0;
        boolean pieceComplete = false;
        for (int i = 0; i < blocks.size(); i++) {
            BlockRef block = blocks.get(i);
            if (!peer.requested.remove(block)) {
                peer.cancelled.remove(block);
                continue;
            }
            BlockReceipt<SwarmPeer> receipt = picker.blockReceived(peer, block);
            cancel(receipt.cancels());
            if (receipt.outcome() == BlockReceipt.Outcome.ACCEPTED) {
                accepted[i] = true;
                acceptedCount++;
                pieceComplete |= receipt.pieceComplete();
            }
        }
        if (acceptedCount == blocks.size()) {
            sink.write(piece, pieceComplete);
            return;
        }
        for (int i = 0, written = 0; i < blocks.size(); i++) {
            if (accepted[i]) {
                BlockRef block = blocks.get(i);
                written++;
                sink.write(piece.part(block.begin(), block.length()), pieceComplete && written == acceptedCount);
            }
        }
        piece.release();
    }

    /** The peer rejected a request (BEP 6), or acknowledged our cancel with a reject. */
    void onReject(SwarmPeer peer, BlockRef rejected) {
        for (BlockRef block : blocksOf(rejected)) {
            if (peer.requested.remove(block)) {
                picker.requestRejected(peer, block);
            } else {
                peer.cancelled.remove(block);
            }
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

    /** Withdraws the requests; each peer gets one cancel per request message that covered them. */
    private void cancel(List<Request<SwarmPeer>> requests) {
        if (requests.isEmpty()) {
            return;
        }
        Map<SwarmPeer, List<BlockRef>> byPeer = new LinkedHashMap<>();
        for (Request<SwarmPeer> request : requests) {
            SwarmPeer peer = request.peer();
            if (peer.requested.remove(request.block()) && !peer.connection.isClosed()) {
                peer.cancelled.add(request.block());
                byPeer.computeIfAbsent(peer, p -> new ArrayList<>()).add(request.block());
            }
        }
        byPeer.forEach((peer, blocks) -> {
            blocks.sort(Comparator.comparingInt(BlockRef::pieceIndex).thenComparingInt(BlockRef::begin));
            for (BlockRef run : runs(blocks, peer.requestLength)) {
                peer.connection.send(new Cancel(run));
            }
        });
    }

    /**
     * Joins consecutive blocks of a piece into runs that each stay inside one {@code requestLength}-aligned window of
     * the piece. Requests and cancels are cut the same way, so cancelling every block of a request names exactly that
     * request (a partial cancel names no request: the peer ignores it and the blocks' late answers are dropped).
     */
    static List<BlockRef> runs(List<BlockRef> blocks, int requestLength) {
        List<BlockRef> runs = new ArrayList<>(blocks.size());
        BlockRef run = null;
        for (BlockRef block : blocks) {
            if (run != null && block.pieceIndex() == run.pieceIndex() && block.begin() == run.begin() + run.length()
                    && block.begin() / requestLength == run.begin() / requestLength) {
                run = new BlockRef(run.pieceIndex(), run.begin(), run.length() + block.length());
            } else {
                if (run != null) {
                    runs.add(run);
                }
                run = block;
            }
        }
        if (run != null) {
            runs.add(run);
        }
        return runs;
    }

    /** The 16 KiB blocks a request, piece or reject message covers, cut from its offset on. */
    static List<BlockRef> blocksOf(BlockRef message) {
        if (message.length() <= BlockRef.MAX_BLOCK_LENGTH) {
            return List.of(message);
        }
        List<BlockRef> blocks = new ArrayList<>(message.length() / BlockRef.MAX_BLOCK_LENGTH + 1);
        int end = message.begin() + message.length();
        for (int begin = message.begin(); begin < end; begin += BlockRef.MAX_BLOCK_LENGTH) {
            blocks.add(new BlockRef(message.pieceIndex(), begin, Math.min(BlockRef.MAX_BLOCK_LENGTH, end - begin)));
        }
        return blocks;
    }

    /** Where accepted blocks go: the writer. */
    @FunctionalInterface
    interface BlockSink {
        void write(Piece block, boolean pieceComplete);
    }
}
