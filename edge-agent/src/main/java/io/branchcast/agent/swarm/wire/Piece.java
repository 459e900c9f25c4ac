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

    /**
     * The message for {@code length} bytes of this block from piece offset {@code begin}: a slice of the same data
     * holding its own reference to the network buffer, so this piece and the part are each released once.
     */
    public Piece part(int begin, int length) {
        int offset = begin - this.begin;
        if (offset < 0 || length < 1 || offset + length > data.length()) {
            throw new IllegalArgumentException("part " + begin + "+" + length + " outside block " + block());
        }
        if (data instanceof BufferImpl received) {
            received.byteBuf().retain();
        }
        return new Piece(pieceIndex, begin, data.slice(offset, offset + length));
    }

    /** The block this message carries. */
    public BlockRef block() {
        return new BlockRef(pieceIndex, begin, data.length());
    }
}
