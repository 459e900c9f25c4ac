package io.branchcast.agent.swarm.wire;

/** KeepAlive is the BitTorrent a keep-alive: a zero-length message that only proves the connection is alive. It has no payload; use {@link #INSTANCE}. */
public record KeepAlive() implements PeerMessage {

    public static final KeepAlive INSTANCE = new KeepAlive();
}
