package io.branchcast.agent.swarm.picker;

import java.util.BitSet;
import java.util.Random;

/**
 * RarestFirstPicker starts the pieces fewest peers have, so rare pieces spread before their owners leave and every
 * peer soon has something to offer the others; ties are broken at random, so peers starting together pick different
 * pieces. Pieces are kept in availability buckets ({@link RarityBuckets}). See {@link PiecePicker} for the contract.
 */
public final class RarestFirstPicker<P> extends BlockPicker<P> {

    /**
     * @param layout          piece geometry
     * @param alreadyVerified pieces verified before (from the store on resume)
     * @param random          tie-break source; pass a seeded one in tests
     */
    public RarestFirstPicker(PieceLayout layout, BitSet alreadyVerified, Random random) {
        super(layout, alreadyVerified, availability -> new RarityBuckets(availability, random));
    }
}
