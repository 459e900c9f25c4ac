package io.branchcast.agent.swarm.wire;

/** HaveAll is the BitTorrent have all (BEP 6): the sender is a seeder; replaces a full bitfield. It has no payload; use {@link #INSTANCE}. */
public record HaveAll() implements PeerMessage {

    public static final HaveAll INSTANCE = new HaveAll();
}
