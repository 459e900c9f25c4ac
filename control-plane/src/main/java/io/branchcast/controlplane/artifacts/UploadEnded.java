package io.branchcast.controlplane.artifacts;

/**
 * UploadEnded is the CDI event fired when an upload request is over, whatever the outcome, after any partial file was
 * removed. {@link ArtifactMetrics} counts them.
 *
 * @param outcome       how the upload ended
 * @param bytesReceived body bytes read before it ended, >= 0
 */
public record UploadEnded(Outcome outcome, long bytesReceived) {

    /** How an upload ended. */
    public enum Outcome {
        /** Stored, hashed and recorded READY. */
        STORED,
        /** Refused by a check (name, size, duplicate, space) before or while reading. */
        REJECTED,
        /** The client stopped sending before the end of the body. */
        ABORTED,
        /** A server-side error, e.g. an I/O failure of the volume. */
        FAILED
    }
}
