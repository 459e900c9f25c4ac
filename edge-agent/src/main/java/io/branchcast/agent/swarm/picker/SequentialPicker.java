package io.branchcast.agent.swarm.picker;

import java.util.BitSet;

/**
 * SequentialPicker starts pieces in index order, lowest first: predictable for debugging, bad for a swarm (every peer
 * wants the same pieces). Same contract and bookkeeping as {@link RarestFirstPicker}.
 */
public final class SequentialPicker<P> extends BlockPicker<P> {

    public SequentialPicker(PieceLayout layout, BitSet alreadyVerified) {
        super(layout, alreadyVerified, availability -> new IndexOrder());
    }
}
