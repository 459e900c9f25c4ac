package io.branchcast.controlplane.artifacts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Payloads makes deterministic pseudo-random test payloads and computes the hashes a manifest must hold for them. */
final class Payloads {

    private Payloads() {
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
    }

    static byte[] pieceSha1(byte[] bytes, int pieceLength, int index) {
        int from = index * pieceLength;
        return digest("SHA-1").digest(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + pieceLength)));
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
