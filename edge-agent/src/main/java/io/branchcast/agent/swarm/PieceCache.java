package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.storage.PieceStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * PieceCache keeps the most recently served verified pieces in memory, so that serving a piece costs one storage read
 * instead of one per 16 KiB block, and concurrent requests for the same piece share that read. Least recently used
 * pieces are evicted first; a failed read is not kept. It is not responsible for deciding what may be served (only
 * verified pieces are ever asked for). Owned by the session's context.
 */
final class PieceCache {

    private final PieceStore store;
    private final IntUnaryOperator pieceSize;
    /** Piece → its whole content (or the read in progress), in access order; at most maxPieces entries. */
    private final LinkedHashMap<Integer, Future<Buffer>> pieces;

    PieceCache(PieceStore store, IntUnaryOperator pieceSize, int maxPieces) {
        this.store = store;
        this.pieceSize = pieceSize;
        this.pieces = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Future<Buffer>> eldest) {
                return size() > maxPieces;
            }
        };
    }

    /** The piece's content, read from storage if it is not cached. */
    Future<Buffer> get(int piece) {
        Future<Buffer> cached = pieces.get(piece);
        if (cached != null) {
            return cached;
        }
        Future<Buffer> read = store.readBlock(piece, 0, pieceSize.applyAsInt(piece));
        pieces.put(piece, read);
        read.onFailure(error -> pieces.remove(piece, read));
        return read;
    }
}
