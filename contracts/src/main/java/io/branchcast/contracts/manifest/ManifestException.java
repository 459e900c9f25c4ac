package io.branchcast.contracts.manifest;

/**
 * ManifestException is the unchecked base of every error raised while building, encoding, decoding or verifying a
 * manifest. A message always names the offending field or byte offset, so it can be shown to an operator as is.
 */
public class ManifestException extends RuntimeException {

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
