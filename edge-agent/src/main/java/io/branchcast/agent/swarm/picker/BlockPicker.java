package io.branchcast.agent.swarm.picker;

import io.branchcast.agent.swarm.picker.BlockReceipt.Outcome;
import io.branchcast.agent.swarm.wire.BlockRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * BlockPicker is the {@link PiecePicker} machinery shared by every strategy: availability counting, started pieces
 * first, endgame, and request bookkeeping. A strategy only supplies the {@link FreshOrder} in which untouched pieces
 * are started. Costs: a have or a departing peer's piece is O(1); a pick walks the started pieces with open blocks
 * (bounded by what is in flight), then asks the fresh order once per new piece; endgame picks walk the in-flight
 * pieces only. Not thread-safe (see {@link PiecePicker}).
 */
abstract class BlockPicker<P> implements PiecePicker<P> {

    private final PieceLayout layout;
    /** availability[p] = number of non-seed peers that announced piece p. */
    private final int[] availability;
    /** Pieces not verified and not started; exactly the complement of verified ∪ downloading. */
    private final FreshOrder fresh;
    private final BitSet verified;
    /** Started, unverified pieces in start order; a piece is here or in fresh or verified, never two of them. */
    private final Map<Integer, DownloadingPiece<P>> downloading = new LinkedHashMap<>();
    /** Keys of downloading whose openCount() > 0, in the order they (re)gained open blocks. */
    private final Set<Integer> openPieces = new LinkedHashSet<>();
    private final Map<P, PeerPieces> peers = new HashMap<>();
    /** Every outstanding request with its time, oldest first (times never decrease, see lastNow). */
    private final LinkedHashMap<Request<P>, Long> requestTimes = new LinkedHashMap<>();
    /** Peers that have every piece; counted here rather than in availability. */
    private int seeds;
    /** Latest time passed in; a smaller one is rejected so requestTimes stays sorted. */
    private long lastNow = Long.MIN_VALUE;

    BlockPicker(PieceLayout layout, BitSet alreadyVerified, Function<int[], FreshOrder> orderFactory) {
        this.layout = layout;
        int pieceCount = layout.pieceCount();
        if (alreadyVerified.length() > pieceCount) {
            throw new IllegalArgumentException("verified piece " + (alreadyVerified.length() - 1) + " >= " + pieceCount);
        }
        this.availability = new int[pieceCount];
        this.fresh = orderFactory.apply(availability);
        this.verified = (BitSet) alreadyVerified.clone();
        for (int piece = verified.nextClearBit(0); piece < pieceCount; piece = verified.nextClearBit(piece + 1)) {
            fresh.add(piece);
        }
    }

    @Override
    public void addPeer(P peer) {
        peers.putIfAbsent(peer, new PeerPieces());
    }

    @Override
    public void peerHasPieces(P peer, BitSet pieces) {
        PeerPieces state = require(peer);
        if (pieces.length() > availability.length) {
            throw new IllegalArgumentException("bitfield names piece " + (pieces.length() - 1));
        }
        if (state.pieceCount == 0 && pieces.cardinality() == availability.length) {
            peerHasAll(peer);
            return;
        }
        for (int piece = pieces.nextSetBit(0); piece >= 0; piece = pieces.nextSetBit(piece + 1)) {
            addHave(state, piece);
        }
    }

    @Override
    public void peerHas(P peer, int piece) {
        checkPiece(piece);
        addHave(require(peer), piece);
    }

    @Override
    public void peerHasAll(P peer) {
        PeerPieces state = require(peer);
        if (state.seed) {
            return;
        }
        removeHaves(state);
        state.seed = true;
        seeds++;
    }

    @Override
    public void removePeer(P peer) {
        PeerPieces state = peers.get(peer);
        if (state == null) {
            return;
        }
        returnRequests(peer, state);
        if (state.seed) {
            seeds--;
        } else {
            removeHaves(state);
        }
        peers.remove(peer);
    }

    @Override
    public void peerChoked(P peer) {
        returnRequests(peer, require(peer));
    }

    @Override
    public boolean isInteresting(P peer) {
        PeerPieces state = require(peer);
        if (state.seed) {
            return !isComplete();
        }
        BitSet needed = (BitSet) state.pieces.clone();
        needed.andNot(verified);
        return !needed.isEmpty();
    }

