package io.branchcast.contracts.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Digests creates the message digests every Java runtime must provide, without a checked exception. */
final class Digests {

    static final int SHA1_LENGTH = 20;
    static final int SHA256_LENGTH = 32;

    private Digests() {
    }

    static MessageDigest sha1() {
        return create("SHA-1");
    }

    static MessageDigest sha256() {
        return create("SHA-256");
    }

    private static MessageDigest create(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks mandatory digest " + algorithm, e);
        }
    }
}
