package io.branchcast.agent.swarm.picker;

import io.branchcast.agent.swarm.wire.BlockRef;

import java.util.Objects;

/** Request is one block asked from one peer: what a picker tells its caller to cancel or to give up on. */
public record Request<P>(P peer, BlockRef block) {

    // Written out for the reason given in BlockRef: pickers key their request bookkeeping by Request.
    @Override
    public boolean equals(Object other) {
        return other instanceof Request<?> that && Objects.equals(peer, that.peer) && block.equals(that.block);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(peer) * 31 + block.hashCode();
    }
}
