package io.branchcast.agent.swarm.storage;

import java.util.Objects;

/** FilePieceStoreOptions configures a {@link FilePieceStore}. Vert.x-style mutable options with defaults. */
public class FilePieceStoreOptions {

    /** Name of the shared worker pool that runs disk I/O and hashing for every store. */
    public static final String DEFAULT_WORKER_POOL_NAME = "branchcast-storage";
    /** Two workers for writes and hashing (CPU-bound; workstations are small), one for a checkpoint's fsync. */
    public static final int DEFAULT_WORKER_POOL_SIZE = 3;
    /** Verified pieces between two resume checkpoints (each costs one fsync of data and resume file). */
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 16;
    /**
     * Whether staged data without a valid resume file is re-hashed on open. Hashing reads the partial file once, which
     * is far cheaper than downloading it again over the WAN; without it, staged data is discarded.
     */
    public static final boolean DEFAULT_RESCAN_WITHOUT_RESUME_FILE = true;
    /** Hashing and copy buffer size. */
    public static final int DEFAULT_IO_BUFFER_SIZE = 256 * 1024;

    private String workerPoolName = DEFAULT_WORKER_POOL_NAME;
    private int workerPoolSize = DEFAULT_WORKER_POOL_SIZE;
    private int checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
    private boolean rescanWithoutResumeFile = DEFAULT_RESCAN_WITHOUT_RESUME_FILE;
    private int ioBufferSize = DEFAULT_IO_BUFFER_SIZE;
    private ChannelOpener channelOpener = ChannelOpener.DEFAULT;

    public String getWorkerPoolName() {
        return workerPoolName;
    }

    public FilePieceStoreOptions setWorkerPoolName(String workerPoolName) {
        this.workerPoolName = Objects.requireNonNull(workerPoolName, "workerPoolName");
        return this;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public FilePieceStoreOptions setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = requirePositive("workerPoolSize", workerPoolSize);
        return this;
    }

    public int getCheckpointInterval() {
        return checkpointInterval;
    }

    public FilePieceStoreOptions setCheckpointInterval(int checkpointInterval) {
        this.checkpointInterval = requirePositive("checkpointInterval", checkpointInterval);
        return this;
    }

    public boolean isRescanWithoutResumeFile() {
        return rescanWithoutResumeFile;
    }

    public FilePieceStoreOptions setRescanWithoutResumeFile(boolean rescanWithoutResumeFile) {
        this.rescanWithoutResumeFile = rescanWithoutResumeFile;
        return this;
    }

    public int getIoBufferSize() {
        return ioBufferSize;
    }

    public FilePieceStoreOptions setIoBufferSize(int ioBufferSize) {
        this.ioBufferSize = requirePositive("ioBufferSize", ioBufferSize);
        return this;
    }

    public ChannelOpener getChannelOpener() {
        return channelOpener;
    }

    public FilePieceStoreOptions setChannelOpener(ChannelOpener channelOpener) {
        this.channelOpener = Objects.requireNonNull(channelOpener, "channelOpener");
        return this;
    }

    private static int requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }
}
