package io.branchcast.controlplane.artifacts;

import io.branchcast.contracts.manifest.PieceHasher;
import io.branchcast.contracts.manifest.PieceHashes;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * ArtifactUploads receives an upload body and turns it into a READY artifact in one pass: each chunk read is hashed
 * (piece SHA-1s and whole-file SHA-256) and appended to a staged file, so memory stays constant whatever the size.
 * Every check that can fail early runs before the first byte is read. On any failure the staged file is removed and
 * no row is written; the row appears only once the payload is durable.
 */
@ApplicationScoped
public class ArtifactUploads {

    private static final Logger LOG = Logger.getLogger(ArtifactUploads.class);
    private static final int CHUNK = 256 * 1024;
    /** How often, in bytes written, the free space is checked again while streaming. */
    private static final long SPACE_CHECK_INTERVAL = 64L * 1024 * 1024;

    @Inject
    ArtifactsConfig config;

    @Inject
    ArtifactStorage storage;

    @Inject
    PieceLengthPolicy pieceLengths;

    @Inject
    ArtifactRecords records;

    @Inject
    Validator validator;

    @Inject
    Event<UploadEnded> ended;

    /**
     * Stores the body as a new artifact.
     *
     * @param declaredLength the Content-Length, or -1 for a chunked body (then the piece length is chosen for the
     *                       largest allowed size)
     */
    public Artifact upload(ArtifactCoordinates coordinates, long declaredLength, InputStream body) {
        Receiver receiver = new Receiver();
        UploadEnded.Outcome outcome = UploadEnded.Outcome.FAILED;
        try {
            coordinates.validated(validator);
            long maxSize = config.maxSize().asLongValue();
            if (declaredLength > maxSize) {
                throw tooLarge(maxSize, "the body declares " + declaredLength + " bytes");
            }
            records.requireUnused(coordinates);
            requireSpace(Math.max(declaredLength, 0));
            UUID id = UUID.randomUUID();
            String key = id.toString();
            int pieceLength = pieceLengths.pieceLengthFor(declaredLength >= 0 ? declaredLength : maxSize);
            PieceHashes hashes = receiver.store(body, key, declaredLength, maxSize, pieceLength);
            Artifact artifact = recordOrDiscard(id, coordinates, key, hashes);
            outcome = UploadEnded.Outcome.STORED;
            return artifact;
        } catch (UploadCutOff e) {
            outcome = UploadEnded.Outcome.ABORTED;
            throw new ApiException(ErrorCode.MALFORMED, e.getMessage());
        } catch (ApiException | ConstraintViolationException e) {
            outcome = UploadEnded.Outcome.REJECTED;
            throw e;
        } finally {
            ended.fire(new UploadEnded(outcome, receiver.received));
        }
    }

    private Artifact recordOrDiscard(UUID id, ArtifactCoordinates coordinates, String key, PieceHashes hashes) {
        try {
            return records.recordUpload(id, coordinates, key, hashes);
        } catch (RuntimeException e) {
            try {
                storage.delete(key);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void requireSpace(long bytes) {
        long usable;
        try {
            usable = storage.usableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of the artifact volume", e);
        }
        long reserve = config.freeSpaceReserve().asLongValue();
        if (usable - reserve < bytes) {
            throw new ApiException(ErrorCode.INSUFFICIENT_STORAGE, "the artifact volume has "
                    + Math.max(0, usable - reserve) + " bytes available for uploads; this one needs " + bytes);
        }
    }

    private static ApiException tooLarge(long maxSize, String what) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, what + "; artifacts may be at most " + maxSize + " bytes");
    }

    /** UploadCutOff means the client stopped sending before the body was complete. */
    private static final class UploadCutOff extends RuntimeException {
        UploadCutOff(String message) {
            super(message);
        }
    }

    /** Receiver streams one body to the storage while hashing it; {@link #received} counts the bytes read. */
    private final class Receiver {

        /** Body bytes read so far; only grows. */
        long received;

        PieceHashes store(InputStream body, String key, long declaredLength, long maxSize, int pieceLength) {
            PieceHasher hasher = new PieceHasher(pieceLength, Math.max(declaredLength, 0));
            byte[] chunk = new byte[CHUNK];
            long nextSpaceCheck = SPACE_CHECK_INTERVAL;
            try (ArtifactStorage.Upload upload = storage.begin(key)) {
                for (int n = read(body, chunk); n >= 0; n = read(body, chunk)) {
                    received += n;
                    if (received > maxSize) {
                        throw tooLarge(maxSize, "the body is longer");
                    }
                    hasher.update(chunk, 0, n);
                    upload.write(ByteBuffer.wrap(chunk, 0, n));
                    if (received >= nextSpaceCheck) {
                        requireSpace(0);
                        nextSpaceCheck += SPACE_CHECK_INTERVAL;
                    }
                }
                if (declaredLength >= 0 && received != declaredLength) {
                    throw new UploadCutOff("the body ended after " + received + " of " + declaredLength + " bytes");
                }
                if (received == 0) {
                    throw ApiException.invalid("the body is empty; empty files cannot be distributed");
                }
                PieceHashes hashes = hasher.finish();
                upload.commit();
                return hashes;
            } catch (ArtifactStorage.StorageFullException e) {
                throw new ApiException(ErrorCode.INSUFFICIENT_STORAGE, "the artifact volume filled up after "
                        + received + " bytes of this upload");
            } catch (IOException e) {
                throw new UncheckedIOException("could not store the upload", e);
            }
        }

        private int read(InputStream body, byte[] chunk) {
            try {
                return body.read(chunk);
            } catch (IOException e) {
                LOG.debugf(e, "upload cut off after %d bytes", received);
                throw new UploadCutOff("the upload was cut off after " + received + " bytes");
            }
        }
    }
}
