package io.branchcast.agent.swarm;

/**
 * PeerStats is a snapshot of one connected peer's traffic, as reported by {@link SwarmSession#stats()}.
 *
 * @param address            the peer's remote address, host:port
 * @param downloaded         block bytes received from the peer on this connection
 * @param uploaded           block bytes sent to the peer on this connection
 * @param downloadRate       bytes per second received, smoothed over about a second
 * @param uploadRate         bytes per second sent, smoothed over about a second
 * @param piecesAvailable    pieces the peer announced
 * @param requestsInFlight   our requests the peer has not answered yet
 */
public record PeerStats(String address, long downloaded, long uploaded, double downloadRate, double uploadRate,
                        int piecesAvailable, int requestsInFlight) {
}
