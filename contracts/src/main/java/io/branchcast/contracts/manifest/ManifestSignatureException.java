package io.branchcast.contracts.manifest;

/**
 * ManifestSignatureException means a manifest must not be trusted: its signature does not match its info hash and
 * SHA-256, or it was signed with a key id the verifier does not know.
 */
public final class ManifestSignatureException extends ManifestException {

    public ManifestSignatureException(String message) {
        super(message);
    }

    public ManifestSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
