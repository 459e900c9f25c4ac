package io.branchcast.agent.swarm.wire;

/** HaveNone is the BitTorrent have none (BEP 6): the sender has no piece; replaces an empty bitfield. It has no payload; use {@link #INSTANCE}. */
public record HaveNone() implements PeerMessage {

    public static final HaveNone INSTANCE = new HaveNone();
}
