package io.branchcast.agent.swarm.picker;

import io.branchcast.agent.swarm.wire.BlockRef;

/** Request is one block asked from one peer: what a picker tells its caller to cancel or to give up on. */
public record Request<P>(P peer, BlockRef block) {
}
