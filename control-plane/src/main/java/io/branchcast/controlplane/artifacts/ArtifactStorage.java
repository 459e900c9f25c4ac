package io.branchcast.controlplane.artifacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * ArtifactStorage keeps artifact payloads by key. It is the customization point for where bytes live (a directory
 * volume by default, an object store later); it knows nothing about names, versions, hashes or HTTP. Keys are chosen
 * by the caller, are unique and never reused; a payload under a key is complete or absent, never partial.
 */
public interface ArtifactStorage {

    /** Starts a new payload under key; nothing is visible under key until {@link Upload#commit()}. */
    Upload begin(String key) throws IOException;

    /** Takes over an existing file of the volume as the payload under key, atomically and without copying. */
    void adopt(Path file, String key) throws IOException;

    /** The local file holding the payload under key, for zero-copy sending and hashing. */
    Path locate(String key);

    /** Removes the payload under key; absent keys are ignored. */
    void delete(String key) throws IOException;

    /** Bytes that new payloads may still use. */
    long usableSpace() throws IOException;

    /**
     * Upload is a payload being written. Closing it without a commit discards everything written; after a commit the
     * payload is durable (synced) and visible under its key.
     */
    interface Upload extends AutoCloseable {

        /** Appends the buffer's remaining bytes; throws {@link StorageFullException} when the volume is full. */
        void write(ByteBuffer bytes) throws IOException;

        /** Syncs the bytes to disk and publishes them under the key in one atomic step. */
        void commit() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** StorageFullException means the volume has no room left for the payload. */
    final class StorageFullException extends IOException {

        public StorageFullException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
