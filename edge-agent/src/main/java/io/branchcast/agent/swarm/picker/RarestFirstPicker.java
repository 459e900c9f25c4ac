package io.branchcast.agent.swarm.picker;

import java.util.BitSet;
import java.util.Random;

/**
 * RarestFirstPicker starts the pieces fewest peers have, so rare pieces spread before their owners leave and every
 * peer soon has something to offer the others; ties are broken at random, so peers starting together pick different
 * pieces, preferring the first {@code tieBreakWindow} fresh pieces of the file so that the file's SHA-256 keeps up
 * with the download. Pieces are kept in availability buckets ({@link RarityBuckets}). See {@link PiecePicker} for the
 * contract.
 */
public final class RarestFirstPicker<P> extends BlockPicker<P> {

    /**
     * @param layout          piece geometry
     * @param alreadyVerified pieces verified before (from the store on resume)
     * @param random          tie-break source; pass a seeded one in tests
     * @param tieBreakWindow  fresh pieces, from the front of the file, preferred among equally rare ones (0: none)
     */
    public RarestFirstPicker(PieceLayout layout, BitSet alreadyVerified, Random random, int tieBreakWindow) {
        super(layout, alreadyVerified, availability -> new RarityBuckets(availability, random, tieBreakWindow));
    }
}
