package io.branchcast.agent.swarm.wire;

import java.util.Objects;

/** Cancel is the BitTorrent cancel message: the sender withdraws an earlier request for one block. */
public record Cancel(BlockRef block) implements PeerMessage {

    public Cancel {
        Objects.requireNonNull(block, "block");
    }

    public Cancel(int pieceIndex, int begin, int length) {
        this(new BlockRef(pieceIndex, begin, length));
    }
}