    @Override
    public List<BlockRef> pick(P peer, int maxBlocks, long nowMillis) {
        advanceClock(nowMillis);
        PeerPieces state = require(peer);
        List<BlockRef> picked = new ArrayList<>(Math.max(0, Math.min(maxBlocks, 256)));
        Iterator<Integer> started = openPieces.iterator();
        while (started.hasNext() && picked.size() < maxBlocks) {
            int piece = started.next();
            if (state.has(piece)) {
                DownloadingPiece<P> blocks = downloading.get(piece);
                requestOpenBlocks(peer, state, piece, blocks, picked, maxBlocks, nowMillis);
                if (blocks.openCount() == 0) {
                    started.remove();
                }
            }
        }
        while (picked.size() < maxBlocks) {
            int piece = fresh.pick(state);
            if (piece < 0) {
                break;
            }
            fresh.remove(piece);
            DownloadingPiece<P> blocks = new DownloadingPiece<>(layout.blockCount(piece));
            downloading.put(piece, blocks);
            requestOpenBlocks(peer, state, piece, blocks, picked, maxBlocks, nowMillis);
            refreshOpen(piece, blocks);
        }
        if (picked.size() < maxBlocks && inEndgame()) {
            requestDuplicates(peer, state, picked, maxBlocks, nowMillis);
        }
        return picked;
    }

    @Override
    public BlockReceipt<P> blockReceived(P peer, BlockRef block) {
        PeerPieces state = require(peer);
        int index = layout.blockIndex(block);
        int piece = block.pieceIndex();
        DownloadingPiece<P> blocks = index < 0 ? null : downloading.get(piece);
        if (blocks == null || blocks.isReceived(index)) {
            forgetRequest(peer, state, block);
            boolean duplicate = index >= 0 && (verified.get(piece) || blocks != null);
            return BlockReceipt.dropped(duplicate ? Outcome.DUPLICATE : Outcome.UNEXPECTED);
        }
        List<P> others = blocks.receive(index, peer);
        state.requests.remove(block);
        requestTimes.remove(new Request<>(peer, block));
        List<Request<P>> cancels = new ArrayList<>(others.size());
        for (P other : others) {
            forgetRequestOf(other, block);
            cancels.add(new Request<>(other, block));
        }
        refreshOpen(piece, blocks);
        return new BlockReceipt<>(Outcome.ACCEPTED, cancels, blocks.isComplete());
    }

    @Override
    public void requestRejected(P peer, BlockRef block) {
        forgetRequest(peer, require(peer), block);
    }

