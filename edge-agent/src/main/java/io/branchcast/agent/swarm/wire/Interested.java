package io.branchcast.agent.swarm.wire;

/** Interested is the BitTorrent interested: the sender wants pieces the receiver has. It has no payload; use {@link #INSTANCE}. */
public record Interested() implements PeerMessage {

    public static final Interested INSTANCE = new Interested();
}
