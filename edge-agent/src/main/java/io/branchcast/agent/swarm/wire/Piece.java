package io.branchcast.agent.swarm.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;

import java.util.Objects;

/**
 * Piece is the BitTorrent piece message: one block of data. {@code data} is a slice of the received frame, never a
 * copy; holders must treat it as read-only. A piece received from a peer holds a pooled network buffer: whoever
 * handles it last (writes it to disk or drops it) calls {@link #release()} once. Whether the block was requested is
 * the session's check, not this record's.
 */
public record Piece(int pieceIndex, int begin, Buffer data) implements PeerMessage {

    public Piece {
        Checks.pieceIndex(pieceIndex);
        Checks.begin(begin);
        Objects.requireNonNull(data, "data");
        Checks.blockLength(data.length());
    }

    /**
     * Gives the data's network buffer back to its pool; the data must not be used afterwards. Heap data (built in
     * tests, or by hand) is left to the garbage collector.
     */
    public void release() {
        if (data instanceof BufferImpl received) {
            received.byteBuf().release();
        }
    }

    /** The block this message carries. */
    public BlockRef block() {
        return new BlockRef(pieceIndex, begin, data.length());
    }
}
