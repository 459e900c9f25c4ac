package io.branchcast.agent.swarm.wire;

/** Checks holds the argument checks shared by message constructors; a failed check is a {@link ProtocolViolation}. */
final class Checks {

    private Checks() {
    }

    static int pieceIndex(int pieceIndex) {
        if (pieceIndex < 0) {
            throw new ProtocolViolation(DisconnectReason.INDEX_OUT_OF_RANGE, "piece index " + pieceIndex);
        }
        return pieceIndex;
    }

    static int begin(int begin) {
        if (begin < 0) {
            throw new ProtocolViolation(DisconnectReason.INDEX_OUT_OF_RANGE, "block offset " + begin);
        }
        return begin;
    }

    static int blockLength(int length) {
        if (length <= 0 || length > BlockRef.MAX_REQUEST_LENGTH) {
            throw new ProtocolViolation(DisconnectReason.INVALID_BLOCK_LENGTH, "block length " + length);
        }
        return length;
    }
}
