package io.branchcast.contracts.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Random;

/** Fixtures builds deterministic file contents and their expected hashes by the obvious, slow method. */
final class Fixtures {

    static final int PIECE = InfoDictionary.MIN_PIECE_LENGTH;

    private Fixtures() {
    }

    static byte[] content(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static PieceHashes naiveHashes(byte[] content, int pieceLength) {
        int count = (content.length + pieceLength - 1) / pieceLength;
        byte[] pieces = new byte[count * 20];
        for (int i = 0; i < count; i++) {
            byte[] piece = Arrays.copyOfRange(content, i * pieceLength, Math.min(content.length, (i + 1) * pieceLength));
            System.arraycopy(digest("SHA-1", piece), 0, pieces, i * 20, 20);
        }
        return new PieceHashes(content.length, pieceLength, pieces, digest("SHA-256", content));
    }

    static InfoDictionary info(String name, byte[] content) {
        return naiveHashes(content, PIECE).toInfo(name);
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
