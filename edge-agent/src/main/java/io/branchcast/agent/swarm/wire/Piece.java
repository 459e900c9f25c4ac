package io.branchcast.agent.swarm.wire;

import io.vertx.core.buffer.Buffer;

import java.util.Objects;

/**
 * Piece is the BitTorrent piece message: one block of data. {@code data} is a slice of the received frame (or the
 * buffer read from storage), never a copy; holders must treat it as read-only. Whether the block was requested is the
 * session's check, not this record's.
 */
public record Piece(int pieceIndex, int begin, Buffer data) implements PeerMessage {

    public Piece {
        Checks.pieceIndex(pieceIndex);
        Checks.begin(begin);
        Objects.requireNonNull(data, "data");
        Checks.blockLength(data.length());
    }

    /** The block this message carries. */
    public BlockRef block() {
        return new BlockRef(pieceIndex, begin, data.length());
    }
}
