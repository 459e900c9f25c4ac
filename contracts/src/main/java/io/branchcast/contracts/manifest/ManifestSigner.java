package io.branchcast.contracts.manifest;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;
import java.util.Optional;

/**
 * ManifestSigner turns hashing results into a signed {@link Manifest} with one Ed25519 private key. Thread-safe: each
 * call uses its own {@link Signature}.
 */
public final class ManifestSigner {

    private final String keyId;
    private final PrivateKey privateKey;

    public ManifestSigner(String keyId, PrivateKey privateKey) {
        if (!"Ed25519".equals(privateKey.getAlgorithm()) && !"EdDSA".equals(privateKey.getAlgorithm())) {
            throw new ManifestException("manifest keys are Ed25519, got " + privateKey.getAlgorithm());
        }
        this.keyId = keyId;
        this.privateKey = privateKey;
    }

    /** Signs info hash and SHA-256 and returns the manifest, with optional announce URL and web seeds. */
    public Manifest sign(InfoDictionary info, byte[] sha256, Optional<URI> announce, List<URI> webSeeds) {
        if (sha256 == null || sha256.length != Digests.SHA256_LENGTH) {
            throw new ManifestException("sha256 must be 32 bytes");
        }
        byte[] signatureBytes;
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(Manifest.signedPayload(info.infoHash(), sha256));
            signatureBytes = signature.sign();
        } catch (GeneralSecurityException e) {
            throw new ManifestException("signing failed with key '" + keyId + "'", e);
        }
        return new Manifest(info, sha256, keyId, signatureBytes, announce, webSeeds);
    }

    /** Signs the result of a {@link PieceHasher}. */
    public Manifest sign(PieceHashes hashes, String name, List<URI> webSeeds) {
        return sign(hashes.toInfo(name), hashes.sha256(), Optional.empty(), webSeeds);
    }
}
