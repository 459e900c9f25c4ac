package io.branchcast.agent.swarm.wire;

/**
 * WireLimits is what decoding must know about the torrent to reject out-of-range input: its geometry (total length,
 * piece length, hence piece count and last piece size) and the largest frame accepted. It is not responsible for
 * session-level checks such as whether a block was requested.
 *
 * @param totalLength      torrent payload length in bytes, at least 1
 * @param pieceLength      nominal piece length in bytes, at least 1
 * @param maxMessageLength the largest length prefix accepted for any message except a bitfield, whose bound is
 *                         exactly the torrent's bitfield size
 */
public record WireLimits(long totalLength, int pieceLength, int maxMessageLength) {

    /** Bytes of a piece message's body before its data: id, piece index, offset. */
    public static final int PIECE_BODY_HEADER = 9;
    /** Default frame bound: a piece message of the largest request fits, and so does any extended message we read. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = BlockRef.MAX_REQUEST_LENGTH + PIECE_BODY_HEADER;
    /** Smallest accepted frame bound: one full piece message. */
    public static final int MIN_MAX_MESSAGE_LENGTH = BlockRef.MAX_BLOCK_LENGTH + PIECE_BODY_HEADER;

    public WireLimits {
        if (totalLength < 1 || pieceLength < 1) {
            throw new IllegalArgumentException("total length and piece length must be positive");
        }
        if ((totalLength + pieceLength - 1) / pieceLength > Integer.MAX_VALUE - 7) {
            throw new IllegalArgumentException("too many pieces");
        }
        if (maxMessageLength < MIN_MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("max message length below " + MIN_MAX_MESSAGE_LENGTH);
        }
    }

    /** Limits for a torrent with the default frame bound. */
    public static WireLimits forTorrent(long totalLength, int pieceLength) {
        return new WireLimits(totalLength, pieceLength, DEFAULT_MAX_MESSAGE_LENGTH);
    }

    public int pieceCount() {
        return (int) ((totalLength + pieceLength - 1) / pieceLength);
    }

    /** Bytes in piece {@code index} (the last piece may be short). */
    public int pieceSize(int index) {
        checkPiece(index);
        return (int) Math.min(pieceLength, totalLength - (long) index * pieceLength);
    }

    /** The longest block a piece message within {@link #maxMessageLength()} can carry. */
    public int maxBlockLength() {
        return maxMessageLength - PIECE_BODY_HEADER;
    }

    /** Bitfield payload size: one bit per piece, rounded up to whole bytes. */
    public int bitfieldBytes() {
        return (pieceCount() + 7) / 8;
    }

    /**
     * Rejects a length prefix before any byte of the body is buffered. The bound is the larger of
     * {@link #maxMessageLength()} and the bitfield frame, so memory per connection stays bounded by configuration.
     */
    public void checkFrameLength(int length) {
        if (length < 0 || length > Math.max(maxMessageLength, bitfieldBytes() + 1)) {
            throw new ProtocolViolation(DisconnectReason.MESSAGE_TOO_LARGE,
                    "length prefix " + Integer.toUnsignedString(length));
        }
    }

    public void checkPiece(int index) {
        if (index < 0 || index >= pieceCount()) {
            throw new ProtocolViolation(DisconnectReason.INDEX_OUT_OF_RANGE,
                    "piece " + index + " of " + pieceCount());
        }
    }

    /** Checks that the block lies inside its piece. */
    public void checkBlock(int index, int begin, int length) {
        if ((long) begin + length > pieceSize(index)) {
            throw new ProtocolViolation(DisconnectReason.INDEX_OUT_OF_RANGE,
                    "block " + begin + "+" + length + " beyond piece " + index + " of " + pieceSize(index) + " bytes");
        }
    }
}
