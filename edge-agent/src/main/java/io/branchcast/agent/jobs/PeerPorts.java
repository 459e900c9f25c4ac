package io.branchcast.agent.jobs;

import java.util.BitSet;

/**
 * PeerPorts hands out the peer listener ports of concurrent jobs: each swarm session listens on its own port, from
 * {@code peer.port} upwards ({@link #RANGE} ports), and each job announces its own port to the tracker. Call it on
 * one context.
 */
public final class PeerPorts {

    public static final int RANGE = 64;

    private final int first;
    private final BitSet used = new BitSet(RANGE);

    public PeerPorts(int first) {
        this.first = first;
    }

    /** A free port; fails when {@link #RANGE} jobs transfer at once. */
    public synchronized int acquire() {
        int index = used.nextClearBit(0);
        if (index >= RANGE || first + index > 65535) {
            throw new IllegalStateException("all " + RANGE + " peer ports from " + first + " are in use");
        }
        used.set(index);
        return first + index;
    }

    public synchronized void release(int port) {
        used.clear(port - first);
    }
}
