package io.branchcast.agent.swarm.picker;

import io.branchcast.agent.swarm.SwarmOptions;
import io.branchcast.agent.swarm.wire.BlockRef;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Swarm is the compact picker fixture, in the style of libtorrent's piece picker tests: availability is a string with
 * one digit per piece ("2223333": pieces 0-2 are owned by two peers, 3-6 by three), the verified pieces another
 * ("0010000"). Peers "peer0", "peer1"... own the pieces: peerK has piece i when K < availability[i].
 */
final class Swarm {

    static final int BLOCK = PieceLayout.BLOCK_SIZE;

    private Swarm() {
    }

    static PieceLayout layout(int pieces, int blocksPerPiece) {
        return new PieceLayout((long) pieces * blocksPerPiece * BLOCK, blocksPerPiece * BLOCK);
    }

    static RarestFirstPicker<String> rarestFirst(String availability) {
        return rarestFirst(availability, "0".repeat(availability.length()), 1, 1);
    }

    static RarestFirstPicker<String> rarestFirst(String availability, String verified, int blocksPerPiece, long seed) {
        return rarestFirst(availability, verified, blocksPerPiece, seed, SwarmOptions.DEFAULT_TIE_BREAK_WINDOW);
    }

    static RarestFirstPicker<String> rarestFirst(String availability, String verified, int blocksPerPiece, long seed,
                                                 int tieBreakWindow) {
        RarestFirstPicker<String> picker = new RarestFirstPicker<>(layout(availability.length(), blocksPerPiece),
                bits(verified), new Random(seed), tieBreakWindow);
        populate(picker, availability);
        return picker;
    }

    static <P extends PiecePicker<String>> P populate(P picker, String availability) {
        int peers = availability.chars().map(c -> c - '0').max().orElse(0);
        for (int k = 0; k < peers; k++) {
            picker.addPeer("peer" + k);
            for (int piece = 0; piece < availability.length(); piece++) {
                if (k < availability.charAt(piece) - '0') {
                    picker.peerHas("peer" + k, piece);
                }
            }
        }
        return picker;
    }

    /** Adds a peer with the given bitfield string ("0101"). */
    static void join(PiecePicker<String> picker, String peer, String pieces) {
        picker.addPeer(peer);
        picker.peerHasPieces(peer, bits(pieces));
    }

    /** Adds a peer that has every piece and that therefore does not change the rarity order. */
    static void joinSeed(PiecePicker<String> picker, String peer) {
        picker.addPeer(peer);
        picker.peerHasAll(peer);
    }

    /** The pieces of the picked blocks, one entry per block. */
    static List<Integer> pieces(List<BlockRef> blocks) {
        return blocks.stream().map(BlockRef::pieceIndex).toList();
    }

    static BitSet bits(String ones) {
        BitSet bits = new BitSet();
        for (int i = 0; i < ones.length(); i++) {
            if (ones.charAt(i) == '1') {
                bits.set(i);
            }
        }
        return bits;
    }
}
