package io.branchcast.agent.swarm.wire;

/**
 * BlockRef names one block of a piece: piece index, byte offset inside the piece and length (1 to 16 KiB). It is the
 * payload of request, cancel and reject messages and the key of in-flight bookkeeping. It does not know the torrent,
 * so range checks against the piece size happen in {@link WireLimits}.
 */
public record BlockRef(int pieceIndex, int begin, int length) {

    /** The largest block a peer may request or send (BEP 3 practice: 16 KiB). */
    public static final int MAX_BLOCK_LENGTH = 16 * 1024;

    public BlockRef {
        Checks.pieceIndex(pieceIndex);
        Checks.begin(begin);
        Checks.blockLength(length);
    }
}
