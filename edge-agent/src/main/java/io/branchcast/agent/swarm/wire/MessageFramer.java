package io.branchcast.agent.swarm.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.util.Objects;

/**
 * MessageFramer cuts a peer's byte stream into frames: first the 68-byte handshake, then a fixed 4-byte length prefix
 * followed by a body of that length. It reads the socket's own (pooled, direct) Netty buffers, which it owns once
 * pushed to {@link #onData}. A piece message whose frame lies whole inside one read keeps its data in that buffer (a
 * retained slice, no copy) up to the disk write, and owns it: see {@link Piece#release()}. A frame split across reads
 * is gathered from slices of those reads (a composite buffer; copied once it would take more than
 * {@link #MAX_FRAME_PARTS} reads); every other message is copied to the heap and its network bytes released at once.
 * A prefix is checked against {@link WireLimits#checkFrameLength} before any body byte is gathered, so a 2 GiB
 * prefix costs nothing. While paused it emits nothing (unparsed bytes are kept) and pauses the source. After the
 * first violation, or {@link #close()}, it emits nothing and holds no buffer. It is not responsible
 * for closing the socket (its {@link Listener} does that).
 */
final class MessageFramer {

    /** Receives frames in order, on the stream's context. */
    interface Listener {
        void onHandshake(Handshake handshake);

        void onMessage(PeerMessage message);

        void onViolation(ProtocolViolation violation);

        void onStreamError(Throwable error);
    }

    /** Flow control of the stream the framer reads: the socket, or a test's stand-in. */
    interface Source {
        void pause();

        void resume();
    }

    private static final int LENGTH_PREFIX = 4;
    /** Reads a split frame may keep as slices before the rest of it is copied. */
    static final int MAX_FRAME_PARTS = 8;
    private static final int PIECE_ID = MessageId.PIECE.wireId();

    private final Source source;
    private final WireCodec codec;
    private final Listener listener;
    /** The read being parsed, from its reader index on; null when all of it is consumed. */
    private ByteBuf input;
    /** The start of a frame split across reads; null when none. Never longer than expected. */
    private ByteBuf partial;
    /** Length of the next item: the handshake, a length prefix or a body. */
    private int expected = Handshake.LENGTH;
    /** True until the handshake frame arrived. */
    private boolean awaitingHandshake = true;
    /** True while the next item is a length prefix, false while it is a body. */
    private boolean awaitingLength = true;
    private boolean paused;
    /** True while frames are being emitted; a resume from a listener then just lets the loop go on. */
    private boolean emitting;
    /** Set on the first violation or on close; nothing is emitted afterwards. */
    private boolean failed;

    MessageFramer(Source source, WireCodec codec, Listener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Stops emitting frames and applies back-pressure to the source. */
    void pause() {
        if (!paused) {
            paused = true;
            source.pause();
        }
    }

    /** Resumes emitting frames. */
    void resume() {
        if (failed || !paused) {
            return;
        }
        paused = false;
        source.resume();
        emit();
    }

    /** Stops for good and releases the buffers held; later data is released as it arrives. */
    void close() {
        failed = true;
        if (input != null) {
            input.release();
            input = null;
        }
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }

    /** Takes ownership of one read from the socket. */
    void onData(ByteBuf data) {
        if (failed) {
            data.release();
            return;
        }
        if (input == null) {
            input = data;
        } else {
            // only while paused: the unparsed rest and the new read become one buffer
            ByteBuf joined = data.alloc().buffer(input.readableBytes() + data.readableBytes());
            joined.writeBytes(input).writeBytes(data);
            input.release();
            data.release();
            input = joined;
        }
        emit();
    }

    private void emit() {
        if (emitting) {
            return;
        }
        emitting = true;
        try {
            while (!paused && !failed && input != null && input.isReadable()) {
                try {
                    next();
                } catch (ProtocolViolation violation) {
                    pause();
                    close();
                    listener.onViolation(violation);
                }
            }
            if (input != null && !input.isReadable()) {
                input.release();
                input = null;
            }
        } finally {
            emitting = false;
        }
    }

    /** Consumes the next item of the input, or as much of it as has arrived. */
    private void next() {
        int available = input.readableBytes();
        if (partial != null) {
            gather(Math.min(expected - partial.readableBytes(), available));
            if (partial.readableBytes() == expected) {
                ByteBuf frame = partial;
                partial = null;
                onFrame(frame);
            }
        } else if (awaitingLength && !awaitingHandshake && available >= LENGTH_PREFIX) {
            onLength(input.readInt());
        } else if (available >= expected) {
            onFrame(input.readRetainedSlice(expected));
        } else {
            partial = input.alloc().compositeBuffer(MAX_FRAME_PARTS);
            gather(available);
        }
    }

    /**
     * Moves {@code length} input bytes into the split frame: as a slice of the read while the frame has fewer than
     * {@link #MAX_FRAME_PARTS} parts, so a 128 KiB block spread over a few reads is not copied; by copying after that,
     * so a peer that trickles bytes can neither make us hold many reads' buffers nor pay for consolidating them.
     */
    private void gather(int length) {
        if (partial instanceof CompositeByteBuf parts) {
            if (parts.numComponents() < MAX_FRAME_PARTS) {
                parts.addComponent(true, input.readRetainedSlice(length));
                return;
            }
            ByteBuf flat = input.alloc().buffer(expected);
            flat.writeBytes(parts);
            parts.release();
            partial = flat;
        }
        partial.writeBytes(input, length);
    }

    /** Handles one whole frame and releases it, or hands its ownership on with a piece message. */
    private void onFrame(ByteBuf frame) {
        if (awaitingHandshake) {
            awaitingHandshake = false;
            expected = LENGTH_PREFIX;
            listener.onHandshake(WireCodec.decodeHandshake(heapCopy(frame)));
        } else if (awaitingLength) {
            int length = frame.readInt();
            frame.release();
            onLength(length);
        } else {
            awaitingLength = true;
            expected = LENGTH_PREFIX;
            if (frame.getUnsignedByte(frame.readerIndex()) == PIECE_ID) {
                listener.onMessage(decodePiece(frame));
            } else {
                listener.onMessage(codec.decode(heapCopy(frame)));
            }
        }
    }

    private void onLength(int length) {
        codec.limits().checkFrameLength(length);
        if (length == 0) {
            listener.onMessage(KeepAlive.INSTANCE);
        } else {
            awaitingLength = false;
            expected = length;
        }
    }

    private PeerMessage decodePiece(ByteBuf frame) {
        try {
            return codec.decode(BufferInternal.buffer(frame));
        } catch (ProtocolViolation violation) {
            frame.release();
            throw violation;
        }
    }

    private static Buffer heapCopy(ByteBuf frame) {
        try {
            return Buffer.buffer(ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
    }
}