    @Override
    public List<Request<P>> expireRequests(long nowMillis, long timeoutMillis) {
        advanceClock(nowMillis);
        List<Request<P>> expired = new ArrayList<>();
        Iterator<Map.Entry<Request<P>, Long>> oldestFirst = requestTimes.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<Request<P>, Long> entry = oldestFirst.next();
            if (nowMillis - entry.getValue() < timeoutMillis) {
                break;
            }
            oldestFirst.remove();
            Request<P> request = entry.getKey();
            peers.get(request.peer()).requests.remove(request.block());
            removeRequester(request.peer(), request.block());
            expired.add(request);
        }
        return expired;
    }

    @Override
    public List<Request<P>> pieceVerified(int piece) {
        checkPiece(piece);
        if (verified.get(piece)) {
            return List.of();
        }
        verified.set(piece);
        fresh.remove(piece);
        openPieces.remove(piece);
        DownloadingPiece<P> blocks = downloading.remove(piece);
        return blocks == null ? List.of() : forgetAllRequests(piece, blocks);
    }

    @Override
    public Set<P> pieceFailed(int piece) {
        checkPiece(piece);
        DownloadingPiece<P> blocks = downloading.remove(piece);
        if (blocks == null) {
            return Set.of();
        }
        openPieces.remove(piece);
        forgetAllRequests(piece, blocks);
        fresh.add(piece);
        return blocks.senders();
    }

    @Override
    public int availability(int piece) {
        checkPiece(piece);
        return availability[piece] + seeds;
    }

    @Override
    public boolean inEndgame() {
        return fresh.size() == 0 && openPieces.isEmpty() && !downloading.isEmpty();
    }

    @Override
    public boolean isComplete() {
        return verified.cardinality() == availability.length;
    }

    @Override
    public BitSet verifiedPieces() {
        return (BitSet) verified.clone();
    }

    private void requestOpenBlocks(P peer, PeerPieces state, int piece, DownloadingPiece<P> blocks,
                                   List<BlockRef> picked, int maxBlocks, long now) {
        for (int index = 0; index < blocks.blockCount() && picked.size() < maxBlocks; index++) {
            if (blocks.isOpen(index)) {
                record(peer, state, piece, index, blocks, now, picked);
            }
        }
    }

    /** Endgame: blocks still missing and not requested from this peer, least-requested first. */
    private void requestDuplicates(P peer, PeerPieces state, List<BlockRef> picked, int maxBlocks, long now) {
        record Candidate(int piece, int index, int requesters) {
        }
        List<Candidate> candidates = new ArrayList<>();
        downloading.forEach((piece, blocks) -> {
            if (state.has(piece)) {
                for (int index = 0; index < blocks.blockCount(); index++) {
                    if (!blocks.isReceived(index) && !blocks.isRequestedBy(index, peer)) {
                        candidates.add(new Candidate(piece, index, blocks.requesterCount(index)));
                    }
                }
            }
        });
        candidates.sort(Comparator.comparingInt(Candidate::requesters));
        for (Candidate candidate : candidates) {
            if (picked.size() == maxBlocks) {
                return;
            }
            record(peer, state, candidate.piece(), candidate.index(), downloading.get(candidate.piece()), now, picked);
        }
    }

    private void record(P peer, PeerPieces state, int piece, int index, DownloadingPiece<P> blocks, long now,
                        List<BlockRef> picked) {
        BlockRef block = layout.block(piece, index);
        blocks.addRequester(index, peer);
        state.requests.add(block);
        requestTimes.put(new Request<>(peer, block), now);
        picked.add(block);
    }

    private void returnRequests(P peer, PeerPieces state) {
        for (BlockRef block : List.copyOf(state.requests)) {
            forgetRequest(peer, state, block);
        }
    }

    private void forgetRequest(P peer, PeerPieces state, BlockRef block) {
        if (state.requests.remove(block)) {
            requestTimes.remove(new Request<>(peer, block));
            removeRequester(peer, block);
        }
    }

    /** Drops the bookkeeping of a request whose block is no longer wanted from that peer (the block state is done). */
    private void forgetRequestOf(P peer, BlockRef block) {
        peers.get(peer).requests.remove(block);
        requestTimes.remove(new Request<>(peer, block));
    }

    private void removeRequester(P peer, BlockRef block) {
        DownloadingPiece<P> blocks = downloading.get(block.pieceIndex());
        int index = layout.blockIndex(block);
        if (blocks != null && index >= 0 && blocks.removeRequester(index, peer)) {
            refreshOpen(block.pieceIndex(), blocks);
        }
    }

    private List<Request<P>> forgetAllRequests(int piece, DownloadingPiece<P> blocks) {
        List<Request<P>> outstanding = new ArrayList<>();
        for (int index = 0; index < blocks.blockCount(); index++) {
            BlockRef block = layout.block(piece, index);
            for (P peer : blocks.requesters(index)) {
                forgetRequestOf(peer, block);
                outstanding.add(new Request<>(peer, block));
            }
        }
        return outstanding;
    }

    private void refreshOpen(int piece, DownloadingPiece<P> blocks) {
        if (blocks.openCount() > 0) {
            openPieces.add(piece);
        } else {
            openPieces.remove(piece);
        }
    }

    private void addHave(PeerPieces state, int piece) {
        if (state.seed || state.pieces.get(piece)) {
            return;
        }
        state.pieces.set(piece);
        state.pieceCount++;
        fresh.availabilityChanged(piece, availability[piece]++, +1);
    }

    private void removeHaves(PeerPieces state) {
        for (int piece = state.pieces.nextSetBit(0); piece >= 0; piece = state.pieces.nextSetBit(piece + 1)) {
            fresh.availabilityChanged(piece, availability[piece]--, -1);
        }
        state.pieces.clear();
        state.pieceCount = 0;
    }

    private PeerPieces require(P peer) {
        PeerPieces state = peers.get(peer);
        if (state == null) {
            throw new IllegalStateException("unknown peer " + peer + ": call addPeer first");
        }
        return state;
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= availability.length) {
            throw new IllegalArgumentException("piece " + piece + " of " + availability.length);
        }
    }

    private void advanceClock(long nowMillis) {
        if (nowMillis < lastNow) {
            throw new IllegalArgumentException("time went backwards: " + nowMillis + " < " + lastNow);
        }
        lastNow = nowMillis;
    }
}
