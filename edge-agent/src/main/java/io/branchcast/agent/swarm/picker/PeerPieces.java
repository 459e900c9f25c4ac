package io.branchcast.agent.swarm.picker;

import io.branchcast.agent.swarm.wire.BlockRef;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** PeerPieces is what a picker knows about one peer: the pieces it has and the blocks requested from it. */
final class PeerPieces {

    /** Pieces announced by the peer; unused (empty) once the peer is a seed. */
    final BitSet pieces = new BitSet();
    /** Blocks requested from this peer and not yet received, rejected or expired, in request order. */
    final Set<BlockRef> requests = new LinkedHashSet<>();
    /** True after have-all: the peer has every piece and is counted in the picker's seed count, not per piece. */
    boolean seed;
    /** pieces.cardinality(), kept to choose the cheaper search without counting bits. */
    int pieceCount;

    boolean has(int piece) {
        return seed || pieces.get(piece);
    }
}
