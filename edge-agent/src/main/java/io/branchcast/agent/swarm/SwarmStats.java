package io.branchcast.agent.swarm;

import java.util.List;

/**
 * SwarmStats is a snapshot of one session's counters, as reported by {@link SwarmSession#stats()}.
 *
 * @param bytesFromPeers  block bytes received from peers and written, duplicates included
 * @param bytesFromOrigin bytes fetched from the origin
 * @param bytesUploaded   block bytes sent to peers
 * @param piecesVerified  pieces verified, including those verified before this session started
 * @param pieceCount      pieces in the torrent
 * @param hashFailures    pieces that failed verification
 * @param downloadSeconds from the first downloaded byte to the last piece verified (so far); 0 before any download
 * @param peers           one entry per connected peer
 */
public record SwarmStats(long bytesFromPeers, long bytesFromOrigin, long bytesUploaded, int piecesVerified,
                         int pieceCount, int hashFailures, double downloadSeconds, List<PeerStats> peers) {

    public SwarmStats {
        peers = List.copyOf(peers);
    }

    public boolean complete() {
        return piecesVerified == pieceCount;
    }
}
