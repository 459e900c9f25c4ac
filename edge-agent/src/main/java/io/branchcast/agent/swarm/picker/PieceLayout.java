package io.branchcast.agent.swarm.picker;

import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.contracts.manifest.InfoDictionary;

/**
 * PieceLayout is the geometry a picker needs: how many pieces, how many 16 KiB blocks in each, and the exact block
 * boundaries (the last block of the last piece may be shorter).
 *
 * @param length      file length in bytes, > 0
 * @param pieceLength bytes per piece except the last, a positive multiple of {@link #BLOCK_SIZE}
 */
public record PieceLayout(long length, int pieceLength) {

    /** Request size used by every BitTorrent client. */
    public static final int BLOCK_SIZE = BlockRef.MAX_BLOCK_LENGTH;

    public PieceLayout {
        if (length <= 0 || pieceLength <= 0 || pieceLength % BLOCK_SIZE != 0) {
            throw new IllegalArgumentException("need length > 0 and a piece length that is a multiple of 16 KiB, got "
                    + length + " / " + pieceLength);
        }
        if ((length + pieceLength - 1) / pieceLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many pieces");
        }
    }

    public static PieceLayout of(InfoDictionary info) {
        return new PieceLayout(info.length(), info.pieceLength());
    }

    public int pieceCount() {
        return (int) ((length + pieceLength - 1) / pieceLength);
    }

    public int pieceSize(int piece) {
        return (int) Math.min(pieceLength, length - (long) piece * pieceLength);
    }

    public int blockCount(int piece) {
        return (pieceSize(piece) + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    public BlockRef block(int piece, int index) {
        int begin = index * BLOCK_SIZE;
        return new BlockRef(piece, begin, Math.min(BLOCK_SIZE, pieceSize(piece) - begin));
    }

    /** The block's index in its piece, or -1 if it is not exactly one of this layout's blocks. */
    public int blockIndex(BlockRef block) {
        int piece = block.pieceIndex();
        if (piece >= pieceCount() || block.begin() % BLOCK_SIZE != 0 || block.begin() >= pieceSize(piece)) {
            return -1;
        }
        int index = block.begin() / BLOCK_SIZE;
        return block(piece, index).length() == block.length() ? index : -1;
    }
}
