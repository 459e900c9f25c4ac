package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.Piece;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PieceWriter moves downloaded data into the {@link PieceStore}: it writes accepted blocks and whole origin pieces,
 * and verifies a piece once all of it is received and every write of it has landed, then reports the verdict.
 * Consecutive blocks of a piece are gathered into runs of up to {@link #RUN_BYTES} and written as one storage task
 * ({@link PieceStore#writeBlocks}); a run is written when it is full, when a block does not follow it, or when its
 * piece is complete. Received blocks are written from the network buffers they arrived in, which it releases once
 * written or dropped. It counts data in flight in 16 KiB blocks (a longer block counts as the blocks it spans) and asks
 * for inbound back-pressure above the configured bound. It is
 * not responsible for what happens after a verdict (announcing, banning, picking again): that is the {@link Outcome}'s
 * job. Owned by the session's context.
 */
final class PieceWriter {

    private static final System.Logger LOG = System.getLogger(PieceWriter.class.getName());
    /**
     * Bytes per storage write: 1 MiB, the default piece size, so a piece received in order costs one hand-off to a
     * worker (each wakes a thread) instead of many. The blocks sit in pooled network buffers, off the heap, bounded by
     * maxPendingWrites.
     */
    static final int RUN_BYTES = 1024 * 1024;

    /** Verdicts and failures, on the session's context. */
    interface Outcome {
        /** The piece matched its hash. */
        void verified(int piece, boolean fromOrigin);

        /** The piece did not match; its data is discarded. */
        void corrupt(int piece, boolean fromOrigin);

        /** Storage failed for a reason that retrying will not fix (e.g. disk full). */
        void storageFailed(Throwable error);

        /** Inbound traffic should pause ({@code true}) or may resume ({@code false}). */
        void backPressure(boolean paused);
    }

    /** Consecutive blocks of one piece not yet handed to the store. */
    private static final class Run {
        final int offset;
        final List<Piece> blocks = new ArrayList<>();
        int end;

        Run(int offset) {
            this.offset = offset;
            this.end = offset;
        }
    }

    private final PieceStore store;
    private final int maxPendingWrites;
    private final Outcome outcome;
    /** Per piece: the open run (at most one; never empty). */
    private final Map<Integer, Run> runs = new HashMap<>();
    /** Per piece: blocks handed to the store and not yet written; no entry at 0. */
    private final Map<Integer, Integer> pendingByPiece = new HashMap<>();
    /** Pieces fully received whose verification waits for their last writes. */
    private final BitSet awaitingVerification = new BitSet();
    /** Sum of pendingByPiece. */
    private int pendingWrites;
    private boolean paused;

    PieceWriter(PieceStore store, int maxPendingWrites, Outcome outcome) {
        this.store = store;
        this.maxPendingWrites = maxPendingWrites;
        this.outcome = outcome;
    }

    /**
     * Writes a block accepted by the picker, and releases it afterwards. {@code pieceComplete}: it was the piece's
     * last missing block, so the piece is verified once its writes have landed.
     */
    void writeBlock(Piece block, boolean pieceComplete) {
        int piece = block.pieceIndex();
        int offset = block.begin();
        Run run = runs.get(piece);
        if (run != null && run.end != offset) {
            runs.remove(piece);
            flush(piece, run);
            run = null;
        }
        if (run == null) {
            run = new Run(offset);
            runs.put(piece, run);
        }
        run.blocks.add(block);
        run.end += block.data().length();
        if (pieceComplete) {
            awaitingVerification.set(piece);
        }
        if (pieceComplete || run.end - run.offset >= RUN_BYTES) {
            runs.remove(piece);
            flush(piece, run);
        }
    }

    /** Writes and verifies a whole piece fetched from the origin. */
    void writePiece(int piece, Buffer data) {
        store.writeBlock(piece, 0, data)
                .onSuccess(v -> verify(piece, true))
                .onFailure(error -> {
                    LOG.log(System.Logger.Level.WARNING, "write of origin piece {0} failed: {1}", piece, error);
                    outcome.storageFailed(error);
                });
    }

    /** The piece was verified by other means (e.g. from the origin): blocks not yet written are dropped. */
    void pieceVerified(int piece) {
        release(runs.remove(piece));
    }

    /** Drops the blocks not yet handed to the store (the session stops); writes in flight release theirs. */
    void close() {
        runs.values().forEach(PieceWriter::release);
        runs.clear();
    }

    private void flush(int piece, Run run) {
        int blocks = (run.end - run.offset + BlockRef.MAX_BLOCK_LENGTH - 1) / BlockRef.MAX_BLOCK_LENGTH;
        pendingWrites += blocks;
        pendingByPiece.merge(piece, blocks, Integer::sum);
        if (!paused && pendingWrites >= maxPendingWrites) {
            paused = true;
            outcome.backPressure(true);
        }
        store.writeBlocks(piece, run.offset, run.blocks.stream().map(Piece::data).toList()).onComplete(result -> {
            release(run);
            pendingWrites -= blocks;
            boolean lastWrite = pendingByPiece.merge(piece, -blocks, Integer::sum) == 0;
            if (lastWrite) {
                pendingByPiece.remove(piece);
            }
            if (paused && pendingWrites <= maxPendingWrites / 2) {
                paused = false;
                outcome.backPressure(false);
            }
            if (result.failed()) {
                LOG.log(System.Logger.Level.WARNING, "write to piece {0} failed: {1}", piece, result.cause());
                outcome.storageFailed(result.cause());
            } else if (lastWrite && awaitingVerification.get(piece)) {
                awaitingVerification.clear(piece);
                verify(piece, false);
            }
        });
    }

    private static void release(Run run) {
        if (run != null) {
            run.blocks.forEach(Piece::release);
        }
    }

    private void verify(int piece, boolean fromOrigin) {
        store.verifyPiece(piece).onComplete(result -> {
            if (result.failed()) {
                outcome.storageFailed(result.cause());
            } else if (result.result()) {
                outcome.verified(piece, fromOrigin);
            } else {
                outcome.corrupt(piece, fromOrigin);
            }
        });
    }
}
