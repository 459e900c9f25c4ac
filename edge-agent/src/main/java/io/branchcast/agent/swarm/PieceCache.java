package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.storage.PieceStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * PieceCache keeps the most recently served chunks of verified pieces in memory, so that serving costs one storage
 * read per {@link #CHUNK_BYTES} instead of one per 16 KiB block, and concurrent requests for the same chunk share that
 * read. Chunks rather than whole pieces: each lives only while its blocks are being sent, so the cache stays small and
 * its buffers die young (whole 1 MiB pieces kept for many peers were promoted and collected by full GCs). Least
 * recently used chunks are evicted first; a failed read is not kept. A block that straddles two chunks (an unaligned
 * request) is read on its own. It is not responsible for deciding what may be served (only verified pieces are ever
 * asked for). Owned by the session's context.
 */
final class PieceCache {

    /** Bytes per cached read: 4 blocks of 16 KiB. */
    static final int CHUNK_BYTES = 64 * 1024;

    private final PieceStore store;
    private final IntUnaryOperator pieceSize;
    /** (piece, chunk index) → the chunk's content (or the read in progress), in access order; at most maxChunks. */
    private final LinkedHashMap<Long, Future<Buffer>> chunks;

    PieceCache(PieceStore store, IntUnaryOperator pieceSize, int maxBytes) {
        this.store = store;
        this.pieceSize = pieceSize;
        int maxChunks = Math.max(2, maxBytes / CHUNK_BYTES);
        this.chunks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Future<Buffer>> eldest) {
                return size() > maxChunks;
            }
        };
    }

    /** The block's content, read from storage if its chunk is not cached. */
    Future<Buffer> get(int piece, int begin, int length) {
        int chunk = begin / CHUNK_BYTES;
        int chunkStart = chunk * CHUNK_BYTES;
        if ((begin + length - 1) / CHUNK_BYTES != chunk) {
            return store.readBlock(piece, begin, length);
        }
        long key = ((long) piece << 32) | chunk;
        Future<Buffer> cached = chunks.get(key);
        if (cached == null) {
            cached = store.readBlock(piece, chunkStart, Math.min(CHUNK_BYTES, pieceSize.applyAsInt(piece) - chunkStart));
            Future<Buffer> read = cached;
            chunks.put(key, read);
            read.onFailure(error -> chunks.remove(key, read));
        }
        int from = begin - chunkStart;
        return cached.isComplete() && cached.succeeded()
                ? Future.succeededFuture(cached.result().slice(from, from + length))
                : cached.map(content -> content.slice(from, from + length));
    }
}
