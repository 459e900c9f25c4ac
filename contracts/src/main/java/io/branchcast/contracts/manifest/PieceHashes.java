package io.branchcast.contracts.manifest;

import java.util.Arrays;

/**
 * PieceHashes is what one pass of a {@link PieceHasher} yields: the file length, the per-piece SHA-1s and the
 * whole-file SHA-256.
 *
 * @param length      bytes hashed, > 0
 * @param pieceLength piece length the hashes were computed with
 * @param pieces      piece SHA-1s concatenated, 20 bytes each (accessor returns a copy)
 * @param sha256      SHA-256 of the whole file, 32 bytes (accessor returns a copy)
 */
public record PieceHashes(long length, int pieceLength, byte[] pieces, byte[] sha256) {

    public PieceHashes {
        pieces = pieces.clone();
        sha256 = sha256.clone();
    }

    /** The info dictionary for a file of this content; validates the name and piece geometry. */
    public InfoDictionary toInfo(String name) {
        return new InfoDictionary(name, length, pieceLength, pieces);
    }

    @Override
    public byte[] pieces() {
        return pieces.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PieceHashes that
                && length == that.length
                && pieceLength == that.pieceLength
                && Arrays.equals(pieces, that.pieces)
                && Arrays.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(length) + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "PieceHashes[length=" + length + ", pieceLength=" + pieceLength + ", pieceCount="
                + pieces.length / Digests.SHA1_LENGTH + "]";
    }
}
