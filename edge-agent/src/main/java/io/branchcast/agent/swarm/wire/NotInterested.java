package io.branchcast.agent.swarm.wire;

/** NotInterested is the BitTorrent not interested: the sender wants nothing from the receiver. It has no payload; use {@link #INSTANCE}. */
public record NotInterested() implements PeerMessage {

    public static final NotInterested INSTANCE = new NotInterested();
}
