package io.branchcast.agent.swarm.storage;

import io.netty.channel.FileRegion;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * PieceStore is the disk interface of a swarm: where blocks of one torrent are written, verified, read back for other
 * peers, and finally installed as a complete file. It is the customization point for other storage (as libtorrent's
 * disk interface): the swarm calls only this interface.
 *
 * <p>Threads: call every method from the context that owns the swarm (its event loop). Returned futures complete on
 * the caller's context; disk I/O and hashing run on a worker pool, never on the event loop. Failures are
 * {@link StorageException}s.
 *
 * <p>It is not responsible for choosing pieces, talking to peers or checking the manifest's signature: the manifest
 * handed to an implementation must already be verified.
 */
public interface PieceStore {

    /**
     * Writes a block at the given offset inside a piece. A write to an already verified piece is ignored (late
     * duplicates from endgame), so verified data is never overwritten. The data must not change until the future
     * completes (it may be written without a copy).
     */
    Future<Void> writeBlock(int piece, int offset, Buffer data);

    /**
     * Writes consecutive blocks starting at the given offset inside a piece, as one storage task: same rules as
     * {@link #writeBlock}. This default writes them one by one.
     */
    default Future<Void> writeBlocks(int piece, int offset, List<Buffer> blocks) {
        Future<Void> written = Future.succeededFuture();
        int next = offset;
        for (Buffer block : blocks) {
            int at = next;
            written = written.compose(v -> writeBlock(piece, at, block));
            next += block.length();
        }
        return written;
    }

    /** Reads a block of a verified piece; fails with NOT_VERIFIED otherwise. */
    Future<Buffer> readBlock(int piece, int offset, int length);

    /**
     * A block of a verified piece as a file region, which the transport sends from the page cache straight into a
     * peer's socket ({@code sendfile}), so serving neither reads the block onto the heap nor copies it through a
     * buffer. Unlike the other methods it does no I/O, so it is called on the event loop. The region holds the file
     * open until the transport releases it; the bytes are those verified when it was made.
     *
     * @throws StorageException NOT_VERIFIED, OUT_OF_RANGE or CLOSED
     */
    FileRegion verifiedRegion(int piece, int offset, int length);

    /**
     * Hashes the piece as written and compares it with the manifest; call it once every write to the piece has
     * completed. True: the piece is verified (and will survive a
     * restart). False: its data is discarded, i.e. the piece stays unverified and must be downloaded again; the
     * caller decides which peer to blame.
     */
    Future<Boolean> verifyPiece(int piece);

    /** A copy of the set of verified pieces. */
    BitSet verifiedPieces();

    /**
     * Checks the whole file against the manifest's SHA-256 (and, if it does not match, every piece hash), flushes it to disk and moves it
     * atomically to its final path, which therefore never holds a partial file. Afterwards the store keeps serving
     * reads from the final path. Fails with INCOMPLETE before every piece is verified, or with FILE_HASH_MISMATCH
     * after marking the pieces found corrupt as unverified again.
     */
    Future<Path> complete();

    /** Saves resume state and releases the file; staged data stays for a later resume. */
    Future<Void> close();
}
