package io.branchcast.agent.swarm.storage;

import io.branchcast.contracts.manifest.InfoDictionary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * WholeFileDigest computes the staged file's SHA-256 while the download runs: whenever the pieces from the start of
 * the file onwards are verified, it reads them back (from the page cache: they were just written) and feeds them to
 * the digest, so that completing a download hashes only what was verified last instead of the whole file at once. It
 * hashes the bytes as they were when verified; whoever completes the store still compares the result with the
 * manifest. Thread-safe: a worker that finds another one advancing leaves the work to it (or to {@link #finish}).
 */
final class WholeFileDigest {

    private final InfoDictionary info;
    private final int bufferSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final MessageDigest sha256;
    private ByteBuffer buffer;
    /** Pieces [0, nextPiece) have been fed; guarded by lock. */
    private int nextPiece;

    WholeFileDigest(InfoDictionary info, int bufferSize) {
        this.info = info;
        this.bufferSize = bufferSize;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks SHA-256", e);
        }
    }

    /** Feeds the verified pieces that follow the digested prefix, unless another thread is doing it right now. */
    void advance(FileChannel channel, IntPredicate verified) throws IOException {
        if (lock.tryLock()) {
            try {
                feedWhile(channel, verified);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Feeds the rest of the file (every piece must be verified) and tells whether the file's SHA-256 equals the
     * expected one. The digest starts again from the first piece afterwards.
     */
    boolean finish(FileChannel channel, byte[] expected) throws IOException {
        lock.lock();
        try {
            feedWhile(channel, piece -> true);
            boolean matches = MessageDigest.isEqual(sha256.digest(), expected);
            nextPiece = 0;
            return matches;
        } finally {
            lock.unlock();
        }
    }

    /** Pieces digested so far (for tests and progress). */
    int digestedPieces() {
        lock.lock();
        try {
            return nextPiece;
        } finally {
            lock.unlock();
        }
    }

    private void feedWhile(FileChannel channel, IntPredicate verified) throws IOException {
        try {
            while (nextPiece < info.pieceCount() && verified.test(nextPiece)) {
                feed(channel, info.pieceOffset(nextPiece), info.pieceSize(nextPiece));
                nextPiece++;
            }
        } catch (IOException | RuntimeException e) {
            // A piece fed in part would corrupt the digest: start over from the first piece next time.
            sha256.reset();
            nextPiece = 0;
            throw e;
        }
    }

    private void feed(FileChannel channel, long offset, int length) throws IOException {
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(bufferSize);
        }
        FileReads.feed(channel, offset, offset + length, buffer, sha256::update);
    }
}
