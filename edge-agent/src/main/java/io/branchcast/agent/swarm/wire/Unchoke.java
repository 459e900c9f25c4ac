package io.branchcast.agent.swarm.wire;

/** Unchoke is the BitTorrent unchoke: the sender will serve requests. It has no payload; use {@link #INSTANCE}. */
public record Unchoke() implements PeerMessage {

    public static final Unchoke INSTANCE = new Unchoke();
}
