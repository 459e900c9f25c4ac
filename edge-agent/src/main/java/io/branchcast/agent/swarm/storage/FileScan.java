package io.branchcast.agent.swarm.storage;

import io.branchcast.contracts.manifest.InfoDictionary;
import io.branchcast.contracts.manifest.PieceHasher;
import io.branchcast.contracts.manifest.PieceHashes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.BitSet;

/**
 * FileScan is one sequential hashing pass over a data file: which pieces match the info dictionary and whether the
 * whole file matches the expected SHA-256. Used to rescan staged data, to check a file before seeding it, and by
 * {@code complete()} when the whole file's SHA-256 ({@link WholeFileDigest}) does not match. Memory: one I/O buffer.
 *
 * @param matchingPieces pieces whose SHA-1 matches the info dictionary
 * @param sha256Matches  whether the whole file's SHA-256 equals the expected one
 */
record FileScan(BitSet matchingPieces, boolean sha256Matches) {

    static FileScan run(FileChannel channel, InfoDictionary info, byte[] expectedSha256, int bufferSize)
            throws IOException {
        PieceHasher hasher = new PieceHasher(info.pieceLength(), info.length());
        FileReads.feed(channel, 0, info.length(), ByteBuffer.allocateDirect(bufferSize), hasher::update);
        PieceHashes hashes = hasher.finish();
        byte[] pieces = hashes.pieces();
        byte[] expected = info.pieces();
        BitSet matching = new BitSet(info.pieceCount());
        for (int i = 0; i < info.pieceCount(); i++) {
            int from = i * InfoDictionary.HASH_LENGTH;
            if (Arrays.equals(pieces, from, from + InfoDictionary.HASH_LENGTH, expected, from,
                    from + InfoDictionary.HASH_LENGTH)) {
                matching.set(i);
            }
        }
        return new FileScan(matching, MessageDigest.isEqual(hashes.sha256(), expectedSha256));
    }

    boolean allMatch(int pieceCount) {
        return sha256Matches && matchingPieces.cardinality() == pieceCount;
    }
}
