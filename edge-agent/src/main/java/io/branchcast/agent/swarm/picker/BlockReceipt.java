package io.branchcast.agent.swarm.picker;

import java.util.List;

/**
 * BlockReceipt is the picker's verdict on an arrived block.
 *
 * @param outcome       whether to store the block
 * @param cancels       duplicate requests of the same block (endgame) to cancel now
 * @param pieceComplete true when this block was the last missing one of its piece: verify the piece now
 */
public record BlockReceipt<P>(Outcome outcome, List<Request<P>> cancels, boolean pieceComplete) {

    /** What to do with the block's data. */
    public enum Outcome {
        /** First copy of a block of a piece being downloaded: write it. */
        ACCEPTED,
        /** The block (or its whole piece) is already there: drop the data. */
        DUPLICATE,
        /** Not a block of any piece being downloaded: drop it; the peer sent something nobody asked for. */
        UNEXPECTED
    }

    public BlockReceipt {
        cancels = List.copyOf(cancels);
    }

    static <P> BlockReceipt<P> dropped(Outcome outcome) {
        return new BlockReceipt<>(outcome, List.of(), false);
    }
}
