package io.branchcast.agent.swarm.storage;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * StorageException is every failure of a {@link PieceStore}, with a {@link Code} the caller can act on (DISK_FULL and
 * FILE_HASH_MISMATCH map to the agent error codes "disk-full" and "content-mismatch"; the rest to "storage-error").
 */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong; stable names, one meaning each. */
    public enum Code {
        /** The file system is full or over quota; the staging file has been removed. */
        DISK_FULL,
        /** Any other I/O failure; staged data is kept for a later resume. */
        IO_ERROR,
        /** The assembled file does not match the manifest's hashes; see the message for the pieces reset. */
        FILE_HASH_MISMATCH,
        /** A read asked for a piece that has not been verified; only verified data is ever served. */
        NOT_VERIFIED,
        /** Piece index, offset or length outside the torrent or the piece. */
        OUT_OF_RANGE,
        /** complete() was called before every piece was verified. */
        INCOMPLETE,
        /** The final path already exists; the store never overwrites a file it did not produce. */
        TARGET_EXISTS,
        /** The store was closed, or failed earlier and can no longer be used. */
        CLOSED
    }

    private final Code code;

    public StorageException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public StorageException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** Classifies an I/O failure: ENOSPC and EDQUOT become DISK_FULL, a closed channel CLOSED, the rest IO_ERROR. */
    static StorageException fromIo(String action, IOException error) {
        if (error instanceof ClosedChannelException) {
            return new StorageException(Code.CLOSED, action + ": store closed", error);
        }
        if (isDiskFull(error)) {
            return new StorageException(Code.DISK_FULL, action + ": " + error.getMessage(), error);
        }
        return new StorageException(Code.IO_ERROR, action + ": " + error, error);
    }

    private static boolean isDiskFull(IOException error) {
        String message = error.getMessage();
        return message != null && (message.contains("No space left") || message.contains("Disk quota exceeded"));
    }

    @Override
    public String toString() {
        return "StorageException[" + code + "]: " + getMessage();
    }
}
