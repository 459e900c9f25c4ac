package io.branchcast.agent.swarm.peers;

import io.branchcast.agent.swarm.wire.DisconnectReason;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PeerBanList holds the hosts (IP addresses) banned for the life of the agent, e.g. after sending a corrupt piece.
 * Bans are by host, not peer id, because a peer picks a fresh id on every start. Thread-safe, so sessions of several
 * torrents can share one list. It is not responsible for disconnecting banned peers.
 */
public final class PeerBanList {

    /** Banned host → why. */
    private final Map<String, DisconnectReason> banned = new ConcurrentHashMap<>();

    public void ban(String host, DisconnectReason reason) {
        banned.putIfAbsent(Objects.requireNonNull(host, "host"), Objects.requireNonNull(reason, "reason"));
    }

    public boolean isBanned(String host) {
        return banned.containsKey(host);
    }

    /** Why the host is banned, or null. */
    public DisconnectReason reason(String host) {
        return banned.get(host);
    }

    public void unban(String host) {
        banned.remove(host);
    }

    public int size() {
        return banned.size();
    }
}
