package io.branchcast.agent.swarm.wire;

/**
 * BlockRef names one block of a piece: piece index, byte offset inside the piece and length (1 byte to
 * {@link #MAX_REQUEST_LENGTH}). It is the payload of request, cancel and reject messages and the key of in-flight
 * bookkeeping. It does not know the torrent,
 * so range checks against the piece size happen in {@link WireLimits}.
 */
public record BlockRef(int pieceIndex, int begin, int length) {

    /** The block of BEP 3 practice (16 KiB): what stock clients request and send, and the picker's unit. */
    public static final int MAX_BLOCK_LENGTH = 16 * 1024;
    /**
     * The hard ceiling of any block on the wire (128 KiB). Two Branchcast peers agree on requests up to this size in
     * their BEP 10 handshakes ({@link ExtendedHandshake#maxRequestLength()}); longer ones are a protocol violation.
     */
    public static final int MAX_REQUEST_LENGTH = 128 * 1024;

    public BlockRef {
        Checks.pieceIndex(pieceIndex);
        Checks.begin(begin);
        Checks.blockLength(length);
    }

    // Written out rather than generated: a record's equals and hashCode run through invokedynamic method handles,
    // which C1 (the agent's compiler for this code, see docs/swarm.md) calls without inlining, and every block costs
    // several lookups in sets keyed by BlockRef.
    @Override
    public boolean equals(Object other) {
        return other instanceof BlockRef that && pieceIndex == that.pieceIndex && begin == that.begin
                && length == that.length;
    }

    @Override
    public int hashCode() {
        return (pieceIndex * 31 + begin) * 31 + length;
    }
}
