package io.branchcast.contracts.manifest;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519Keys creates manifest signing keys and converts them to and from text: public keys as base64 X.509
 * SubjectPublicKeyInfo (what agents are configured with), private keys as base64 PKCS#8 (what the control plane loads
 * from its secret store).
 */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks " + ALGORITHM, e);
        }
    }

    public static String encodePublicKey(PublicKey key) {
        requireEd25519(key.getAlgorithm());
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey decodePublicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decodeBase64(base64)));
        } catch (GeneralSecurityException e) {
            throw new ManifestException("not an Ed25519 public key in base64 X.509 form", e);
        }
    }

    public static String encodePrivateKey(PrivateKey key) {
        requireEd25519(key.getAlgorithm());
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PrivateKey decodePrivateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decodeBase64(base64)));
        } catch (GeneralSecurityException e) {
            throw new ManifestException("not an Ed25519 private key in base64 PKCS#8 form", e);
        }
    }

    private static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ManifestException("invalid base64 key", e);
        }
    }

    private static void requireEd25519(String algorithm) {
        if (!ALGORITHM.equals(algorithm) && !"EdDSA".equals(algorithm)) {
            throw new ManifestException("expected an Ed25519 key, got " + algorithm);
        }
    }
}
