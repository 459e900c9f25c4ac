package io.branchcast.agent.swarm.wire;

/** Choke is the BitTorrent choke: the sender will not serve requests until it unchokes. It has no payload; use {@link #INSTANCE}. */
public record Choke() implements PeerMessage {

    public static final Choke INSTANCE = new Choke();
}
