package io.branchcast.agent.swarm.wire;

import java.util.Objects;

/** Request is the BitTorrent request message: the sender asks for one block. */
public record Request(BlockRef block) implements PeerMessage {

    public Request {
        Objects.requireNonNull(block, "block");
    }

    public Request(int pieceIndex, int begin, int length) {
        this(new BlockRef(pieceIndex, begin, length));
    }
}
