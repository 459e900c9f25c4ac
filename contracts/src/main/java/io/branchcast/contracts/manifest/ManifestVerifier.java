package io.branchcast.contracts.manifest;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.HashMap;
import java.util.Map;

/**
 * ManifestVerifier checks that a manifest was signed by one of the trusted control-plane keys, looked up by the
 * manifest's key id (so keys can be rotated by trusting old and new for a while). Thread-safe and immutable.
 */
public final class ManifestVerifier {

    /** Trusted public keys by key id; never modified after construction. */
    private final Map<String, PublicKey> keysById;

    public ManifestVerifier(Map<String, PublicKey> keysById) {
        this.keysById = Map.copyOf(keysById);
    }

    /** A verifier trusting keys given as base64 X.509 text by key id, as agents read them from configuration. */
    public static ManifestVerifier ofEncodedKeys(Map<String, String> encodedKeysById) {
        Map<String, PublicKey> keys = new HashMap<>();
        encodedKeysById.forEach((id, key) -> keys.put(id, Ed25519Keys.decodePublicKey(key)));
        return new ManifestVerifier(keys);
    }

    /** Returns the manifest if its signature is genuine; throws {@link ManifestSignatureException} otherwise. */
    public Manifest verify(Manifest manifest) {
        PublicKey key = keysById.get(manifest.keyId());
        if (key == null) {
            throw new ManifestSignatureException("manifest signed with unknown key '" + manifest.keyId() + "'");
        }
        boolean valid;
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(manifest.signedPayload());
            valid = signature.verify(manifest.signature());
        } catch (SignatureException malformed) {
            // A flipped bit can leave R off the curve; the JDK then throws instead of returning false.
            valid = false;
        } catch (GeneralSecurityException e) {
            throw new ManifestSignatureException("cannot verify with key '" + manifest.keyId() + "'", e);
        }
        if (!valid) {
            throw new ManifestSignatureException("manifest signature does not match key '" + manifest.keyId() + "'");
        }
        return manifest;
    }

    /** Decodes a manifest file (see {@link Manifest#decode(byte[], int)}) and verifies it. */
    public Manifest decodeAndVerify(byte[] bytes, int maxBytes) {
        return verify(Manifest.decode(bytes, maxBytes));
    }
}
