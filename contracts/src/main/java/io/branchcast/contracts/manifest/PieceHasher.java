package io.branchcast.contracts.manifest;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * PieceHasher computes the piece SHA-1s and the whole-file SHA-256 of a stream in one pass, whatever the chunking of
 * the input. Memory is constant apart from the 20-byte-per-piece result; no allocation happens per chunk (direct
 * buffers are copied through the digests' own reusable scratch arrays). Not thread-safe: one hasher per stream.
 *
 * <pre>
 * PieceHasher hasher = new PieceHasher(1 &lt;&lt; 20);
 * while (channel.read(buffer) &gt;= 0) { buffer.flip(); hasher.update(buffer); buffer.clear(); }
 * PieceHashes hashes = hasher.finish();
 * </pre>
 */
public final class PieceHasher {

    private static final int INITIAL_PIECE_CAPACITY = 64;

    private final int pieceLength;
    private final MessageDigest pieceDigest = Digests.sha1();
    private final MessageDigest fileDigest = Digests.sha256();
    /** Finished piece hashes in pieces[0 .. pieceCount * 20); grows by doubling. */
    private byte[] pieces;
    private int pieceCount;
    /** Bytes of the current, unfinished piece fed to pieceDigest; 0 <= bytesInPiece < pieceLength. */
    private int bytesInPiece;
    private long length;
    /** Set by finish(); no update is accepted afterwards. */
    private boolean finished;

    /** A hasher for pieces of the given length (validated later by {@link InfoDictionary}). */
    public PieceHasher(int pieceLength) {
        this(pieceLength, 0);
    }

    /** A hasher that sizes its result for an expected length up front, e.g. from a Content-Length header. */
    public PieceHasher(int pieceLength, long expectedLength) {
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be > 0, got " + pieceLength);
        }
        this.pieceLength = pieceLength;
        long expectedPieces = Math.max(INITIAL_PIECE_CAPACITY, (expectedLength + pieceLength - 1) / pieceLength);
        this.pieces = new byte[(int) Math.min(expectedPieces * Digests.SHA1_LENGTH, Integer.MAX_VALUE - 8)];
    }

    /** Hashes the buffer's remaining bytes and leaves its position at its limit. */
    public PieceHasher update(ByteBuffer buffer) {
        checkOpen();
        int limit = buffer.limit();
        while (buffer.position() < limit) {
            int start = buffer.position();
            int chunk = Math.min(limit - start, pieceLength - bytesInPiece);
            buffer.limit(start + chunk);
            fileDigest.update(buffer);
            buffer.position(start);
            pieceDigest.update(buffer);
            buffer.limit(limit);
            advance(chunk);
        }
        return this;
    }

    /** Hashes bytes[offset .. offset + count). */
    public PieceHasher update(byte[] bytes, int offset, int count) {
        checkOpen();
        Objects.checkFromIndexSize(offset, count, bytes.length);
        int end = offset + count;
        while (offset < end) {
            int chunk = Math.min(end - offset, pieceLength - bytesInPiece);
            fileDigest.update(bytes, offset, chunk);
            pieceDigest.update(bytes, offset, chunk);
            offset += chunk;
            advance(chunk);
        }
        return this;
    }

    /** Bytes hashed so far. */
    public long length() {
        return length;
    }

    /** Ends the stream. Throws {@link ManifestException} if no byte was hashed: empty files are not distributed. */
    public PieceHashes finish() {
        checkOpen();
        finished = true;
        if (length == 0) {
            throw new ManifestException("cannot hash an empty file: empty files cannot be distributed");
        }
        if (bytesInPiece > 0) {
            finishPiece();
        }
        return new PieceHashes(length, pieceLength, Arrays.copyOf(pieces, pieceCount * Digests.SHA1_LENGTH),
                fileDigest.digest());
    }

    private void advance(int chunk) {
        bytesInPiece += chunk;
        length += chunk;
        if (bytesInPiece == pieceLength) {
            finishPiece();
        }
    }

    private void finishPiece() {
        int offset = pieceCount * Digests.SHA1_LENGTH;
        if (offset + Digests.SHA1_LENGTH > pieces.length) {
            if (pieces.length >= Integer.MAX_VALUE / 2) {
                throw new ManifestException("too many pieces for piece length " + pieceLength);
            }
            pieces = Arrays.copyOf(pieces, pieces.length * 2);
        }
        try {
            pieceDigest.digest(pieces, offset, Digests.SHA1_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-1 digest did not fit 20 bytes", e);
        }
        pieceCount++;
        bytesInPiece = 0;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
    }
}
