package io.branchcast.agent.swarm.storage;

import io.branchcast.agent.swarm.storage.StorageException.Code;
import io.branchcast.contracts.manifest.InfoDictionary;
import io.branchcast.contracts.manifest.Manifest;
import io.netty.channel.FileRegion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * FilePieceStore is the {@link PieceStore} on a local file system. A download is staged in
 * {@code <stagingDir>/<infohash>.part}, a file of the full length created sparse (positional writes, never a
 * whole-file buffer), next to {@code <infohash>.resume}, the verified-piece bitfield ({@link ResumeFile}).
 *
 * <p>Resume: the resume file is checkpointed every {@link FilePieceStoreOptions#getCheckpointInterval()} verified
 * pieces (in a task of its own, off the download's path) and on close, always after an fsync of the data, so it never
 * claims data that is not on disk. On open it is trusted if it names this torrent and the data file has the right
 * length. Without a valid resume file, staged data is re-hashed (or discarded, see
 * {@link FilePieceStoreOptions#isRescanWithoutResumeFile()}). Anything trusted wrongly is still caught by the whole
 * file's SHA-256, which {@link #complete()} checks (digested from disk as the verified prefix grows).
 *
 * <p>Disk full (ENOSPC, EDQUOT) at any point fails with DISK_FULL and deletes the staging and resume files: a later
 * attempt starts over with a clean disk. The final path is written only by an atomic rename of a fully checked file.
 *
 * <p>Seeding: {@link #openSeed} serves an existing complete file read-only; after {@link #complete()} the store
 * itself serves from the final path.
 *
 * <p>Threads: see {@link PieceStore}. Blocking work runs on a shared worker pool, unordered so reads, writes and
 * hashing of different pieces proceed in parallel. State shared with the workers is guarded by this object's monitor;
 * checkpoints, completion and close are serialized by {@link #lifecycleLock}.
 */
public final class FilePieceStore implements PieceStore {

    private static final System.Logger LOG = System.getLogger(FilePieceStore.class.getName());

    private enum State { DOWNLOADING, SEEDING, FAILED, CLOSED }

    private final WorkerExecutor workers;
    private final InfoDictionary info;
    private final byte[] infoHash;
    private final byte[] sha256;
    private final Path stagedPath;
    private final Path resumePath;
    private final Path finalPath;
    private final FilePieceStoreOptions options;
    /** Held by checkpoint, complete and close, which must not interleave; taken before the monitor, never after. */
    private final Object lifecycleLock = new Object();

    /**
     * The data file: read-write on the staged file, read-only when seeding; null once closed or failed. Regions being
     * sent to peers may hold it open a little longer.
     */
    private OpenFile file;
    /** Pieces whose data on disk matched their SHA-1; only grows, except when complete() finds corruption. */
    private final BitSet verified;
    /** Digests of pieces being written, fed in order as their data is written; removed when the piece is verified. */
    private final Map<Integer, PieceHasher> hashers = new HashMap<>();
    /** The SHA-256 of the verified prefix of the staged file, advanced as pieces are verified. */
    private final WholeFileDigest wholeFile;
    /** Pieces verified since the last resume checkpoint; 0 <= uncheckpointed <= verified.cardinality(). */
    private int uncheckpointed;
    /** A checkpoint task is queued and has not started yet. */
    private boolean checkpointQueued;
    /** Why the store failed (a full disk, possibly met by a background checkpoint); set with state FAILED. */
    private StorageException failure;
    private State state;

    private FilePieceStore(WorkerExecutor workers, Manifest manifest, Path stagedPath, Path resumePath, Path finalPath,
                           FilePieceStoreOptions options, OpenFile file, BitSet verified, State state) {
        this.workers = workers;
        this.info = manifest.info();
        this.infoHash = manifest.infoHash();
        this.sha256 = manifest.sha256();
        this.stagedPath = stagedPath;
        this.resumePath = resumePath;
        this.finalPath = finalPath;
        this.options = options;
        this.file = file;
        this.verified = verified;
        this.state = state;
        this.wholeFile = new WholeFileDigest(info, options.getIoBufferSize());
    }

    /**
     * Opens (or resumes) the download of a verified manifest's file, to be installed at finalPath. Fails with
     * TARGET_EXISTS if finalPath exists (open it with {@link #openSeed} instead) and with DISK_FULL if the staging
     * file system lacks room for the whole file.
     */
    public static Future<FilePieceStore> open(Vertx vertx, Manifest manifest, Path stagingDir, Path finalPath,
                                              FilePieceStoreOptions options) {
        WorkerExecutor workers = vertx.createSharedWorkerExecutor(options.getWorkerPoolName(),
                options.getWorkerPoolSize());
        String stem = HexFormat.of().formatHex(manifest.infoHash());
        Path staged = stagingDir.resolve(stem + ".part");
        Path resume = stagingDir.resolve(stem + ".resume");
        return workers.<FilePieceStore>executeBlocking(() -> {
            try {
                return openStaged(workers, manifest, stagingDir, staged, resume, finalPath, options);
            } catch (IOException e) {
                StorageException error = StorageException.fromIo("open " + staged, e);
                if (error.code() == Code.DISK_FULL) {
                    deleteStaged(staged, resume, error);
                }
                throw error;
            }
        }, false).recover(error -> workers.close().transform(ignored -> Future.failedFuture(error)));
    }

    /** Opens a complete file read-only for seeding; with {@link SeedTrust#HASH_CHECK} it is hashed once first. */
    public static Future<FilePieceStore> openSeed(Vertx vertx, Manifest manifest, Path file, SeedTrust trust,
                                                  FilePieceStoreOptions options) {
        WorkerExecutor workers = vertx.createSharedWorkerExecutor(options.getWorkerPoolName(),
                options.getWorkerPoolSize());
        return workers.<FilePieceStore>executeBlocking(() -> {
            FileChannel channel = options.getChannelOpener().open(file, StandardOpenOption.READ);
            try {
                checkSeedFile(channel, manifest, file, trust, options);
            } catch (IOException | RuntimeException e) {
                closeAfter(channel, e);
                throw e instanceof IOException io ? StorageException.fromIo("check " + file, io) : e;
            }
            BitSet all = new BitSet();
            all.set(0, manifest.info().pieceCount());
            return new FilePieceStore(workers, manifest, null, null, file, options, new OpenFile(channel, file), all,
                    State.SEEDING);
        }, false).recover(error -> workers.close().transform(ignored -> Future.failedFuture(error)));
    }

    @Override
    public Future<Void> writeBlock(int piece, int offset, Buffer data) {
        return writeBlocks(piece, offset, List.of(data));
    }

    /**
     * Writes the blocks with positional writes in one worker task, without copying them first. Data written at the
     * piece's hash cursor (in order from offset 0) is hashed on the way, so {@link #verifyPiece} reads back only what
     * arrived out of order.
     */
    @Override
    public Future<Void> writeBlocks(int piece, int offset, List<Buffer> blocks) {
        try {
            long length = 0;
            for (Buffer block : blocks) {
                length += block.length();
            }
            checkBlock(piece, offset, length);
        } catch (StorageException e) {
            return Future.failedFuture(e);
        }
        synchronized (this) {
            if (verified.get(piece)) {
                return Future.succeededFuture();
            }
        }
        ByteBuffer[] views = blocks.stream().flatMap(FilePieceStore::nioViews).toArray(ByteBuffer[]::new);
        return blocking("write piece " + piece, () -> {
            FileChannel target = channel();
            long position = info.pieceOffset(piece) + offset;
            for (ByteBuffer view : views) {
                int length = view.remaining();
                writeFully(target, view.duplicate(), position);
                position += length;
            }
            hasher(piece).offer(offset, views);
            return null;
        });
    }

    @Override
    public Future<Buffer> readBlock(int piece, int offset, int length) {
        try {
            checkBlock(piece, offset, length);
            synchronized (this) {
                if (!verified.get(piece)) {
                    throw new StorageException(Code.NOT_VERIFIED, "piece " + piece + " is not verified");
                }
            }
        } catch (StorageException e) {
            return Future.failedFuture(e);
        }
        return blocking("read piece " + piece, () -> {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            FileReads.readFully(channel(), bytes, info.pieceOffset(piece) + offset);
            return Buffer.buffer(bytes.array());
        });
    }

    @Override
    public synchronized FileRegion verifiedRegion(int piece, int offset, int length) {
        checkBlock(piece, offset, length);
        if (!verified.get(piece)) {
            throw new StorageException(Code.NOT_VERIFIED, "piece " + piece + " is not verified");
        }
        return openFile().region(info.pieceOffset(piece) + offset, length);
    }

    @Override
    public Future<Boolean> verifyPiece(int piece) {
        try {
            checkPiece(piece);
        } catch (StorageException e) {
            return Future.failedFuture(e);
        }
        synchronized (this) {
            if (verified.get(piece)) {
                return Future.succeededFuture(true);
            }
        }
        return blocking("verify piece " + piece, () -> {
            PieceHasher hasher;
            synchronized (this) {
                hasher = hashers.remove(piece);
            }
            boolean matches = info.pieceHashMatches(piece, hashPiece(piece, hasher == null ? new PieceHasher() : hasher));
            if (matches) {
                if (markVerified(piece)) {
                    scheduleCheckpoint();
                }
                advanceWholeFileDigest();
            }
            return matches;
        });
    }

    @Override
    public synchronized BitSet verifiedPieces() {
        return (BitSet) verified.clone();
    }

    @Override
    public Future<Path> complete() {
        return blocking("complete " + finalPath, () -> {
            synchronized (lifecycleLock) {
                synchronized (this) {
                    if (state == State.SEEDING) {
                        return finalPath;
                    }
                    channel();
                    if (verified.cardinality() != info.pieceCount()) {
                        throw new StorageException(Code.INCOMPLETE, (info.pieceCount() - verified.cardinality())
                                + " of " + info.pieceCount() + " pieces are not verified");
                    }
                }
                channel().force(true);
                checkWholeFile();
                if (Files.exists(finalPath)) {
                    throw new StorageException(Code.TARGET_EXISTS, finalPath + " already exists");
                }
                FileInstaller.install(stagedPath, finalPath);
                Files.deleteIfExists(resumePath);
                switchToSeeding();
                return finalPath;
            }
        });
    }

    @Override
    public Future<Void> close() {
        return blocking("close", () -> {
            synchronized (lifecycleLock) {
                if (currentState() == State.DOWNLOADING && uncheckpointedCount() > 0) {
                    checkpoint();
                }
                OpenFile open;
                synchronized (this) {
                    open = file;
                    file = null;
                    state = state == State.FAILED ? State.FAILED : State.CLOSED;
                }
                if (open != null) {
                    open.release();
                }
                return (Void) null;
            }
        }).eventually(workers::close);
    }

    private static FilePieceStore openStaged(WorkerExecutor workers, Manifest manifest, Path stagingDir, Path staged,
                                             Path resume, Path finalPath, FilePieceStoreOptions options)
            throws IOException {
        if (Files.exists(finalPath)) {
            throw new StorageException(Code.TARGET_EXISTS, finalPath + " already exists; open it for seeding");
        }
        InfoDictionary info = manifest.info();
        Files.createDirectories(stagingDir);
        boolean existed = Files.exists(staged);
        if (!existed) {
            Files.deleteIfExists(resume);
            requireSpace(stagingDir, info.length());
        }
        FileChannel channel = options.getChannelOpener().open(staged, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            boolean resumable = existed && channel.size() == info.length();
            if (channel.size() > info.length()) {
                channel.truncate(info.length());
            } else if (channel.size() < info.length()) {
                channel.write(ByteBuffer.allocate(1), info.length() - 1);
            }
            BitSet verified = resumable ? resumeState(channel, manifest, resume, options) : new BitSet();
            return new FilePieceStore(workers, manifest, staged, resume, finalPath, options,
                    new OpenFile(channel, staged), verified, State.DOWNLOADING);
        } catch (IOException | RuntimeException e) {
            closeAfter(channel, e);
            throw e;
        }
    }

    /** Verified pieces of staged data: from the resume file if valid, else by re-hashing (if enabled), else none. */
    private static BitSet resumeState(FileChannel channel, Manifest manifest, Path resume,
                                      FilePieceStoreOptions options) throws IOException {
        InfoDictionary info = manifest.info();
        Optional<BitSet> recorded = ResumeFile.read(resume, manifest.infoHash(), info.pieceCount());
        if (recorded.isPresent() || !options.isRescanWithoutResumeFile()) {
            return recorded.orElseGet(BitSet::new);
        }
        BitSet rescanned = FileScan.run(channel, info, manifest.sha256(), options.getIoBufferSize()).matchingPieces();
        ResumeFile.write(resume, manifest.infoHash(), info.pieceCount(), rescanned);
        return rescanned;
    }

    private static void checkSeedFile(FileChannel channel, Manifest manifest, Path file, SeedTrust trust,
                                      FilePieceStoreOptions options) throws IOException {
        InfoDictionary info = manifest.info();
        if (channel.size() != info.length()) {
            throw new StorageException(Code.FILE_HASH_MISMATCH, file + " has " + channel.size() + " bytes, expected "
                    + info.length());
        }
        if (trust == SeedTrust.HASH_CHECK
                && !FileScan.run(channel, info, manifest.sha256(), options.getIoBufferSize()).allMatch(info.pieceCount())) {
            throw new StorageException(Code.FILE_HASH_MISMATCH, file + " does not match the manifest");
        }
    }

    private static void requireSpace(Path directory, long length) throws IOException {
        long usable = Files.getFileStore(directory).getUsableSpace();
        if (usable < length) {
            throw new StorageException(Code.DISK_FULL, "need " + length + " bytes in " + directory + ", "
                    + usable + " usable");
        }
    }

    /**
     * Finishes the staged file's SHA-256 (a match proves every piece); on mismatch hashes every piece too,
     * un-verifies the corrupt ones, saves that and fails.
     */
    private void checkWholeFile() throws IOException {
        LOG.log(System.Logger.Level.DEBUG, "{0}: {1} of {2} pieces were digested during the download",
                finalPath.getFileName(), wholeFile.digestedPieces(), info.pieceCount());
        if (wholeFile.finish(channel(), sha256)) {
            return;
        }
        FileScan scan = FileScan.run(channel(), info, sha256, options.getIoBufferSize());
        if (scan.allMatch(info.pieceCount())) {
            return;
        }
        int corrupt = info.pieceCount() - scan.matchingPieces().cardinality();
        synchronized (this) {
            verified.and(scan.matchingPieces());
        }
        writeResumeFile(false);
        throw new StorageException(Code.FILE_HASH_MISMATCH, corrupt == 0
                ? "every piece matches but the file's SHA-256 does not: the manifest is inconsistent"
                : corrupt + " pieces changed on disk after verification and must be downloaded again");
    }

    /** Digesting ahead is an optimisation: if it fails, completion digests the file itself (and reports errors). */
    private void advanceWholeFileDigest() {
        try {
            wholeFile.advance(channel(), this::isVerified);
        } catch (IOException | StorageException e) {
            LOG.log(System.Logger.Level.DEBUG, "file digest paused at a read error; completion hashes the rest: {0}",
                    e.toString());
        }
    }

    private synchronized boolean isVerified(int piece) {
        return verified.get(piece);
    }

    private void switchToSeeding() throws IOException {
        OpenFile seeding = new OpenFile(options.getChannelOpener().open(finalPath, StandardOpenOption.READ), finalPath);
        OpenFile staged;
        synchronized (this) {
            staged = file;
            file = seeding;
            state = State.SEEDING;
        }
        staged.release();
    }

    /** The piece's digest, continued from its hash cursor with the rest of the piece as stored. */
    private byte[] hashPiece(int piece, PieceHasher hasher) throws IOException {
        MessageDigest sha1;
        long position;
        synchronized (hasher) {
            sha1 = hasher.sha1;
            position = info.pieceOffset(piece) + Math.max(0, hasher.next);
        }
        int size = info.pieceSize(piece);
        long end = info.pieceOffset(piece) + size;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(end - position, options.getIoBufferSize())));
        FileReads.feed(channel(), position, end, buffer, sha1::update);
        return sha1.digest();
    }

    /** Marks a piece verified; true when a checkpoint is due. */
    private synchronized boolean markVerified(int piece) {
        if (!verified.get(piece)) {
            verified.set(piece);
            uncheckpointed++;
        }
        return uncheckpointed >= options.getCheckpointInterval();
    }

    /**
     * Saves the resume state in a worker task of its own: its fsync waits for the disk, which must not hold up the
     * writes and hashing of the download (it did: with a checkpoint every 16 MiB a transfer ran at the disk's pace).
     * Checkpoints that fall due while one is queued are folded into it. A failure other than a full disk is logged: the
     * download goes on, and a restart fetches again what the resume file does not name.
     */
    private void scheduleCheckpoint() {
        synchronized (this) {
            if (checkpointQueued) {
                return;
            }
            checkpointQueued = true;
        }
        blocking("save resume state", () -> {
            synchronized (this) {
                checkpointQueued = false;
            }
            checkpoint();
            return null;
        }).onFailure(error -> LOG.log(System.Logger.Level.WARNING, "{0}: saving resume state failed: {1}",
                finalPath.getFileName(), error.getMessage()));
    }

    private void checkpoint() throws IOException {
        synchronized (lifecycleLock) {
            if (currentState() == State.DOWNLOADING) {
                writeResumeFile(true);
            }
        }
    }

    /** Writes the verified pieces as of now; with {@code sync}, only once their data is on disk. */
    private void writeResumeFile(boolean sync) throws IOException {
        BitSet snapshot;
        int covered;
        synchronized (this) {
            snapshot = (BitSet) verified.clone();
            covered = uncheckpointed;
        }
        if (sync) {
            channel().force(false);
        }
        ResumeFile.write(resumePath, infoHash, info.pieceCount(), snapshot);
        synchronized (this) {
            uncheckpointed -= covered;
        }
    }

    private FileChannel channel() {
        return openFile().channel();
    }

    private synchronized OpenFile openFile() {
        if (file == null) {
            throw state == State.FAILED
                    ? new StorageException(failure.code(), "store failed earlier: " + failure.getMessage())
                    : new StorageException(Code.CLOSED, "store closed");
        }
        return file;
    }

    private synchronized State currentState() {
        return state;
    }

    private synchronized int uncheckpointedCount() {
        return uncheckpointed;
    }

    private <T> Future<T> blocking(String action, IoWork<T> work) {
        return workers.executeBlocking(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw failed(StorageException.fromIo(action, e));
            }
        }, false);
    }

    /** After DISK_FULL the store is unusable and its staged files are removed; other errors leave it as it is. */
    private StorageException failed(StorageException error) {
        if (error.code() != Code.DISK_FULL) {
            return error;
        }
        OpenFile open;
        synchronized (this) {
            if (state != State.DOWNLOADING) {
                return error;
            }
            open = file;
            file = null;
            state = State.FAILED;
            failure = error;
        }
        open.release();
        deleteStaged(stagedPath, resumePath, error);
        return error;
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= info.pieceCount()) {
            throw outOfRange("piece " + piece + " of " + info.pieceCount());
        }
    }

    private void checkBlock(int piece, int offset, long length) {
        checkPiece(piece);
        if (offset < 0 || length <= 0 || offset + length > info.pieceSize(piece)) {
            throw outOfRange("block " + offset + "+" + length + " outside piece " + piece + " of "
                    + info.pieceSize(piece) + " bytes");
        }
    }

    private static StorageException outOfRange(String message) {
        return new StorageException(Code.OUT_OF_RANGE, message);
    }

    private static void writeFully(FileChannel target, ByteBuffer bytes, long position) throws IOException {
        long next = position;
        while (bytes.hasRemaining()) {
            next += target.write(bytes, next);
        }
    }

    /**
     * The buffer's bytes as ByteBuffers sharing its memory: one for a plain buffer, one per part of a composite (a
     * block gathered from several socket reads), never a copy of a network buffer.
     */
    private static Stream<ByteBuffer> nioViews(Buffer data) {
        return data instanceof BufferInternal internal ? Stream.of(internal.getByteBuf().nioBuffers())
                : Stream.of(ByteBuffer.wrap(data.getBytes()));
    }

    private static void deleteStaged(Path staged, Path resume, Exception cause) {
        try {
            Files.deleteIfExists(staged);
            Files.deleteIfExists(resume);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeAfter(FileChannel open, Exception cause) {
        try {
            open.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks SHA-1", e);
        }
    }

    private synchronized PieceHasher hasher(int piece) {
        return hashers.computeIfAbsent(piece, p -> new PieceHasher());
    }

    /**
     * The SHA-1 of a piece's first {@code next} bytes, as written. Data written elsewhere in the piece is left to be
     * read back at verification; data written again over hashed bytes discards the digest (the piece is then read
     * back whole). Guarded by its own monitor (hashing must not hold the store's).
     */
    private static final class PieceHasher {
        private final MessageDigest sha1 = sha1();
        /** Bytes hashed from the piece's start. */
        private long next;

        synchronized void offer(int offset, ByteBuffer[] views) {
            if (offset < next) {
                sha1.reset();
                next = Long.MIN_VALUE;
            }
            if (offset != next) {
                return;
            }
            for (ByteBuffer view : views) {
                next += view.remaining();
                sha1.update(view.duplicate());
            }
        }
    }

    /** Blocking work that may fail with an IOException. */
    @FunctionalInterface
    private interface IoWork<T> {
        T run() throws IOException;
    }
}
