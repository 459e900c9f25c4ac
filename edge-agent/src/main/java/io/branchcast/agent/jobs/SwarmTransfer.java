package io.branchcast.agent.jobs;

import io.branchcast.agent.origin.OriginException;
import io.branchcast.agent.swarm.PeerStats;
import io.branchcast.agent.swarm.SwarmSession;
import io.branchcast.agent.swarm.SwarmStats;
import io.branchcast.agent.swarm.storage.StorageException;
import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.agent.tracker.TrackerClient;
import io.branchcast.contracts.events.AgentErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/** SwarmTransfer is a {@link Transfer} run by a deployed {@link SwarmSession} with its store and tracker. */
final class SwarmTransfer implements Transfer {

    private final Vertx vertx;
    private final SwarmSession session;
    private final String deployment;
    private final PieceStore store;
    private final long length;
    private final Runnable releasePort;
    private final Future<Path> completion;

    SwarmTransfer(Vertx vertx, SwarmSession session, String deployment, PieceStore store, TrackerClient tracker,
                  long length, Runnable releasePort) {
        this.vertx = vertx;
        this.session = session;
        this.deployment = deployment;
        this.store = store;
        this.length = length;
        this.releasePort = releasePort;
        this.completion = session.completion()
                .onSuccess(path -> tracker.completed())
                .recover(error -> Future.failedFuture(classify(error)));
    }

    @Override
    public Future<Path> completion() {
        return completion;
    }

    @Override
    public TransferStats stats() {
        SwarmStats stats = session.stats();
        if (stats == null) {
            return new TransferStats(0, length, 0, 0, 0, 0, 0);
        }
        long done = stats.complete() ? length
                : Math.min(length, (long) stats.piecesVerified() * pieceLength(stats));
        double down = 0;
        double up = 0;
        for (PeerStats peer : stats.peers()) {
            down += peer.downloadRate();
            up += peer.uploadRate();
        }
        return new TransferStats(done, length, stats.bytesFromPeers(), stats.bytesFromOrigin(), stats.peers().size(),
                down, up);
    }

    @Override
    public Future<Void> stop() {
        return vertx.undeploy(deployment).eventually(store::close).eventually(() -> {
            releasePort.run();
            return Future.succeededFuture();
        });
    }

    private long pieceLength(SwarmStats stats) {
        return stats.pieceCount() == 0 ? 0 : (length + stats.pieceCount() - 1) / stats.pieceCount();
    }

    /** Failures that a retry of the same job revision cannot fix become {@link JobFailure}s. */
    static Throwable classify(Throwable error) {
        if (error instanceof OriginException origin && (origin.statusCode() == 404 || origin.statusCode() == 410)) {
            return new JobFailure(AgentErrorCode.ARTIFACT_UNAVAILABLE, "the origin no longer has the artifact: "
                    + origin.getMessage(), error);
        }
        if (error instanceof StorageException storage) {
            switch (storage.code()) {
                case DISK_FULL:
                    return new JobFailure(AgentErrorCode.DISK_FULL, storage.getMessage(), error);
                case FILE_HASH_MISMATCH:
                    return new JobFailure(AgentErrorCode.CONTENT_MISMATCH, storage.getMessage(), error);
                case TARGET_EXISTS:
                    return new JobFailure(AgentErrorCode.STORAGE_ERROR, storage.getMessage(), error);
                default:
                    return error;
            }
        }
        return error;
    }
}
