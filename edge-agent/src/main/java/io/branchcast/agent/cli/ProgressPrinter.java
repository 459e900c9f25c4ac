package io.branchcast.agent.cli;

import io.branchcast.agent.swarm.SwarmSession;
import io.branchcast.agent.swarm.SwarmStats;

/**
 * ProgressPrinter prints one machine-readable {@code progress} line on stdout each time a session's verified pieces
 * cross another tenth of the file. It only reads {@link SwarmSession#stats()}.
 */
final class ProgressPrinter {

    private final SwarmSession session;
    /** Tenths already reported; -1 before the first line. */
    private int reportedTenths = -1;

    ProgressPrinter(SwarmSession session) {
        this.session = session;
    }

    void print() {
        SwarmStats stats = session.stats();
        if (stats == null) {
            return;
        }
        int tenths = (int) (10L * stats.piecesVerified() / stats.pieceCount());
        if (tenths > reportedTenths) {
            reportedTenths = tenths;
            System.out.printf("progress pieces=%d/%d bytes_from_peers=%d bytes_from_origin=%d peers=%d%n",
                    stats.piecesVerified(), stats.pieceCount(), stats.bytesFromPeers(), stats.bytesFromOrigin(),
                    stats.peers().size());
        }
    }
}
