package io.branchcast.agent.swarm.wire;

import java.util.Objects;

/** RejectRequest is the BEP 6 reject message: the sender will not serve a block the receiver requested. */
public record RejectRequest(BlockRef block) implements PeerMessage {

    public RejectRequest {
        Objects.requireNonNull(block, "block");
    }

    public RejectRequest(int pieceIndex, int begin, int length) {
        this(new BlockRef(pieceIndex, begin, length));
    }
}
